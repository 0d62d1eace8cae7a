/// Rewrites a snippet's closing comments so that they state what it printed (for
/// `workbook promote`; see `ClosingComments`).
///
/// Closing comments that still match are left as written (with their `...`). Otherwise the
/// actual lines (after the filters) are given to the comments in order, as `// Prints` comments
/// get theirs: a line that matches or replaces a comment's line goes to that comment, a new
/// line to the comment before it (the first comment when none is before). A comment whose line
/// changed becomes one `// line` per line it gets, with its indentation; a comment left
/// without lines is removed. Blank lines among them and all code are kept byte for byte.
public struct ClosingCommentsRewriter: Sendable {
    public var matcher: OutputMatcher

    public init(matcher: OutputMatcher = OutputMatcher()) {
        self.matcher = matcher
    }

    /// `code` with its closing comments stating `actual` (`code` itself when they already
    /// match), or `nil` when `code` has no closing comments or `actual` cannot be stated by
    /// them (a line that would not read back as itself: one holding a line break, or one that
    /// would read as a `// Prints` comment).
    public func rewrite(code: String, actual: String) -> String? {
        guard let comments = ClosingComments(code: code) else { return nil }
        if matcher.matches(expected: comments.text, actual: actual) { return code }
        let assigned = assignLines(comments, actual: actual)
        let source = SourceLines(code)
        var lines = source.lines.map(String.init)
        // From the last comment up, so that earlier line numbers stay valid.
        for (index, comment) in comments.lines.enumerated().reversed() where assigned[index] != [comment.text] {
            let content = source.content(comment.codeLine)
            let terminator = String(source[comment.codeLine].dropFirst(content.count))
            let indentation = String(content.prefix(comment.column - 1))
            let written = assigned[index].map { indentation + ClosingComments.comment(stating: $0) }
            // The code's last line may have no terminator: its new lines are then separated by `\n`.
            let replacement = terminator.isEmpty
                ? (written.isEmpty ? [] : [written.joined(separator: "\n")])
                : written.map { $0 + terminator }
            lines.replaceSubrange(comment.codeLine...comment.codeLine, with: replacement)
        }
        let rewritten = lines.joined()
        guard PrintsExpectation(code: rewritten).isEmpty, let written = ClosingComments(code: rewritten),
              matcher.matches(expected: written.text, actual: actual) else { return nil }
        return rewritten
    }

    /// The lines each closing comment states after promotion.
    func assignLines(_ comments: ClosingComments, actual: String) -> [[String]] {
        var assigned = Array(repeating: [String](), count: comments.lines.count)
        var current = 0
        for line in RecordedOutputMerger(matcher: matcher).mergedLines(expected: comments.text, actual: actual) {
            if let place = line.place { current = place }
            assigned[current].append(line.text)
        }
        return assigned
    }
}
