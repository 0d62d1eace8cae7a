/// A GitHub-flavoured Markdown table, built row by row and printed by a snippet.
///
/// ```swift
/// var table = MarkdownTable(["batch", "$\\mu$"], alignments: [.left, .right])
/// table.append(["$X^{\\{1\\}}$", fixed(0.25)])
/// print(table)
/// ```
/// Cells may hold inline math; a `|` inside a cell is escaped so it cannot split the row.
public struct MarkdownTable: Sendable, Equatable, CustomStringConvertible {
    /// How a column's cells are aligned.
    public enum Alignment: Sendable, Equatable {
        case left, center, right
    }

    public let header: [String]
    public let alignments: [Alignment]
    public private(set) var rows: [[String]] = []

    /// A table with these column headers; columns are right-aligned (numbers) unless told.
    public init(_ header: [String], alignments: [Alignment]? = nil) {
        self.header = header
        self.alignments = alignments ?? Array(repeating: .right, count: header.count)
        precondition(self.alignments.count == header.count, "one alignment per column")
    }

    /// Appends a row; it must have one cell per column.
    public mutating func append(_ cells: [String]) {
        precondition(cells.count == header.count,
                     "a row of \(cells.count) cells in a table of \(header.count) columns")
        rows.append(cells)
    }

    public var description: String {
        var lines = [line(header)]
        lines.append("|" + alignments.map { alignment in
            switch alignment {
            case .left: ":---"
            case .center: ":---:"
            case .right: "---:"
            }
        }.joined(separator: "|") + "|")
        lines += rows.map(line)
        return lines.joined(separator: "\n")
    }

    private func line(_ cells: [String]) -> String {
        "| " + cells.map(Self.escape).joined(separator: " | ") + " |"
    }

    private static func escape(_ cell: String) -> String {
        var escaped = ""
        var previous: Character? = nil
        for character in cell {
            if character == "|" && previous != "\\" { escaped.append("\\") }
            if character == "\n" { escaped.append(" "); previous = " "; continue }
            escaped.append(character)
            previous = character
        }
        return escaped
    }
}
