/// The output a snippet states in the `//` comment lines that close its code, as Apple's Swift
/// documentation writes a listing's output without `// Prints`:
///
/// ```swift
/// for index in 1...3 {
///     print("\(index) times 5 is \(index * 5)")
/// }
/// // 1 times 5 is 5
/// // 2 times 5 is 10
/// // 3 times 5 is 15
/// ```
///
/// The rule:
/// - The closing comments are the full-line `//` comments after the snippet's last line of
///   code: each alone on its line (spaces and tabs before `//` allowed), a real comment (not
///   inside a string literal or a `/* */` comment). Blank lines before, between and after them
///   are allowed and state nothing.
/// - Anything else after them ends the search: a `///` doc comment, a `/* */` comment, code.
///   So `// 1` above `print(1)` is not a closing comment, and a snippet whose code ends with
///   `///` or `*/` has none.
/// - Each closing comment states one line: its text after `//`, without one space right after
///   `//` if there is one, the rest verbatim (`//` alone states an empty line). The lines are
///   stated in the order they are written.
public struct ClosingComments: Sendable, Equatable {
    /// One closing comment line.
    public struct Line: Sendable, Equatable {
        /// 0-based line of the snippet's code.
        public var codeLine: Int
        /// 1-based column of `//` in that line.
        public var column: Int
        /// The output line it states.
        public var text: String
    }

    /// The closing comments, top to bottom; never empty.
    public var lines: [Line]

    /// The closing comments of `code`, or `nil` when its code does not end with one.
    public init?(code: String) {
        let comments = SwiftLineComments(code: code).comments
        var commentByLine: [Int: SwiftLineComments.Comment] = [:]
        for comment in comments where !comment.trailing { commentByLine[comment.line] = comment }
        let source = SourceLines(code)
        var found: [Line] = []
        for index in stride(from: source.count - 1, through: 0, by: -1) {
            if source.isBlank(index) { continue }
            let content = source.content(index)
            // The lexer's comment must be this very line (its text reaches the line's end).
            guard let comment = commentByLine[index], !comment.text.hasPrefix("/"),
                  content.hasSuffix("//" + comment.text),
                  content.dropLast(comment.text.count + 2).allSatisfy({ $0 == " " || $0 == "\t" })
            else { break }
            found.append(Line(codeLine: index, column: comment.offset + 1, text: Self.statedLine(comment.text)))
        }
        guard !found.isEmpty else { return nil }
        lines = found.reversed()
    }

    /// The stated output: every line, each ended by `\n`.
    public var text: String { OutputLines.join(lines.map(\.text)) }

    /// What every full-line `//` comment after the first line of code states, in order (a
    /// listing that shows each loop's output under the loop), each line ended by `\n`; `nil`
    /// when there are none besides the closing ones.
    public static func everyRunAfterCode(_ code: String) -> String? {
        let comments = SwiftLineComments(code: code).comments
        let trailingLines = Set(comments.filter(\.trailing).map(\.line))
        let fullLine = comments.filter { !$0.trailing && !$0.text.hasPrefix("/") }
        let commentLines = Set(fullLine.map(\.line))
        let source = SourceLines(code)
        guard let firstCode = (0..<source.count).first(where: {
            !source.isBlank($0) && (!commentLines.contains($0) || trailingLines.contains($0))
        }) else { return nil }
        let stated = fullLine.filter { $0.line > firstCode && !trailingLines.contains($0.line) }
        return stated.isEmpty ? nil : OutputLines.join(stated.map { statedLine($0.text) })
    }

    /// The output line stated by a comment whose text after `//` is `text`.
    static func statedLine(_ text: String) -> String {
        text.hasPrefix(" ") ? String(text.dropFirst()) : text
    }

    /// The comment, after its indentation, that states `line`.
    static func comment(stating line: String) -> String {
        line.isEmpty ? "//" : "// " + line
    }
}
