/// Checks a snippet against its closing comments (`prints = "check"` in `workbook.toml`; see
/// `ClosingComments` for what they are).
///
/// The closing comments state a snippet's output only when nothing else does and it printed
/// something: a plain-text snippet that runs, without `// Prints` comments (readable or not)
/// and without a recorded output. A snippet that printed nothing keeps them as plain comments
/// (`// someInt is now 9`). A mismatch is located at the first closing comment.
public struct ClosingCommentsCheck: Sendable {
    public var matcher: OutputMatcher

    public init(matcher: OutputMatcher = OutputMatcher()) {
        self.matcher = matcher
    }

    /// The closing comments that state `snippet`'s output, given that it printed `actual`, or
    /// `nil` when the rule does not apply to it.
    public static func statedOutput(of snippet: Snippet, actual: String) -> ClosingComments? {
        guard PrintsCheck.applies(to: snippet), snippet.recorded == nil, !actual.isEmpty,
              PrintsExpectation(code: snippet.code).isEmpty else { return nil }
        return ClosingComments(code: snippet.code)
    }

    /// The mismatch of `snippet`, whose closing comments are `comments`, or `nil` when it
    /// printed what they state.
    public func compare(_ snippet: Snippet, comments: ClosingComments, actual: String, path: String) -> SnippetMismatch? {
        let expected = comments.text
        // A comment cannot show spaces at a line's end (`print(x, terminator: " ")`): they are
        // not compared. A listing may show each loop's output under the loop: the comments
        // after its code, together, may state the output too.
        let trimmed = OutputLines.join(OutputLines.split(actual).map { String(Substring($0).trimmingTrailing(of: " \t")) })
        for stated in [expected, ClosingComments.everyRunAfterCode(snippet.code)].compactMap({ $0 }) {
            if matcher.matches(expected: stated, actual: actual) || matcher.matches(expected: stated, actual: trimmed) { return nil }
        }
        let first = comments.lines[0]
        return SnippetMismatch(
            path: path, line: snippet.codeFirstLine + first.codeLine, column: first.column,
            reason: "the snippet's output differs from the output shown in its closing comments",
            diff: matcher.diff(expected: expected, actual: actual, expectedName: "closing comments", actualName: "actual"))
    }
}
