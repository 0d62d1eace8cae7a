/// A `swifttest` block of a chapter: one part of a listing's test as The Swift Programming
/// Language keeps it, in an HTML comment under the listing (see `SwifttestReader`).
///
/// Blocks with the same test name are one program, in reading order; each block becomes a
/// hidden snippet of that program whose code is the block's `->` and `>>` lines.
public struct SwifttestBlock: Sendable, Equatable {
    /// The test's name (`- test: \`name\`` above the block).
    public var testName: String
    /// The block's lines, in order, from the line after its opening fence.
    public var lines: [SwifttestLine]

    public init(testName: String, lines: [SwifttestLine]) {
        self.testName = testName
        self.lines = lines
    }

    /// The lines whose text the program must print, in order: `<-`, `<<` and `</`.
    public var expectedOutput: [SwifttestLine] {
        lines.filter { $0.marker.isOutput }
    }

    /// The diagnostics the compiler must give: the `!$` lines that start with `error:` or
    /// `warning:`, and the `!!` lines that are a whole compiler message
    /// (`/tmp/swifttest.swift:2:29: error: …`), as `error: …` (notes are not compared).
    public var expectedDiagnostics: [SwifttestLine] {
        lines.compactMap { line in
            var line = line
            if line.marker == .diagnosticSource, let message = Self.messageOfLocatedDiagnostic(line.text) { line.text = message }
            else if line.marker != .diagnostic { return nil }
            return line.text.hasPrefix("error:") || line.text.hasPrefix("warning:") ? line : nil
        }
    }

    /// `error: message` of `path:line:col: error: message` (or `warning:`, `note:`), else `nil`.
    static func messageOfLocatedDiagnostic(_ text: String) -> String? {
        for kind in ["error:", "warning:", "note:"] {
            guard let range = text.range(of: ": " + kind + " ") else { continue }
            let location = text[..<range.lowerBound].split(separator: ":")
            guard location.count >= 3, location.suffix(2).allSatisfy({ $0.allSatisfy(\.isNumber) }) else { continue }
            return kind + " " + text[range.upperBound...]
        }
        return nil
    }

    /// The `!$ error:` lines.
    public var expectedErrors: [SwifttestLine] { expectedDiagnostics.filter { $0.text.hasPrefix("error:") } }

    /// Whether the block must trap (an `xx` line).
    public var expectsTrap: Bool { lines.contains { $0.marker == .trap } }

    /// How the block must fail: an error when it has `!$ error:`, a trap when it has `xx`.
    public var expected: ExpectedFailure? {
        if !expectedErrors.isEmpty { return .error }
        return expectsTrap ? .crash : nil
    }

    /// The book's code of the block: its `->` lines and their continuations, without the
    /// marker and the indentation up to the code's column.
    public var shownCode: [String] {
        lines.filter { $0.marker == .shownCode }.map(\.code)
    }
}

/// One line of a `swifttest` block.
public struct SwifttestLine: Sendable, Equatable {
    /// The 1-based line in the chapter.
    public var line: Int
    /// The 1-based column of the marker (or of the text, for a continuation line).
    public var column: Int
    /// What the line is; a continuation line has the marker of the line it continues.
    public var marker: SwifttestMarker
    /// Whether the line has no marker of its own (it continues the line above).
    public var continuation: Bool
    /// The text after the marker and one space; for a continuation, the line without the
    /// indentation up to the code's column.
    public var text: String

    public init(line: Int, column: Int, marker: SwifttestMarker, continuation: Bool = false, text: String) {
        self.line = line
        self.column = column
        self.marker = marker
        self.continuation = continuation
        self.text = text
    }

    /// The line as code with the indentation of the block removed.
    public var code: String { text }
}

/// The two-character marker at the start of a `swifttest` line.
public enum SwifttestMarker: String, Sendable, Equatable, CaseIterable {
    /// `->`: code shown in the book.
    case shownCode = "->"
    /// `>>`: code the test runs that the book does not show.
    case hiddenCode = ">>"
    /// `<-`: output the book shows.
    case shownOutput = "<-"
    /// `<<`: output the book does not show.
    case hiddenOutput = "<<"
    /// `/>`: a line the test prints, a string literal's text with `\(…)` interpolations; the
    /// `</` line after it is what it must print.
    case printedText = "/>"
    /// `</`: a line the program must print (after a `/>` line, or after code that prints).
    case printedLine = "</"
    /// `!$`: a diagnostic the compiler must give (`error: …`, `warning: …`, `note: …`).
    case diagnostic = "!$"
    /// `!!`: the diagnostic's source and caret lines, as the compiler prints them.
    case diagnosticSource = "!!"
    /// `xx`: the program must trap here; the text is the runtime's message, not compared.
    case trap = "xx"
    /// `//`: a comment at the markers' column.
    case comment = "//"

    /// Whether the line is code of the program.
    public var isCode: Bool { self == .shownCode || self == .hiddenCode }

    /// Whether the line is text the program must print.
    public var isOutput: Bool { self == .shownOutput || self == .hiddenOutput || self == .printedLine }
}
