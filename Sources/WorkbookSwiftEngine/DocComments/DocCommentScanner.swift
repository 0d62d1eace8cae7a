import SwiftParser
import SwiftSyntax
import SwiftToolchain
import WorkbookKit

/// Finds the documentation comments of a Swift source file with SwiftSyntax: runs of `///`
/// lines (a blank line or another comment ends a run) and `/** */` blocks, never text that
/// only looks like one inside a string literal.
public enum DocCommentScanner {
    /// The doc comments of `source`, in source order.
    public static func comments(in source: String) -> [DocComment] {
        let tree = Parser.parse(source: source)
        let converter = SourceLocationConverter(fileName: "", tree: tree)
        var comments: [DocComment] = []
        var run: [(line: Int, column: Int, text: Substring)] = []
        func endRun() {
            if !run.isEmpty { comments.append(lineComment(run)) }
            run = []
        }
        for token in tree.tokens(viewMode: .sourceAccurate) {
            for (trivia, start) in [(token.leadingTrivia, token.position), (token.trailingTrivia, token.endPositionBeforeTrailingTrivia)] {
                var position = start
                for piece in trivia {
                    defer { position = position.advanced(by: piece.sourceLength.utf8Length) }
                    switch piece {
                    case .docLineComment(let text):
                        let location = converter.location(for: position)
                        if let last = run.last, last.line != location.line - 2 { endRun() }
                        let lineText = sourceLine(source, converter: converter, line: location.line)
                        run.append((location.line - 1, lineText.map { characterColumn($0, utf8Column: location.column - 1) } ?? 0,
                                    Substring(text.dropFirst(3))))
                    case .docBlockComment(let text):
                        endRun()
                        let location = converter.location(for: position)
                        let lineText = sourceLine(source, converter: converter, line: location.line)
                        let column = lineText.map { characterColumn($0, utf8Column: location.column - 1) } ?? 0
                        comments.append(blockComment(text, line: location.line - 1, column: column))
                    case .newlines(let count), .carriageReturnLineFeeds(let count), .carriageReturns(let count):
                        if count > 1 { endRun() }
                    case .spaces, .tabs:
                        break
                    default:
                        endRun()
                    }
                }
            }
            if token.tokenKind != .endOfFile { endRun() }
        }
        endRun()
        return comments.filter { !$0.lines.isEmpty }
    }

    /// A `///` run: each line's text after `///`, less the lines' common indentation.
    static func lineComment(_ run: [(line: Int, column: Int, text: Substring)]) -> DocComment {
        let common = commonIndent(run.map(\.text))
        return DocComment(lines: run.map { line in
            let dropped = line.text.count >= common ? common : line.text.count
            return DocCommentLine(line: line.line, column: line.column + 3 + dropped, text: String(line.text.dropFirst(dropped)))
        })
    }

    /// A `/** */` block: its lines between the markers; a leading `*` on every inner line is
    /// decoration and goes, then the lines' common indentation.
    static func blockComment(_ text: String, line first: Int, column: Int) -> DocComment {
        var body = Substring(text.dropFirst(3))
        if body.hasSuffix("*/") { body = body.dropLast(2) }
        var rows: [(line: Int, column: Int, text: Substring)] = []
        for (offset, row) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let row = row.hasSuffix("\r") ? row.dropLast() : row
            rows.append((first + offset, offset == 0 ? column + 3 : 0, row))
        }
        if rows.first?.text.allSatisfy({ $0 == " " || $0 == "\t" }) == true { rows.removeFirst() }
        if rows.last?.text.allSatisfy({ $0 == " " || $0 == "\t" }) == true { rows.removeLast() }
        let inner = rows.filter { $0.column == 0 && !$0.text.allSatisfy { $0 == " " || $0 == "\t" } }
        if !inner.isEmpty, inner.allSatisfy({ $0.text.drop { $0 == " " || $0 == "\t" }.hasPrefix("*") }) {
            rows = rows.map { row in
                guard row.column == 0 else { return row }
                let lead = row.text.prefix { $0 == " " || $0 == "\t" }.count
                guard row.text.dropFirst(lead).hasPrefix("*") else { return row }
                return (row.line, lead + 1, row.text.dropFirst(lead + 1))
            }
        }
        let common = commonIndent(rows.map(\.text))
        return DocComment(lines: rows.map { row in
            let dropped = min(common, row.text.count)
            return DocCommentLine(line: row.line, column: row.column + dropped, text: String(row.text.dropFirst(dropped)))
        })
    }

    /// The fewest leading spaces of the non-blank texts.
    static func commonIndent(_ texts: [Substring]) -> Int {
        texts.filter { !$0.allSatisfy { $0 == " " || $0 == "\t" } }
            .map { $0.prefix { $0 == " " || $0 == "\t" }.count }.min() ?? 0
    }

    /// The text of the 1-based `line` of `source`.
    static func sourceLine(_ source: String, converter: SourceLocationConverter, line: Int) -> Substring? {
        let start = converter.position(ofLine: line, column: 1)
        let utf8 = source.utf8
        guard let from = utf8.index(utf8.startIndex, offsetBy: start.utf8Offset, limitedBy: utf8.endIndex) else { return nil }
        let end = utf8[from...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
        return Substring(source[from..<end])
    }

    /// The character column of a 0-based UTF-8 column of `line`.
    static func characterColumn(_ line: Substring, utf8Column: Int) -> Int {
        let utf8 = line.utf8
        guard let index = utf8.index(utf8.startIndex, offsetBy: utf8Column, limitedBy: utf8.endIndex) else { return utf8Column }
        return line[..<index].count
    }
}
