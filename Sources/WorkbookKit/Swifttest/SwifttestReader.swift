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
/// the indentation up to the code's column (the marker's column + 3) is removed. After a `>>`
/// line, an unmarked line is hidden code only while the brackets the `>>` statement opened are
/// still open (`>> let x = [` … `]`); once they are balanced, it continues the shown code around
/// it (the `square += diceRoll` and the `}` of a `->` loop after a `>>    print(…)` line).
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
        var hiddenBrackets = BracketBalance()  // over the last `>>` line and its hidden continuations
        for index in range {
            let content = lines.content(index)
            if content.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let leading = content.prefix { $0 == " " }.count
            let atColumn = content.dropFirst(indent)
            if leading == indent, let marker = SwifttestMarker(rawValue: String(atColumn.prefix(2))),
               atColumn.count == 2 || atColumn.dropFirst(2).first == " " {
                previous = marker
                let text = atColumn.dropFirst(3)
                if marker == .hiddenCode {
                    hiddenBrackets = BracketBalance()
                    hiddenBrackets.scan(text)
                }
                result.append(SwifttestLine(line: index + 1, column: indent + 1, marker: marker,
                                            text: String(text)))
            } else if var marker = previous {
                let codeColumn = indent + 3
                let text = content.prefix(codeColumn).allSatisfy { $0 == " " } ? content.dropFirst(codeColumn) : content.drop { $0 == " " }
                // Once the hidden statement's brackets are balanced, an unmarked line belongs
                // to the shown code around it (a `->` loop whose body holds a `>>` line).
                if marker == .hiddenCode {
                    if hiddenBrackets.isOpen {
                        hiddenBrackets.scan(text)
                    } else {
                        marker = .shownCode
                        previous = .shownCode
                    }
                }
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


/// The brackets (`(`, `[`, `{`) a run of Swift lines leaves open, leaving out those in string
/// literals (`"…"`, `"""…"""` across lines, `#"…"#` as a plain string) and comments (`//`, `/* … */`
/// across lines); an interpolation (`\(…)`) is read as part of its string.
struct BracketBalance {
    private(set) var depth = 0
    private var inMultilineString = false
    private var inBlockComment = false

    /// Whether a bracket is open after the lines scanned so far (or a string or comment is).
    var isOpen: Bool { depth > 0 || inMultilineString || inBlockComment }

    mutating func scan<S: StringProtocol>(_ line: S) {
        let characters = Array(line)
        var index = 0
        var inString = false
        func at(_ offset: Int, _ text: String) -> Bool {
            let wanted = Array(text)
            guard offset + wanted.count <= characters.count else { return false }
            return Array(characters[offset..<offset + wanted.count]) == wanted
        }
        while index < characters.count {
            let character = characters[index]
            if inBlockComment {
                if at(index, "*/") { inBlockComment = false; index += 2 } else { index += 1 }
            } else if inMultilineString {
                if character == "\\" { index += 2 }
                else if at(index, "\"\"\"") { inMultilineString = false; index += 3 } else { index += 1 }
            } else if inString {
                if character == "\\" { index += 2 }
                else { if character == "\"" { inString = false }; index += 1 }
            } else if at(index, "//") {
                return
            } else if at(index, "/*") {
                inBlockComment = true; index += 2
            } else if at(index, "\"\"\"") {
                inMultilineString = true; index += 3
            } else {
                switch character {
                case "\"": inString = true
                case "(", "[", "{": depth += 1
                case ")", "]", "}": depth = max(0, depth - 1)
                default: break
                }
                index += 1
            }
        }
    }
}
