/// Rewrites a snippet's `// Prints` comments so that they state what it printed (for
/// `workbook promote`).
///
/// Comments that still match are left as written (with their `...`). Otherwise the actual
/// lines (after the filters) are given to the comments in order: a line that matches or
/// replaces a comment's line goes to that comment, a new line to the comment before it (the
/// first comment when none is before). A comment whose lines changed is rewritten in its own
/// style (unquoted, a string literal, or verbatim between quotes as Apple writes it, with the
/// `.` after the closing quote when it had one; for several lines, a comment on its own line
/// becomes one `// Prints` line per output line, and one that follows code, or that already
/// used `\n`, one literal with `\n`); a comment left without lines is removed.
/// Code is never changed. The result's comments match the actual output.
public struct PrintsCommentRewriter: Sendable {
    public var matcher: OutputMatcher

    public init(matcher: OutputMatcher = OutputMatcher()) {
        self.matcher = matcher
    }

    /// `code` with its `// Prints` comments stating `actual`; `code` itself when they already
    /// match, when it has none, or when one cannot be read.
    public func rewrite(code: String, actual: String) -> String {
        let expectation = PrintsExpectation(code: code)
        guard !expectation.comments.isEmpty, expectation.problems.isEmpty,
              !matcher.matches(expected: expectation.text, actual: actual) else { return code }
        let assigned = assignLines(expectation, actual: actual)
        var lines = SourceLines(code).lines.map(String.init)
        // Rewrite from the last comment up, so earlier line numbers stay valid.
        for (index, comment) in expectation.comments.enumerated().reversed() where assigned[index] != comment.lines {
            let (content, terminator) = Self.splitTerminator(lines[comment.codeLine])
            let start = content.index(content.startIndex, offsetBy: comment.column - 1)
            let before = String(content[..<start])
            let newLines = assigned[index]
            if comment.introduced > 0 {
                // The lines under `// Prints two lines:` state the output: they are rewritten,
                // at the indentation of the introduction (which stays as written).
                let stated = newLines.map { before + ClosingComments.comment(stating: $0) + terminator }
                lines.replaceSubrange(comment.codeLine + 1...comment.codeLine + comment.introduced, with: stated)
            } else if newLines.isEmpty {
                if comment.trailing {
                    lines[comment.codeLine] = String(Substring(before).trimmingTrailing(of: " \t")) + terminator
                } else {
                    lines.remove(at: comment.codeLine)
                }
            } else if newLines.count > 1 && (comment.trailing || comment.lines.count > 1) {
                lines[comment.codeLine] = before + "// Prints " + Self.literal(newLines.joined(separator: "\n"), period: comment.period) + comment.commentary + terminator
            } else {
                lines.replaceSubrange(comment.codeLine...comment.codeLine, with: newLines.map {
                    before + "// Prints " + Self.text($0, like: comment) + terminator
                })
            }
        }
        return lines.joined()
    }

    /// The lines each comment states after promotion.
    func assignLines(_ expectation: PrintsExpectation, actual: String) -> [[String]] {
        var assigned = Array(repeating: [String](), count: expectation.comments.count)
        let merged = RecordedOutputMerger(matcher: matcher).mergedLines(expected: expectation.text, actual: actual)
        let origins = expectation.lineOrigins
        var current = 0
        for line in merged {
            if let place = line.place { current = origins[place] }
            assigned[current].append(line.text)
        }
        return assigned
    }

    /// `line` as the text of a comment written like `comment`: unquoted when it was and the text
    /// allows it; between quotes, verbatim, when it was and the text reads back so; else a
    /// string literal. A `.` after the closing quote stays.
    static func text(_ line: String, like comment: PrintsExpectation.Comment) -> String {
        if !comment.quoted {
            let needsQuotes = line.isEmpty || line.first == "\"" || line.first!.isWhitespace
                || line.last!.isWhitespace || line.contains(where: \.isNewline)
            return needsQuotes ? literal(line, period: false) : line
        }
        if !comment.commentary.isEmpty { return literal(line, period: false) + comment.commentary }
        if comment.verbatim {
            let quoted = "\"" + line + "\"" + (comment.period ? "." : "")
            if PrintsExpectation(code: "// Prints " + quoted).comments.map(\.lines) == [[line]] { return quoted }
        }
        return literal(line, period: comment.period)
    }

    /// `text` as one string literal, with a `.` after it when `period`.
    static func literal(_ text: String, period: Bool) -> String {
        StringLiteralDecoding.encode(text) + (period ? "." : "")
    }

    static func splitTerminator(_ line: String) -> (content: String, terminator: String) {
        // "\r\n" is one Character, so dropping the last Character drops either terminator.
        for terminator in ["\r\n", "\n"] where line.hasSuffix(terminator) {
            return (String(line.dropLast()), terminator)
        }
        return (line, "")
    }
}
