import Foundation

/// Writes actual outputs into chapters, changing nothing else byte for byte.
///
/// A new output goes after the snippet's closing fence with one blank line between; a
/// replaced output keeps its gap; an output that is no longer expected is removed with its
/// gap. `norun` snippets keep whatever follows them. Promoting twice changes nothing the
/// second time.
///
/// With `prints = "check"`, a snippet whose code has `// Prints` comments gets its comments
/// rewritten instead, and any recorded block removed; one whose output is stated by the `//`
/// comments closing its code (see `ClosingComments`) gets those rewritten, and a recorded
/// block only when they cannot state it. A recorded output that still matches
/// (through `...` and the filters) is left alone; one that changed keeps the author's `...`
/// lines where they still match.
public struct Promoter: Sendable {
    public var documentation: DocumentationConfig

    public init(documentation: DocumentationConfig = DocumentationConfig()) {
        self.documentation = documentation
    }

    /// The text of `chapter` with `outputs` (indexed like its snippets) recorded.
    public func promote(_ chapter: Chapter, outputs: [String?]) -> String {
        let lines = SourceLines(chapter.source)
        var edits: [(range: Range<Int>, text: String)] = []
        // A snippet inside a quote or list has no recorded output: it is checked by its
        // `// Prints` comments, which `promote` leaves as they are there.
        for snippet in chapter.snippets where !snippet.options.norun && !snippet.inProse {
            guard snippet.index < outputs.count, var actual = outputs[snippet.index] else { continue }
            if snippet.options.documentation.expect != nil {
                // Its diagnostics name chapter lines: write them as they are in the new text.
                let shift = Self.lineShift(of: edits)
                actual = ChapterLineNumbers.mapped(actual, path: chapter.path) { $0 + shift($0) }
            }
            let closing = snippet.lineRange.upperBound - 1
            let newline = lines[closing].hasSuffix("\r\n") ? "\r\n" : lines[closing].hasSuffix("\r") ? "\r" : "\n"
            if let rewritten = printsEdits(snippet, actual: actual, lines: lines) ?? closingCommentEdits(snippet, actual: actual) {
                edits += rewritten
                continue
            }
            let style = actual.isEmpty ? nil : RecordedOutputStyle(for: snippet.options.output)
            switch (style, snippet.recorded) {
            case (nil, nil):
                continue
            case (nil, let recorded?):
                edits.append((snippet.lineRange.upperBound..<recorded.lineRange.upperBound, ""))
            case (let style?, let recorded?):
                let recordedText = OutputComparison.withoutCarriageReturns(recorded.text)
                if recorded.style == style && documentation.matcher.matches(expected: recordedText, actual: actual) { continue }
                let merged = recorded.style == style
                    ? RecordedOutputMerger(matcher: documentation.matcher).merge(recorded: recordedText, actual: actual) : actual
                var block = Self.block(merged, style: style, newline: newline)
                if !Self.hasTerminator(lines[recorded.lineRange.upperBound - 1]) { block.removeLast(newline.count) }
                edits.append((recorded.lineRange, block))
            case (let style?, nil):
                var text = Self.hasTerminator(lines[closing]) ? "" : newline
                text += newline + Self.block(actual, style: style, newline: newline)
                if !Self.hasTerminator(lines[closing]) { text.removeLast(newline.count) }
                edits.append((snippet.lineRange.upperBound..<snippet.lineRange.upperBound, text))
            }
        }
        guard !edits.isEmpty else { return chapter.source }
        var result = ""
        result.reserveCapacity(chapter.source.utf8.count + 256)
        var position = 0
        for edit in edits {
            result += lines.joined(position..<edit.range.lowerBound)
            result += edit.text
            position = edit.range.upperBound
        }
        result += lines.joined(position..<lines.count)
        return result
    }

    /// How many lines `edits` (sorted, of 0-based line ranges) add before a 1-based line.
    static func lineShift(of edits: [(range: Range<Int>, text: String)]) -> (Int) -> Int {
        let deltas = edits.map { (end: $0.range.upperBound, delta: SourceLines($0.text).count - $0.range.count) }
        return { line in deltas.reduce(0) { $1.end <= line - 1 ? $0 + $1.delta : $0 } }
    }

    /// The edits that record `actual` in the `// Prints` comments of `snippet` (and remove its
    /// recorded block), or `nil` when the snippet is not checked through such comments.
    func printsEdits(_ snippet: Snippet, actual: String, lines: SourceLines) -> [(range: Range<Int>, text: String)]? {
        // A comment that cannot be read still states the output: no recorded block is added.
        guard documentation.prints == .check, PrintsCheck.applies(to: snippet),
              !PrintsExpectation(code: snippet.code).isEmpty else { return nil }
        var edits: [(range: Range<Int>, text: String)] = []
        let closing = snippet.lineRange.upperBound - 1
        let codeLines = snippet.lineRange.lowerBound + 1..<closing
        let rewritten = PrintsCommentRewriter(matcher: documentation.matcher).rewrite(code: snippet.code, actual: actual)
        if rewritten != snippet.code {
            var text = rewritten
            if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
            edits.append((codeLines, text))
        }
        if let recorded = snippet.recorded {
            edits.append((snippet.lineRange.upperBound..<recorded.lineRange.upperBound, ""))
        }
        return edits
    }

    /// The recorded block of `text` in `style`: a fenced `output` block whose fence is longer
    /// than any backtick run inside, or the lines between the output markers.
    static func block(_ text: String, style: RecordedOutputStyle, newline: String) -> String {
        var body = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            newline == "\r\n" && $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }.joined(separator: newline)
        if !body.isEmpty && !body.hasSuffix(newline) { body += newline }
        switch style {
        case .fenced:
            let fence = String(repeating: "`", count: max(3, longestBacktickRun(in: text) + 1))
            return fence + "output" + newline + body + fence + newline
        case .markers:
            return SnippetExtractor.outputStartMarker + newline + body + SnippetExtractor.outputEndMarker + newline
        }
    }

    static func longestBacktickRun(in text: String) -> Int {
        var longest = 0, run = 0
        for character in text.utf8 {
            run = character == UInt8(ascii: "`") ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }

    static func hasTerminator(_ line: Substring) -> Bool {
        line.hasSuffix("\n") || line.hasSuffix("\r\n") || line.hasSuffix("\r")
    }

    /// Writes the actual outputs of `report` into its chapter files under `root`, all or
    /// nothing (see `ChapterFileSet`), only the files whose text changes.
    ///
    /// A chapter is promoted when every one of its programs ran and every `expect=` snippet
    /// failed as it says; any other chapter is left untouched, with the reason, and does not
    /// stop the others. Throws, writing nothing, when a chapter to write changed on disk
    /// during the run or cannot be written.
    public func promote(_ report: ExecutionReport, root: URL) throws(WorkbookErrors) -> PromotionResult {
        var result = PromotionResult()
        var changes: [ChapterFileSet.Change] = []
        for executed in report.chapters {
            if let skipped = PromotionResult.Skipped(executed) {
                result.skipped.append(skipped)
                continue
            }
            let text = promote(executed.chapter, outputs: executed.outputs)
            guard text != executed.chapter.source else { continue }
            changes.append(ChapterFileSet.Change(path: executed.chapter.path, loaded: executed.chapter.source, new: text))
        }
        result.written = try ChapterFileSet(root: root).replace(changes)
        return result
    }
}
