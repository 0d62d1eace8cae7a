/// Checks a snippet against its `// Prints` comments (`prints = "check"` in `workbook.toml`).
///
/// Such a snippet needs no recorded output, and must not have one (the page would show the
/// output twice). A mismatch is located at the first comment that differs (or, when lines are
/// only missing or extra at the end, the last comment).
public struct PrintsCheck: Sendable {
    public var matcher: OutputMatcher

    public init(matcher: OutputMatcher = OutputMatcher()) {
        self.matcher = matcher
    }

    /// Whether `// Prints` comments may stand for `snippet`'s output: a plain-text snippet
    /// that runs. (Snippets with `expect=` are not, once that option exists.)
    public static func applies(to snippet: Snippet) -> Bool {
        !snippet.options.norun && snippet.options.output == .text && snippet.options.documentation.expect == nil
    }

    /// The mismatch of `snippet`, whose comments are `expectation`, or `nil` when it printed
    /// what they say.
    public func compare(_ snippet: Snippet, expectation: PrintsExpectation, actual: String, path: String) -> SnippetMismatch? {
        if let problem = expectation.problems.first {
            return SnippetMismatch(path: path, line: snippet.codeFirstLine + problem.codeLine, column: problem.column,
                                   reason: problem.message, diff: "")
        }
        if let recorded = snippet.recorded {
            return SnippetMismatch(
                path: path, line: snippet.fenceLine,
                reason: "the snippet's output is stated by its '// Prints' comments, so it must have no recorded output ('workbook promote' removes it)",
                diff: LineDiff(old: OutputComparison.withoutCarriageReturns(recorded.text), new: "")
                    .unified(oldName: "recorded", newName: "// Prints"))
        }
        let expected = expectation.text
        guard !matcher.matches(expected: expected, actual: actual) else { return nil }
        let comment = expectation.comments[differingComment(expectation, actual: actual)]
        return SnippetMismatch(
            path: path, line: snippet.codeFirstLine + comment.codeLine, column: comment.column,
            reason: "the snippet's output differs from its '// Prints' comments",
            diff: matcher.diff(expected: expected, actual: actual, expectedName: "// Prints", actualName: "actual"))
    }

    /// The index of the first comment with a line that is missing, or else the comment
    /// before the first extra line.
    func differingComment(_ expectation: PrintsExpectation, actual: String) -> Int {
        let origins = expectation.lineOrigins
        let last = expectation.comments.count - 1
        guard let steps = OutputAlignment.steps(matcher.patterns(expectation.text), matcher.filteredLines(actual)) else {
            return 0
        }
        var previous: Int? = nil
        for step in steps {
            switch step {
            case .removed(let pattern), .replaced(let pattern, _): return origins[pattern]
            case .added: return previous ?? 0
            case .matched(let pattern, _), .absorbed(let pattern, _), .closed(let pattern): previous = origins[pattern]
            }
        }
        return last
    }
}
