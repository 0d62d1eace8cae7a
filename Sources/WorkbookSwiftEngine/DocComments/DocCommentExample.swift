import SwiftParser
import SwiftSyntax
import SwiftToolchain
import WorkbookKit

/// A code block of a doc comment, as DocC reads it: a fenced block or an indented one.
public struct DocCommentExample: Sendable, Equatable {
    /// The comment's line holding the opening fence, or `nil` for an indented block.
    public var fence: DocCommentLine?
    /// The info string after the opening fence (empty for a bare fence or an indented block).
    public var info: String
    /// The code lines: each with the column where its code starts in the source file.
    public var lines: [DocCommentLine]
    /// The comment's line holding the closing fence, or `nil` (indented, or never closed).
    public var closingFence: DocCommentLine?

    public init(fence: DocCommentLine?, info: String, lines: [DocCommentLine], closingFence: DocCommentLine? = nil) {
        self.fence = fence
        self.info = info
        self.lines = lines
        self.closingFence = closingFence
    }

    /// The language word of the info string, lowercased; empty when there is none.
    public var language: String {
        String(info.prefix { $0 != " " && $0 != "\t" }).lowercased()
    }

    /// Whether the block is Swift: a fence saying `swift` (or nothing), or an indented block
    /// that does not read as a shell session or JSON.
    public var isSwift: Bool {
        if fence != nil { return language == "swift" || language.isEmpty }
        let first = lines.first { !$0.isBlank }?.text.drop { $0 == " " } ?? ""
        for prompt in ["$ ", "% ", "# ", "> "] where first.hasPrefix(prompt) { return false }
        if Self.isDiagram(lines.map(\.text).joined(separator: "\n")) { return false }
        if first.hasPrefix("{") || first.hasPrefix("[") && lines.count > 1,
           lines.allSatisfy({ line in !line.text.contains("let ") && !line.text.contains("var ") && !line.text.contains("print(") }),
           lines.contains(where: { $0.text.contains("\":") }) {
            return false
        }
        return true
    }
}

extension DocCommentExample {
    /// Whether `code` is a drawing (box-drawing lines, arrows) rather than Swift: outside
    /// string literals and comments it has an operator or unknown token with a character
    /// beyond ASCII, which no documentation example declares.
    static func isDiagram(_ code: String) -> Bool {
        // A line of carets or of rules only (`^^^^   ^^`, `------`) points at or underlines the
        // line above it.
        for line in code.split(separator: "\n") {
            let marks = line.filter { $0 != " " }
            if marks.count >= 2 && (marks.allSatisfy { $0 == "^" } || marks.count >= 3 && marks.allSatisfy { "-=~".contains($0) }) {
                return true
            }
        }
        let tree = Parser.parse(source: code)
        // Numbers only that do not parse (`63    6 5    0`): the scale of a drawing.
        if tree.hasError, !tree.tokens(viewMode: .sourceAccurate).contains(where: { token in
            if case .identifier = token.tokenKind { return true }
            if case .keyword = token.tokenKind { return true }
            return false
        }) {
            return true
        }
        for token in tree.tokens(viewMode: .all) {
            switch token.tokenKind {
            case .binaryOperator, .prefixOperator, .postfixOperator, .unknown:
                if token.text.unicodeScalars.contains(where: { !$0.isASCII }) { return true }
            default:
                continue
            }
        }
        return false
    }
}

/// Finds the code blocks of a doc comment's Markdown, as CommonMark (and so DocC) reads
/// them: fenced blocks anywhere, and indented blocks (four spaces more than the list item
/// they sit in) that do not continue a paragraph.
public enum DocCommentCodeBlocks {
    public static func examples(in comment: DocComment) -> [DocCommentExample] {
        let lines = comment.lines
        var examples: [DocCommentExample] = []
        var inParagraph = false
        var listIndent = 0
        var previousBlank = true
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.isBlank {
                inParagraph = false
                previousBlank = true
                index += 1
                continue
            }
            let indent = line.indent
            if indent < listIndent && previousBlank && !isListItem(line.text) { listIndent = 0 }
            if indent >= listIndent + 4 && !inParagraph {
                var end = index
                var probe = index
                while probe < lines.count && (lines[probe].isBlank || lines[probe].indent >= listIndent + 4) {
                    if !lines[probe].isBlank { end = probe }
                    probe += 1
                }
                let width = listIndent + 4
                let code = lines[index...end].map { line in
                    let drop = line.isBlank ? line.text.count : min(width, line.indent)
                    return DocCommentLine(line: line.line, column: line.column + drop, text: String(line.text.dropFirst(drop)))
                }
                examples.append(DocCommentExample(fence: nil, info: "", lines: code))
                index = end + 1
                previousBlank = false
                continue
            }
            let shift = min(indent, listIndent)
            let shifted = Substring(line.text.dropFirst(shift))
            if let fence = CodeFence(opening: shifted) {
                var probe = index + 1
                var closing: DocCommentLine?
                var code: [DocCommentLine] = []
                while probe < lines.count {
                    let candidate = lines[probe]
                    let text = Substring(candidate.text.dropFirst(min(candidate.indent, shift)))
                    if fence.isClosed(by: text) { closing = candidate; break }
                    code.append(candidate)
                    probe += 1
                }
                examples.append(DocCommentExample(fence: line, info: String(fence.info), lines: code, closingFence: closing))
                index = probe + 1
                inParagraph = false
                previousBlank = false
                continue
            }
            if let width = listItemWidth(shifted) {
                listIndent = shift + width
                inParagraph = true
            } else if shifted.hasPrefix("#") {
                inParagraph = false
            } else {
                inParagraph = true
            }
            previousBlank = false
            index += 1
        }
        return examples
    }

    static func isListItem(_ text: String) -> Bool {
        listItemWidth(Substring(text.drop { $0 == " " })) != nil
    }

    /// The width of a list item's marker and the spaces after it (`- `, `* `, `+ `, `1. `,
    /// `2) `), or `nil` when `text` does not start a list item.
    static func listItemWidth(_ text: Substring) -> Int? {
        let lead = text.prefix { $0 == " " }.count
        let rest = text.dropFirst(lead)
        var marker = 0
        if let first = rest.first, first == "-" || first == "*" || first == "+" {
            marker = 1
        } else {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }.count
            guard digits > 0, digits <= 9, let after = rest.dropFirst(digits).first, after == "." || after == ")" else { return nil }
            marker = digits + 1
        }
        let after = rest.dropFirst(marker)
        let spaces = after.prefix { $0 == " " }.count
        guard spaces >= 1 || after.isEmpty else { return nil }
        return lead + marker + (spaces > 4 ? 1 : max(1, spaces))
    }
}
