import SwiftToolchain
import WorkbookKit

/// The two texts a chapter program can have.
///
/// The **library shape** (compiled with `-parse-as-library`) puts every top-level declaration
/// of every snippet at file scope, each snippet's statements in a function of its own, and an
/// `@main` entry point that calls them in order between the boundary lines. Compile time is
/// linear in the number of snippets: script-mode top-level code nests every later declaration
/// inside each top-level statement's scope, so every name lookup of an N-snippet program walks
/// a chain of about 4.5 N scopes. A top-level `let`/`var` becomes a global; its snippet's
/// function reads it (`_ = name`) at the place it was declared, which runs its initializer
/// there, in chapter order, as top-level code would. A global's initializer cannot throw, so one
/// that may is wrapped in `_workbookTry`, which ends the program with the message of an
/// uncaught top-level error (`Swift._errorInMain`), as the script shape would.
///
/// The **script shape** is the snippets as top-level code of `main.swift`, kept for the
/// chapters `SnippetItems` cannot split exactly (and for a snippet that does not parse, so
/// the compiler reports it as usual).
extension ChapterProgram {
    enum Shape: Sendable, Equatable {
        case library
        case script

        /// The extra `swiftc` flags the shape needs.
        var compilerFlags: [String] { self == .library ? ["-parse-as-library"] : [] }
    }

    /// The framing both shapes share: imports, the boundary printer and the clock. A program
    /// imports `modules` (`imports` of `workbook.toml`) and what its snippets import, and
    /// nothing else but the C library the framing calls (`Glibc` or `Darwin`): no Foundation
    /// unless the chapter asks for it, as a client of a package imports what it uses.
    static func prelude(path: String, modules: [String]) -> String {
        var text = "// Generated from \(locationName(path)); edit the chapter, not this file.\n"
        for module in modules { text += "import \(module)\n" }
        text += """
            #if canImport(Glibc)
            import Glibc
            func _workbookBoundary(_ line: Swift.String) {
                Swift.print(line)
                Glibc.fflush(Glibc.stdout)
            }
            #elseif canImport(Darwin)
            import Darwin
            func _workbookBoundary(_ line: Swift.String) {
                Swift.print(line)
                Darwin.fflush(Darwin.stdout)
            }
            #endif
            func _workbookNow() -> Swift.Double {
                var time = timespec()
                clock_gettime(CLOCK_MONOTONIC, &time)
                return Swift.Double(time.tv_sec) + Swift.Double(time.tv_nsec) / 1e9
            }

            """
        return text
    }

    /// The statement that makes stdout line-buffered.
    static let lineBuffering = """
        #if canImport(Glibc)
        Glibc.setvbuf(Glibc.stdout, nil, Glibc._IOLBF, 0)
        #elseif canImport(Darwin)
        Darwin.setvbuf(Darwin.stdout, nil, Darwin._IOLBF, 0)
        #endif

        """

    /// The snippets as top-level code.
    static func scriptSource(path: String, snippets: [Snippet], modules: [String], marker: String,
                             lineBuffered: Bool = false) -> String {
        var text = prelude(path: path, modules: modules)
        if lineBuffered { text += lineBuffering }
        text += "var _workbookSnippetStart: Swift.Double = 0.0\n"
        let file = stringLiteral(locationName(path))
        for snippet in snippets {
            if snippet.options.compileOnly {
                text += compileOnlyScript(snippet, file: file)
                continue
            }
            text += "_workbookBoundary(\"\(marker) begin \(snippet.index)\")\n"
            text += "_workbookSnippetStart = _workbookNow()\n"
            text += "#sourceLocation(file: \(file), line: \(snippet.codeFirstLine))\n"
            text += snippet.code
            if !snippet.code.isEmpty && !snippet.code.hasSuffix("\n") { text += "\n" }
            text += "#sourceLocation()\n"
            text += "_workbookBoundary(\"\\n\(marker) end \(snippet.index) \\(_workbookNow() - _workbookSnippetStart)\")\n"
        }
        return text
    }

    /// The snippets as file-scope declarations and one function each, in one file, or `nil`
    /// when a snippet cannot be split exactly.
    static func librarySource(path: String, snippets: [Snippet], modules: [String], marker: String,
                              lineBuffered: Bool = false) -> String? {
        libraryFiles(path: path, snippets: snippets, modules: modules, marker: marker, lineBuffered: lineBuffered, parts: 1)?.first
    }

    /// The library shape in `parts` files of one module (fewer when there are fewer snippets),
    /// split where about as much code lies on each side; the first file holds the framing,
    /// the last the entry point, and each repeats the imports. `nil` when a snippet cannot be
    /// split exactly.
    static func libraryFiles(path: String, snippets: [Snippet], modules: [String], marker: String,
                             lineBuffered: Bool = false, parts: Int) -> [String]? {
        var split: [SnippetItems] = []
        for snippet in snippets {
            guard let items = SnippetItems(code: snippet.code) else { return nil }
            split.append(items)
        }
        let file = stringLiteral(locationName(path))
        var text = prelude(path: path, modules: modules) + userImports(snippets, split, file: file)
        text += tryFunction + runFunction(marker: marker, access: "")
        guard let chunks = snippetChunks(snippets, split, file: file, filePrivate: false) else { return nil }
        var entry = "@main enum _WorkbookMain {\n    static func main() throws {\n"
        if lineBuffered { entry += lineBuffering }
        // A `compile` snippet's function is type-checked and never called.
        for snippet in snippets where !snippet.options.compileOnly {
            entry += "        try _workbookRun(\(snippet.index), _workbookSnippet\(snippet.index))\n"
        }
        entry += "    }\n}\n"

        var files: [String] = []
        // The framing is compiled with the first file: it counts towards that file's share.
        for group in balanced(chunks, parts: parts, leading: text.utf8.count) {
            if files.isEmpty {
                files.append(text + group.joined())
            } else {
                files.append(importsOnly(path: path, modules: modules) + userImports(snippets, split, file: file) + group.joined())
            }
        }
        files[files.count - 1] += entry
        return files
    }

    /// `chunks` in order, cut into at most `parts` runs (at least one) of about equal length,
    /// the first run starting with `leading` bytes of other text.
    static func balanced(_ chunks: [String], parts: Int, leading: Int = 0) -> [[String]] {
        let total = leading + chunks.reduce(0) { $0 + $1.utf8.count }
        let count = max(1, min(parts, chunks.count))
        var runs: [[String]] = [[]]
        var done = leading
        for chunk in chunks {
            let share = total * runs.count / count
            if runs.count < count, done + chunk.utf8.count / 2 > share, !runs[runs.count - 1].isEmpty { runs.append([]) }
            runs[runs.count - 1].append(chunk)
            done += chunk.utf8.count
        }
        return runs
    }

    /// The imports every file of a program starts with, without the framing functions.
    static func importsOnly(path: String, modules: [String]) -> String {
        var text = "// Generated from \(locationName(path)); edit the chapter, not this file.\n"
        for module in modules { text += "import \(module)\n" }
        text += "#if canImport(Glibc)\nimport Glibc\n#elseif canImport(Darwin)\nimport Darwin\n#endif\n"
        return text
    }

    /// A `compile` snippet in the script shape: compiled, never run, and printing no boundary
    /// (it has no output). Made only of declarations (functions, types, imports: nothing that
    /// runs), it stays top-level code, visible to later snippets; with any statement or
    /// variable it becomes the body of an `async throws` function that is never called, so
    /// its declarations are local to it.
    static func compileOnlyScript(_ snippet: Snippet, file: String) -> String {
        var code = snippet.code
        if !code.isEmpty && !code.hasSuffix("\n") { code += "\n" }
        let located = "#sourceLocation(file: \(file), line: \(snippet.codeFirstLine))\n" + code + "#sourceLocation()\n"
        if let items = SnippetItems(code: snippet.code), items.steps.isEmpty { return located }
        return "func _workbookCompileOnly\(snippet.index)() async throws {\n" + located + "}\n"
    }

    /// `item` at its chapter line and column (`file` is the chapter's path as a literal), then `after`.
    static func located(_ item: SnippetItems.Item, of snippet: Snippet, file: String, then after: String = "\n#sourceLocation()\n",
                        inserting insertion: (offset: Int, text: String)? = nil) -> String {
        var text = item.text
        if let insertion {
            let utf8 = Array(text.utf8)
            text = String(decoding: utf8[..<insertion.offset], as: UTF8.self) + insertion.text
                + String(decoding: utf8[insertion.offset...], as: UTF8.self)
        }
        return "#sourceLocation(file: \(file), line: \(snippet.codeFirstLine + item.line - 1))\n"
            + String(repeating: " ", count: max(0, item.column - 1)) + text + after
    }

    /// The snippets' imports, hoisted to file scope at their chapter lines.
    static func userImports(_ snippets: [Snippet], _ split: [SnippetItems], file: String) -> String {
        var text = ""
        for (snippet, items) in zip(snippets, split) {
            for item in items.imports { text += located(item, of: snippet, file: file) }
        }
        return text
    }

    /// Ends the program as an uncaught top-level error would when a global's initializer throws.
    static let tryFunction = """
        func _workbookTry<T>(_ initializer: () throws -> T) -> T {
            do { return try initializer() } catch { Swift._errorInMain(error); Swift.fatalError() }
        }

        """

    /// Runs one snippet's function between its boundary lines.
    static func runFunction(marker: String, access: String) -> String {
        """
        \(access)func _workbookRun(_ index: Swift.Int, _ snippet: () throws -> Swift.Void) rethrows {
            _workbookBoundary("\(marker) begin \\(index)")
            let start = _workbookNow()
            try snippet()
            _workbookBoundary("\\n\(marker) end \\(index) \\(_workbookNow() - start)")
        }

        """
    }

    /// Each snippet's file-scope declarations and its function; with `filePrivate`, every
    /// declaration and function is `fileprivate` (`nil` when a declaration cannot be).
    static func snippetChunks(_ snippets: [Snippet], _ split: [SnippetItems], file: String, filePrivate: Bool) -> [String]? {
        let access = filePrivate ? "fileprivate " : ""
        var chunks: [String] = []
        for (snippet, items) in zip(snippets, split) {
            var chunk = ""
            for (declaration, offset) in zip(items.declarations, items.filePrivateOffsets) {
                var insertion: (offset: Int, text: String)?
                if filePrivate {
                    guard let offset else { return nil }
                    insertion = (offset, access)
                }
                switch declaration {
                case .plain(let item):
                    chunk += located(item, of: snippet, file: file, inserting: insertion)
                case .throwing(let head, let initializer):
                    // The initializer keeps its own line and column; a throw ends the program
                    // with the message of an uncaught top-level error.
                    chunk += located(head, of: snippet, file: file, then: " _workbookTry {\n", inserting: insertion)
                    chunk += located(initializer, of: snippet, file: file, then: "\n}\n#sourceLocation()\n")
                }
            }
            chunk += "\(access)func _workbookSnippet\(snippet.index)() throws {\n"
            for step in items.steps {
                switch step {
                case .statement(let item): chunk += located(item, of: snippet, file: file)
                // A borrow, not a copy: a noncopyable global (`var buffer = RigidDeque<Int>(…)`)
                // is initialized here all the same.
                case .touch(let name): chunk += "Swift.withExtendedLifetime(\(name)) {}\n"
                }
            }
            chunk += "}\n"
            chunks.append(chunk)
        }
        return chunks
    }
}
