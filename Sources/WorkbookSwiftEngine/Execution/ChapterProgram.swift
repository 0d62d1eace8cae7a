import Foundation
import WorkbookKit
import SwiftToolchain

/// The Swift program that runs a chapter's snippets in order, as one `main.swift`.
///
/// Snippets share their top-level declarations like the cells of a notebook: the library
/// shape puts them at file scope, the script shape keeps them as top-level code
/// (`ChapterProgram+Shapes.swift`). Before and after each snippet the program prints a boundary line and
/// flushes stdout through fully qualified calls (`Swift.print`, `Glibc.fflush(Glibc.stdout)`),
/// so a snippet that declares its own `print`, `fflush` or `stdout` cannot break the framing;
/// the runner can split the output per snippet and tell which snippet was running when the
/// program crashed or hung. The end line also carries the seconds the snippet ran, measured by
/// the program on the monotonic clock (for `--timings`). `#sourceLocation` maps every snippet
/// line to its chapter line, so compiler errors and `fatalError` messages point into the chapter.
public struct ChapterProgram: Sendable, Equatable {
    /// Bumped whenever the generated text changes in a way that can change outputs; part of
    /// every result cache key.
    public static let templateVersion = "program-9"
    /// A library-shape program of at least this many snippets is compiled as two files by two
    /// compiler jobs at once (about 5 ms of compiler time per small snippet, against about
    /// 60 ms to start a job and parse the other file), even when no core is spare.
    static let splitThreshold = 32
    /// The most files a program is written as.
    public static let maximumFiles = 4

    /// The generated `main.swift`.
    public var source: String
    /// The program's other files (`part-2.swift`, …), compiled with `main.swift` as one module
    /// by parallel compiler jobs; empty unless the chapter is long (see `splitThreshold`).
    public var otherSources: [String] = []
    /// The boundary token, unique to the chapter's code, printed around each snippet.
    public var boundary: String
    /// The snippets the program runs (not `norun`), in order.
    public var snippetIndices: [Int]
    /// How the program is laid out (see `ChapterProgram+Shapes.swift`).
    var shape: Shape
    /// A hash of everything the program's text is generated from (the template, the chapter's
    /// path, the modules, each runnable snippet's index, lines, code and options), the same
    /// whatever number of files it is written as: such programs behave alike.
    public var identity: String

    /// Generates the program of `chapter`, importing `modules` (the `imports` of `workbook.toml`
    /// and the chapter's own, such as a doc comment's module) besides what its snippets import,
    /// as up to `files` files (one per compiler job that may run at once; a long chapter takes
    /// at least two).
    /// `scriptOnly` keeps the script shape even where the library shape could be used (see
    /// `ChapterRunner`: a global whose type is another declaration's opaque `some` type).
    /// `splits: false` (the plain compile path, `CompilePath.splitsPrograms`) keeps one file
    /// whatever the chapter's length.
    public init(chapter: Chapter, modules: [String], files: Int = 1, scriptOnly: Bool = false, splits: Bool = true) {
        let runnable = chapter.snippets.filter { !$0.options.norun }
        var hasher = ContentHasher()
        for snippet in runnable { hasher.combine(snippet.code) }
        boundary = "\u{1}workbook-boundary-\(hasher.finalize().prefix(20))"
        snippetIndices = runnable.map(\.index)

        identity = Self.identity(of: chapter, modules: modules, scriptOnly: scriptOnly)

        let marker = boundary.replacingOccurrences(of: "\u{1}", with: "\\u{1}")
        // Line-buffered stdout keeps what a snippet printed before it trapped (`expect=crash`).
        let lineBuffered = runnable.contains { $0.options.documentation.expect == .crash }
        // Files see each other's declarations, except `private` and `fileprivate` ones: a
        // chapter that declares such keeps one file.
        let wanted = min(Self.maximumFiles, max(files, runnable.count >= Self.splitThreshold ? 2 : 1))
        let parts = !splits || runnable.contains { $0.code.contains("private") } ? 1 : wanted
        if !scriptOnly, let files = Self.libraryFiles(path: chapter.path, snippets: runnable, modules: modules, marker: marker,
                                         lineBuffered: lineBuffered, parts: parts) {
            (source, otherSources, shape) = (files[0], Array(files.dropFirst()), .library)
        } else {
            source = Self.scriptSource(path: chapter.path, snippets: runnable, modules: modules, marker: marker,
                                       lineBuffered: lineBuffered)
            shape = .script
        }
    }

    /// The `identity` of `chapter`'s program, without generating its text.
    static func identity(of chapter: Chapter, modules: [String], scriptOnly: Bool = false) -> String {
        var generatedFrom = ContentHasher()
        for part in [templateVersion, chapter.path, scriptOnly ? "script" : ""] + modules { generatedFrom.combine(part) }
        for snippet in chapter.snippets where !snippet.options.norun {
            generatedFrom.combine("\(snippet.index):\(snippet.codeFirstLine):\(snippet.options.documentation.expect.map { "\($0)" } ?? "")"
                                  + (snippet.options.compileOnly ? ":compile" : ""))
            generatedFrom.combine(snippet.code)
        }
        return generatedFrom.finalize()
    }

    /// The chapter's path as the program names it (`#sourceLocation`, comments, `#fileID`):
    /// line breaks and other control characters, which would end a comment or a literal and
    /// split the compiler's one-line diagnostics, become `?`. Diagnostics are mapped back.
    static func locationName(_ path: String) -> String { CompilerDiagnostics.locationName(path) }

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
