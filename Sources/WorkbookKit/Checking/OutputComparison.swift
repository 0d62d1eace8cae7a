/// A snippet whose recorded output does not match what it printed.
public struct SnippetMismatch: Sendable, Equatable, CustomStringConvertible {
    /// The chapter, relative to the workbook root.
    public var path: String
    /// The snippet's opening fence line, or the line of the `// Prints` comment that differs,
    /// or of the first closing comment.
    public var line: Int
    /// The column of that comment; 0 for a whole snippet.
    public var column: Int = 0
    /// What is wrong, one sentence.
    public var reason: String
    /// A unified diff from the recorded to the actual output (empty for a style mismatch
    /// with equal text).
    public var diff: String

    /// `chapters/x.md:LINE: reason` (`LINE:COL` for a comment), then the diff.
    public var description: String {
        "\(path):\(line)\(column > 0 ? ":\(column)" : ""): \(reason)\n" + diff
    }
}

/// The result of comparing actual with recorded outputs.
public struct ComparisonReport: Sendable, Equatable {
    public var passed: Int
    public var failed: Int
    public var mismatches: [SnippetMismatch]
    /// How many chapters were compared.
    public var chapters: Int = 0
    /// How many `norun` snippets were skipped (templates not included).
    public var notRun: Int = 0
    /// Each chapter's tally, in reading order.
    public var perChapter: [ChapterTally] = []

    /// The tally of every chapter.
    public var total: SnippetTally { perChapter.reduce(SnippetTally()) { $0 + $1.tally } }

    /// Whether no snippet was compared, compiled or checked at all.
    public var nothingRan: Bool { passed == 0 && failed == 0 && total.nothingChecked }

    /// `N passed, M failed`, then the snippets shown and not compared (`; 2 templates; 1
    /// compiled, not run`); when nothing was compared, the line says so and why. It never says
    /// that nothing ran when a snippet failed.
    public var summary: String {
        let counts = "\(passed) passed, \(failed) failed"
        let total = total
        guard nothingRan else { return counts + total.shownKinds }
        let chapterCount = chapters == 1 ? "1 chapter" : "\(chapters) chapters"
        let shown = notRun + total.templates
        if shown > 0 {
            let what: String
            if total.templates == 0 {
                what = notRun == 1 ? "the only snippet is 'norun'" : "all \(notRun) snippets are 'norun'"
            } else if notRun == 0 {
                what = total.templates == 1 ? "the only snippet is a template" : "all \(total.templates) snippets are templates"
            } else {
                what = "\(SnippetTally.count(total.templates, "template")) and \(notRun) 'norun'"
            }
            return counts + ": nothing ran (\(what), in \(chapterCount))"
        }
        return counts + ": nothing ran (no ```swift snippet in \(chapterCount))"
    }
}

/// Compares each snippet's actual output with the output recorded in its chapter.
///
/// `norun` snippets, templates and `compile` snippets are not compared. A snippet expects no recorded output when it printed
/// nothing or is `output=none`; otherwise one in the style of its output kind, with equal text.
/// A snippet that did not run (its chapter failed) counts as failed.
///
/// Expected outputs are compared through an `OutputMatcher` (filters, `...`). With `prints`,
/// a snippet that has `// Prints` comments is compared with them instead (see `PrintsCheck`),
/// and one that printed something, with neither those comments nor a recorded output, with
/// the `//` comments that close its code, if any (see `ClosingCommentsCheck`).
public struct OutputComparison: Sendable {
    public var matcher: OutputMatcher
    /// Whether `// Prints` comments are checked (`prints = "check"`).
    public var prints: Bool

    public init(matcher: OutputMatcher = OutputMatcher(), prints: Bool = false) {
        self.matcher = matcher
        self.prints = prints
    }

    public func compare(_ chapters: [ExecutedChapter]) -> ComparisonReport {
        var report = ComparisonReport(passed: 0, failed: 0, mismatches: [], chapters: chapters.count)
        for executed in chapters {
            var tally = SnippetTally()
            for snippet in executed.chapter.snippets {
                if let mismatch = tallied(snippet, of: executed, into: &tally) { report.mismatches.append(mismatch) }
            }
            report.perChapter.append(ChapterTally(path: executed.chapter.path, tally: tally))
            report.passed += tally.passed
            report.failed += tally.failed
            report.notRun += tally.norun
        }
        return report
    }

    /// Counts `snippet` of `executed` in `tally`; returns its mismatch, if any.
    func tallied(_ snippet: Snippet, of executed: ExecutedChapter, into tally: inout SnippetTally) -> SnippetMismatch? {
        if snippet.options.template {
            tally.templates += 1
            return nil
        }
        // Signature snippets (declarations without bodies, checked against the package by the
        // signature check, which reports their errors) are counted apart, before `norun`.
        if snippet.options.signature {
            tally.signatures += 1
            return nil
        }
        if let drift = snippet.drift {
            // A listing whose `swifttest` blocks test other code: the book shows untested code.
            tally.mismatched += 1
            return SnippetMismatch(path: executed.chapter.path, line: drift.line, column: 1,
                                   reason: "error: the listing differs from the code its swifttest blocks test ('->' lines)",
                                   diff: drift.diff)
        }
        if snippet.options.norun {
            tally.norun += 1
            return nil
        }
        let failure = executed.snippetFailures[snippet.index]
        if snippet.options.compileOnly {
            switch failure {
            case .didNotCompile?: tally.didNotCompile += 1
            case .failedAtRunTime?, nil where executed.provenance == .notRun: tally.didNotRun += 1
            default: tally.compiledNotRun += 1
            }
            return nil
        }
        guard let actual = executed.outputs[snippet.index] else {
            switch failure {
            case .didNotCompile?: tally.didNotCompile += 1
            case .failedAtRunTime?: tally.failedAtRunTime += 1
            case nil: tally.didNotRun += 1
            }
            return nil
        }
        let path = executed.chapter.path
        if let unmet = executed.unmetExpectations[snippet.index] {
            tally.mismatched += 1
            if let block = snippet.swifttest {
                return SwifttestCheck(matcher: matcher).unmet(snippet, block: block, reason: unmet, actual: actual, path: path)
            }
            return unmetMismatch(snippet, reason: unmet, actual: actual, path: path)
        }
        if let mismatch = compare(snippet, actual: actual, path: path) {
            tally.mismatched += 1
            return mismatch
        }
        tally.passed += 1
        return nil
    }

    /// The mismatch of a snippet that did not fail as its `expect=` says.
    func unmetMismatch(_ snippet: Snippet, reason: String, actual: String, path: String) -> SnippetMismatch {
        let recordedText = snippet.recorded.map { Self.withoutCarriageReturns($0.text) } ?? ""
        return SnippetMismatch(path: path, line: snippet.fenceLine, reason: reason,
                               diff: matcher.diff(expected: recordedText, actual: actual))
    }

    /// The mismatch of one snippet, or `nil` when its recorded output is right.
    public func compare(_ snippet: Snippet, actual: String, path: String) -> SnippetMismatch? {
        if let block = snippet.swifttest {
            return SwifttestCheck(matcher: matcher).compare(snippet, block: block, actual: actual, path: path)
        }
        if snippet.nested {
            // Inside a quote or list: checked by its `// Prints` comments only.
            guard prints, PrintsCheck.applies(to: snippet) else { return nil }
            let expectation = PrintsExpectation(code: snippet.code)
            return expectation.isEmpty ? nil : PrintsCheck(matcher: matcher).compare(snippet, expectation: expectation, actual: actual, path: path)
        }
        if prints, PrintsCheck.applies(to: snippet) {
            let check = PrintsCheck(matcher: matcher)
            let expectation = PrintsExpectation(code: snippet.code)
            if !expectation.isEmpty { return check.compare(snippet, expectation: expectation, actual: actual, path: path) }
            if let comments = ClosingCommentsCheck.statedOutput(of: snippet, actual: actual) {
                return ClosingCommentsCheck(matcher: matcher).compare(snippet, comments: comments, actual: actual, path: path)
            }
        }
        let recordedText = snippet.recorded.map { Self.withoutCarriageReturns($0.text) } ?? ""
        func mismatch(_ reason: String) -> SnippetMismatch {
            let diff = matcher.diff(expected: recordedText, actual: actual)
            return SnippetMismatch(path: path, line: snippet.fenceLine, reason: reason, diff: diff)
        }
        guard let style = RecordedOutputStyle(for: snippet.options.output), !actual.isEmpty else {
            guard let recorded = snippet.recorded else { return nil }
            let why = snippet.options.output == .none ? "the snippet is 'output=none'" : "the snippet printed nothing"
            return SnippetMismatch(path: path, line: snippet.fenceLine,
                                   reason: "a recorded output is present but \(why)",
                                   diff: LineDiff(old: Self.withoutCarriageReturns(recorded.text), new: "")
                                       .unified(oldName: "recorded", newName: "actual"))
        }
        guard let recorded = snippet.recorded else {
            return mismatch("the snippet's output is not recorded")
        }
        if recorded.style != style {
            return mismatch("the output is recorded as \(Self.name(recorded.style)), but 'output=\(snippet.options.output.rawValue)' is recorded as \(Self.name(style))")
        }
        if !matcher.matches(expected: recordedText, actual: actual) && !matchesMoved(snippet, recorded: recordedText, actual: actual, path: path) {
            return mismatch("the recorded output differs from the actual output")
        }
        return nil
    }

    /// Whether the recorded output of an `expect=` snippet matches once its chapter line
    /// numbers are moved as the snippet moved (see `ChapterLineNumbers`).
    func matchesMoved(_ snippet: Snippet, recorded: String, actual: String, path: String) -> Bool {
        guard snippet.options.documentation.expect != nil,
              let moved = ChapterLineNumbers.moved(recorded, toMatch: actual, path: path) else { return false }
        return matcher.matches(expected: moved, actual: actual)
    }

    static func name(_ style: RecordedOutputStyle) -> String {
        switch style {
        case .fenced: "a fenced 'output' block"
        case .markers: "'<!-- output -->' markers"
        }
    }

    static func withoutCarriageReturns(_ text: String) -> String {
        let text = text.contains("\r\n") ? text.replacingCRLF() : text
        return text.contains("\r") ? text.replacingOccurrences(of: "\r", with: "\n") : text
    }
}

extension String {
    func replacingCRLF() -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for character in self { if character == "\r\n" { result.append("\n") } else { result.append(character) } }
        return result
    }
}
