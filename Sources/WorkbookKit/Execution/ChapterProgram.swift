import Foundation

/// The Swift program that runs a chapter's snippets in order, as one `main.swift`.
///
/// Snippets are top-level code of the same file, so they share declarations like the cells
/// of a notebook. Before and after each snippet the program prints a boundary line and
/// flushes stdout through fully qualified calls (`Swift.print`, `Glibc.fflush(Glibc.stdout)`),
/// so a snippet that declares its own `print`, `fflush` or `stdout` cannot break the framing;
/// the runner can split the output per snippet and tell which snippet was running when the
/// program crashed or hung. The end line also carries the seconds the snippet ran, measured by
/// the program on the monotonic clock (for `--timings`). `#sourceLocation` maps every snippet
/// line to its chapter line, so compiler errors and `fatalError` messages point into the chapter.
public struct ChapterProgram: Sendable, Equatable {
    /// Bumped whenever the generated text changes in a way that can change outputs; part of
    /// every result cache key.
    public static let templateVersion = "program-4"
    /// Modules every program imports before the core modules.
    public static let implicitImports = ["Foundation"]

    /// The generated `main.swift`.
    public var source: String
    /// The boundary token, unique to the chapter's code, printed around each snippet.
    public var boundary: String
    /// The snippets the program runs (not `norun`), in order.
    public var snippetIndices: [Int]

    /// Generates the program of `chapter`, importing `modules` (the core module names).
    public init(chapter: Chapter, modules: [String]) {
        let runnable = chapter.snippets.filter { !$0.options.norun }
        var hasher = ContentHasher()
        for snippet in runnable { hasher.combine(snippet.code) }
        boundary = "\u{1}workbook-boundary-\(hasher.finalize().prefix(20))"
        snippetIndices = runnable.map(\.index)

        var text = "// Generated from \(chapter.path); edit the chapter, not this file.\n"
        for module in Self.implicitImports + modules { text += "import \(module)\n" }
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
            var _workbookSnippetStart: Swift.Double = 0.0

            """
        if runnable.contains(where: { $0.options.documentation.expect == .crash }) {
            // Line-buffered stdout keeps what a snippet printed before it trapped.
            text += "#if canImport(Glibc)\nGlibc.setvbuf(Glibc.stdout, nil, Glibc._IOLBF, 0)\n"
            text += "#elseif canImport(Darwin)\nDarwin.setvbuf(Darwin.stdout, nil, Darwin._IOLBF, 0)\n#endif\n"
        }
        let file = Self.stringLiteral(chapter.path)
        let marker = boundary.replacingOccurrences(of: "\u{1}", with: "\\u{1}")
        for snippet in runnable {
            text += "_workbookBoundary(\"\(marker) begin \(snippet.index)\")\n"
            text += "_workbookSnippetStart = _workbookNow()\n"
            text += "#sourceLocation(file: \(file), line: \(snippet.codeFirstLine))\n"
            text += snippet.code
            if !snippet.code.isEmpty && !snippet.code.hasSuffix("\n") { text += "\n" }
            text += "#sourceLocation()\n"
            text += "_workbookBoundary(\"\\n\(marker) end \(snippet.index) \\(_workbookNow() - _workbookSnippetStart)\")\n"
        }
        source = text
    }

    static func stringLiteral(_ text: String) -> String {
        var escaped = "\""
        for character in text {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            default: escaped.append(character)
            }
        }
        return escaped + "\""
    }
}
