extension Promoter {
    /// The edits that state `actual` in the closing comments of `snippet` (none when they
    /// already match), or `nil` when its output is not stated by closing comments, or cannot
    /// be (see `ClosingCommentsRewriter`): it then gets a recorded output, as any snippet does,
    /// and its comments stay as written.
    func closingCommentEdits(_ snippet: Snippet, actual: String) -> [(range: Range<Int>, text: String)]? {
        guard documentation.prints == .check, let comments = ClosingCommentsCheck.statedOutput(of: snippet, actual: actual)
        else { return nil }
        // What `check` accepts is left as written.
        if ClosingCommentsCheck(matcher: documentation.matcher).compare(snippet, comments: comments, actual: actual, path: "") == nil {
            return []
        }
        guard let rewritten = ClosingCommentsRewriter(matcher: documentation.matcher).rewrite(code: snippet.code, actual: actual)
        else { return nil }
        guard rewritten != snippet.code else { return [] }
        return [(Self.codeLines(of: snippet), Self.hasTerminator(Substring(rewritten)) ? rewritten : rewritten + "\n")]
    }

    /// The 0-based source lines of `snippet`'s code, fences excluded.
    static func codeLines(of snippet: Snippet) -> Range<Int> {
        snippet.lineRange.lowerBound + 1..<snippet.lineRange.upperBound - 1
    }
}
