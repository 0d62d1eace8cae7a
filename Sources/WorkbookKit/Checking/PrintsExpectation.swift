/// What a snippet's `// Prints` comments say it prints (the convention of Apple's Swift
/// documentation).
///
/// The rule:
/// - A `// Prints` comment is a `//` line comment (not `///`, not inside a string or a block
///   comment) whose text, after the spaces following `//`, starts with `Prints` and a space.
///   It may stand on its own line or follow code on the same line.
/// - `// Prints "text"`: when the rest of the line (trailing spaces aside) is one Swift string
///   literal, its value is the printed text. The escapes are Swift's: `\\`, `\"`, `\'`,
///   `\n`, `\r`, `\t`, `\0`, `\u{…}`; `\n` separates lines, so `// Prints "a\nb"` is two
///   lines. A literal with an interpolation (`\(x)`) is read verbatim, as below: Apple's
///   raw strings print `\(…)` as written.
/// - A literal followed by words about it (`// Prints "hello, world", because name is
///   "world".`): when the first literal of the text is followed by `,` or `;`, spaces and a
///   lowercase word, or by spaces and `(`, the rest is commentary, and the literal alone is the
///   printed text.
/// - `// Prints two lines:`: an unquoted text ending with `:`, on a line of its own and
///   followed by `//` comment lines (each alone on its line), introduces them: they are the
///   printed lines, one each (the text after `// `), and the introduction is not.
/// - A rest that starts and ends with `"` but is not one valid string literal (a quote inside
///   not escaped, an unknown escape) is the text between the outer quotes, verbatim, one line:
///   `// Prints "["a", "b"]"` means `["a", "b"]`, as Apple's documentation writes it.
/// - A quoted text followed by one `.` (`// Prints "One inch is 0.0254 meters".`) reads as
///   the quoted text alone.
/// - `// Prints text`: any other rest of the line is the text of one line, verbatim (leading
///   and trailing spaces are dropped; use quotes to keep them or for an empty line).
/// - The snippet's expected output is the lines of all its `// Prints` comments, in the order
///   they are written, each ended by a line break. The lines the snippet prints must equal
///   them, in order, all of them: no line missing, no line more.
/// - `...` works as in recorded outputs: a line `...` matches any run of lines, and `...`
///   inside a line any text; the workbook's `filters` apply to both sides.
public struct PrintsExpectation: Sendable, Equatable {
    /// One `// Prints` comment.
    public struct Comment: Sendable, Equatable {
        /// 0-based line of the snippet's code.
        public var codeLine: Int
        /// 1-based column of `//` in that line.
        public var column: Int
        /// The lines the comment expects.
        public var lines: [String]
        /// Whether the text is quoted (a string literal, or verbatim between quotes).
        public var quoted: Bool
        /// Whether code precedes the comment on its line.
        public var trailing: Bool
        /// Whether the quoted text is read verbatim (it is not one valid string literal).
        public var verbatim = false
        /// Whether a `.` follows the closing quote.
        public var period = false
        /// Words about the printed text after its literal (`, because …`), kept by `promote`.
        public var commentary = ""
        /// For an introduction (`// Prints two lines:`), how many comment lines after it state
        /// the printed lines; 0 otherwise.
        public var introduced = 0
    }

    /// A `// Prints` comment that cannot be read.
    public struct Problem: Sendable, Equatable {
        public var codeLine: Int
        public var column: Int
        public var message: String
    }

    public var comments: [Comment] = []
    public var problems: [Problem] = []

    static let keyword = "Prints"

    /// Reads the `// Prints` comments of `code`.
    public init(code: String) {
        let all = SwiftLineComments(code: code).comments
        let fullLine = Dictionary(all.filter { !$0.trailing }.map { ($0.line, $0) }, uniquingKeysWith: { first, _ in first })
        var skipped: Set<Int> = []
        for comment in all where !skipped.contains(comment.line) || comment.trailing {
            guard !comment.text.hasPrefix("/") else { continue }
            let text = comment.text.drop { $0 == " " || $0 == "\t" }
            guard text.hasPrefix(Self.keyword),
                  let separator = text.dropFirst(Self.keyword.count).first, separator == " " || separator == "\t"
            else { continue }
            let rest = text.dropFirst(Self.keyword.count + 1).trimmingEdges(of: " \t\r")
            let column = comment.offset + 1
            if rest.isEmpty {
                problems.append(Problem(codeLine: comment.line, column: column,
                                        message: "the '// Prints' comment has no text; write // Prints \"\" for an empty line"))
            } else if rest.first == "\"", let (value, commentary) = Self.literalWithCommentary(rest) {
                comments.append(Comment(codeLine: comment.line, column: column,
                                        lines: value.split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
                                        quoted: true, trailing: comment.trailing, commentary: commentary))
            } else if rest.first == "\"" {
                let period = rest.count >= 3 && rest.hasSuffix("\".")
                switch StringLiteralDecoding.read(period ? rest.dropLast() : rest) {
                case .literal(let value):
                    comments.append(Comment(codeLine: comment.line, column: column,
                                            lines: value.split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
                                            quoted: true, trailing: comment.trailing, period: period))
                case .verbatim(let value):
                    comments.append(Comment(codeLine: comment.line, column: column, lines: [value], quoted: true,
                                            trailing: comment.trailing, verbatim: true, period: period))
                case .problem(let problem):
                    problems.append(Problem(codeLine: comment.line, column: column,
                                            message: "the '// Prints' comment's text \(problem.message)"))
                }
            } else if !comment.trailing, rest.hasSuffix(":"), fullLine[comment.line + 1].map({ !Self.isPrints($0.text) }) == true {
                var stated: [String] = []
                var next = comment.line + 1
                while let line = fullLine[next], !line.text.hasPrefix("/"), !Self.isPrints(line.text) {
                    stated.append(ClosingComments.statedLine(line.text))
                    skipped.insert(next)
                    next += 1
                }
                var introduction = Comment(codeLine: comment.line, column: column, lines: stated, quoted: false, trailing: false)
                introduction.introduced = stated.count
                comments.append(introduction)
            } else {
                comments.append(Comment(codeLine: comment.line, column: column, lines: [String(rest)],
                                        quoted: false, trailing: comment.trailing))
            }
        }
    }

    /// Whether a comment's text (after `//`) is a `// Prints` comment.
    static func isPrints(_ text: String) -> Bool {
        let words = text.drop { $0 == " " || $0 == "\t" }
        guard words.hasPrefix(keyword), let separator = words.dropFirst(keyword.count).first else { return false }
        return separator == " " || separator == "\t"
    }

    /// The value of the literal that starts `text` and the commentary after it, when the rest
    /// reads as words about it (`, because …`, `; …`, ` (…)`).
    static func literalWithCommentary(_ text: Substring) -> (String, String)? {
        var escaped = false
        var end: Substring.Index?
        for index in text.indices.dropFirst() {
            let character = text[index]
            if escaped { escaped = false; continue }
            if character == "\\" { escaped = true } else if character == "\"" { end = index; break }
        }
        guard let end else { return nil }
        let rest = text[text.index(after: end)...]
        let afterSeparator = rest.dropFirst().drop { $0 == " " }
        let isCommentary = ((rest.first == "," || rest.first == ";") && rest.dropFirst().first == " "
                                && afterSeparator.first.map { $0.isLowercase } == true)
            || (rest.first == " " && rest.drop { $0 == " " }.first == "(")
        guard isCommentary, case .success(let value) = StringLiteralDecoding.decode(text[...end]) else { return nil }
        return (value, String(rest))
    }

    /// Whether the code has no `// Prints` comment, readable or not.
    public var isEmpty: Bool { comments.isEmpty && problems.isEmpty }

    /// The expected output: every comment's lines, each ended by `\n`.
    public var text: String { OutputLines.join(comments.flatMap(\.lines)) }

    /// For each expected line, the index of the comment it comes from.
    var lineOrigins: [Int] {
        comments.enumerated().flatMap { index, comment in Array(repeating: index, count: comment.lines.count) }
    }
}

extension Substring {
    func trimmingEdges(of characters: String) -> Substring {
        var text = self
        while let first = text.first, characters.contains(first) { text = text.dropFirst() }
        return text.trimmingTrailing(of: characters)
    }

    func trimmingTrailing(of characters: String) -> Substring {
        var text = self
        while let last = text.last, characters.contains(last) { text = text.dropLast() }
        return text
    }
}
