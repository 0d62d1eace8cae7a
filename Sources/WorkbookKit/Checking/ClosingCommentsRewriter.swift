/// Rewrites a snippet's closing comments so that they state what it printed (for
/// `workbook promote`; see `ClosingComments`).
///
/// Closing comments that still match are left as written (with their `...`). Otherwise the
/// actual lines (after the filters) are given to the comments in order, as `// Prints` comments
/// get theirs, and a comment whose line changed gets the new text after `//`, with its
/// indentation. Blank lines among them and all code are kept byte for byte.
///
/// Only a changed line is rewritten, never a line added or removed: when the snippet printed
/// more or fewer lines than the comments state, the comments may not be its output at all (an
/// explanation, `// prints "hello" but returns nothing`) or only the end of it (Apple's
/// listings often show the output of each loop under that loop, and only the last run closes
/// the code), and rewriting them would lose the author's words. Then there is no rewrite, and
/// `promote` records the output after the snippet instead.
public struct ClosingCommentsRewriter: Sendable {
    public var matcher: OutputMatcher

    public init(matcher: OutputMatcher = OutputMatcher()) {
        self.matcher = matcher
    }

    /// `code` with its closing comments stating `actual` (`code` itself when they already
    /// match), or `nil` when `code` has no closing comments or they cannot state `actual`: the
    /// snippet printed more or fewer lines than they state, or a line would not read back as
    /// itself (one holding a line break, or one that would read as a `// Prints` comment).
    public func rewrite(code: String, actual: String) -> String? {
        guard let comments = ClosingComments(code: code) else { return nil }
        if matcher.matches(expected: comments.text, actual: actual) { return code }
        guard let assigned = assignLines(comments, actual: actual) else { return nil }
        let source = SourceLines(code)
        var lines = source.lines.map(String.init)
        for (comment, line) in zip(comments.lines, assigned) where line != comment.text {
            let content = source.content(comment.codeLine)
            let terminator = source[comment.codeLine].dropFirst(content.count)
            lines[comment.codeLine] = content.prefix(comment.column - 1) + ClosingComments.comment(stating: line) + terminator
        }
        let rewritten = lines.joined()
        guard PrintsExpectation(code: rewritten).isEmpty, let written = ClosingComments(code: rewritten),
              matcher.matches(expected: written.text, actual: actual) else { return nil }
        return rewritten
    }

    /// The line each closing comment states after promotion, or `nil` when a line is added
    /// or removed. When the alignment of the lines pairs them otherwise (`// 1`, `// 2` for `2`,
    /// `3`), printed lines as many as the comments are paired with them in order.
    func assignLines(_ comments: ClosingComments, actual: String) -> [String]? {
        let merged = RecordedOutputMerger(matcher: matcher).mergedLines(expected: comments.text, actual: actual)
        if merged.map(\.place) == Array(comments.lines.indices) { return merged.map(\.text) }
        let printed = matcher.filteredLines(actual)
        guard printed.count == comments.lines.count else { return nil }
        let patterns = matcher.patterns(comments.text)
        return comments.lines.indices.map { patterns[$0].matches(printed[$0]) ? comments.lines[$0].text : printed[$0] }
    }
}
