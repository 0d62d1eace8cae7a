import SwiftToolchain
import WorkbookKit

/// A documentation comment of a Swift source file: a run of `///` lines or one `/** */`
/// block, its text as DocC reads it (markers and the lines' common indentation removed).
public struct DocComment: Sendable, Equatable {
    /// The comment's lines, in order.
    public var lines: [DocCommentLine]

    public init(lines: [DocCommentLine]) {
        self.lines = lines
    }
}

/// One line of a doc comment's text and where that text sits in the source file.
public struct DocCommentLine: Sendable, Equatable {
    /// The 0-based line of the source file.
    public var line: Int
    /// The 0-based column (in characters) of the source line where `text` starts.
    public var column: Int
    /// The line's text after the comment marker and the common indentation.
    public var text: String

    public init(line: Int, column: Int, text: String) {
        self.line = line
        self.column = column
        self.text = text
    }

    /// Whether the text is empty or spaces only.
    var isBlank: Bool { text.allSatisfy { $0 == " " || $0 == "\t" } }

    /// The number of leading spaces (a tab counts as four).
    var indent: Int {
        var width = 0
        for character in text {
            if character == " " { width += 1 } else if character == "\t" { width += 4 } else { break }
        }
        return width
    }
}
