import Foundation

/// Reads the `swifttest` blocks of an HTML comment, as The Swift Programming Language writes
/// them under a listing:
///
///     <!--
///       - test: `constants`
///
///       ```swifttest
///       -> let x = 1
///       >> print(x)
///       << 1
///       ```
///     -->
///
/// The rule for a line of a block: the two characters at the column of the block's opening
/// fence are its marker (`->`, `>>`, `<-`, `<<`, `/>`, `</`, `!$`, `!!`, `xx`, `//`), and its
/// text starts after the marker and one space. A line indented past that column (or whose
/// first two characters are no marker) continues the line above: code continues code, and
/// the indentation up to the code's column (the marker's column + 3) is removed; after a `>>`
/// line, a line less indented than its code closes what a `->` line opened, and is shown code.
/// A blank line is nothing. The block's test names are those of the nearest `- test:` line above it in the
/// comment, separated by commas, in backticks (`` `a, b` `` or `` `a`, `b` ``): the block is
/// part of each of those tests' programs.
struct SwifttestReader {
    /// A block and where it is in the chapter.
    struct Found: Equatable {
        var block: SwifttestBlock
        /// 0-based line of the opening fence.
        var open: Int
        /// 0-based line of the closing fence (or the comment's last line when it is not closed).
        var close: Int
        /// The 0-based column of the fence (and of the markers).
        var indent: Int
    }

    /// The blocks of the comment on the 0-based lines `range` of `lines`.
    static func blocks(in range: ClosedRange<Int>, of lines: SourceLines) -> [Found] {
        var found: [Found] = []
        var testNames: [String] = []
        var index = range.lowerBound
        while index <= range.upperBound {
            let content = lines.content(index)
            let indent = content.prefix { $0 == " " }.count
            let trimmed = content.dropFirst(indent)
            if trimmed.hasPrefix("- test:") {
                testNames = names(in: trimmed.dropFirst(7))
            } else if trimmed.hasPrefix("```swifttest") {
                var close = index + 1
                while close <= range.upperBound, lines.content(close).drop(while: { $0 == " " }) != "```" { close += 1 }
                let blockLines = read(index + 1..<min(close, range.upperBound + 1), of: lines, indent: indent)
                for name in testNames.isEmpty ? ["swifttest-\(index + 1)"] : testNames {
                    found.append(Found(block: SwifttestBlock(testName: name, lines: blockLines),
                                       open: index, close: min(close, range.upperBound), indent: indent))
                }
                index = close + 1
                continue
            }
            index += 1
        }
        return found
    }

    /// The names of a `- test:` line's rest: the comma-separated names, backticks aside.
    static func names(in text: Substring) -> [String] {
        text.split(separator: ",").map { $0.filter { $0 != "`" }.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The lines of a block whose markers are at the 0-based column `indent`.
    static func read(_ range: Range<Int>, of lines: SourceLines, indent: Int) -> [SwifttestLine] {
        var result: [SwifttestLine] = []
        var previous: SwifttestMarker? = nil
        var hiddenIndent = 0  // the indentation of the code of the last `>>` line
        for index in range {
            let content = lines.content(index)
            if content.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let leading = content.prefix { $0 == " " }.count
            let atColumn = content.dropFirst(indent)
            if leading == indent, let marker = SwifttestMarker(rawValue: String(atColumn.prefix(2))),
               atColumn.count == 2 || atColumn.dropFirst(2).first == " " {
                previous = marker
                let text = atColumn.dropFirst(3)
                if marker == .hiddenCode { hiddenIndent = text.prefix { $0 == " " }.count }
                result.append(SwifttestLine(line: index + 1, column: indent + 1, marker: marker,
                                            text: String(text)))
            } else if var marker = previous {
                let codeColumn = indent + 3
                let text = content.prefix(codeColumn).allSatisfy { $0 == " " } ? content.dropFirst(codeColumn) : content.drop { $0 == " " }
                // Less indented than the hidden line above it, a line closes what a shown
                // line opened (the `}` of a `->` loop around a `>>` line): it is shown.
                if marker == .hiddenCode, text.prefix(while: { $0 == " " }).count < hiddenIndent { marker = .shownCode }
                result.append(SwifttestLine(line: index + 1, column: min(leading, codeColumn) + 1, marker: marker,
                                            continuation: true, text: String(text)))
            } else {
                // Text before any marker: not interpretable, kept as a comment.
                result.append(SwifttestLine(line: index + 1, column: leading + 1, marker: .comment, text: String(content.dropFirst(leading))))
            }
        }
        return result
    }

    /// The code of the snippet that runs a block whose fence opens on the 0-based line `open`:
    /// one line per line of the block, so the chapter's line numbers and columns are the
    /// code's. Code lines keep their place with the marker blanked; a `/>` line prints its
    /// text; every other line is empty.
    static func programCode(of found: Found, lines: SourceLines) -> String {
        var byLine: [Int: SwifttestLine] = [:]
        for line in found.block.lines { byLine[line.line] = line }
        var code = ""
        for index in found.open + 1..<found.close {
            guard let line = byLine[index + 1] else { code += "\n"; continue }
            switch line.marker {
            case .shownCode, .hiddenCode:
                let content = lines.content(index)
                code += line.continuation ? content + "\n" : String(repeating: " ", count: found.indent + 2) + content.dropFirst(found.indent + 2) + "\n"
            case .printedText where !line.continuation:
                code += String(repeating: " ", count: found.indent + 3) + "print(\"" + line.text + "\")\n"
            default:
                code += "\n"
            }
        }
        return code
    }
}
