/// A snippet whose recorded output does not match what it printed.
public struct SnippetMismatch: Sendable, Equatable, CustomStringConvertible {
    /// The chapter, relative to the workbook root.
    public var path: String
    /// The snippet's opening fence line, or the line of the `// Prints` comment that differs.
    public var line: Int
    /// The column of the `// Prints` comment that differs; 0 for a whole snippet.
    public var column: Int = 0
    /// What is wrong, one sentence.
    public var reason: String
    /// A unified diff from the recorded to the actual output (empty for a style mismatch
    /// with equal text).
    public var diff: String

    /// `chapters/x.md:LINE: reason` (`LINE:COL` for a `// Prints` comment), then the diff.
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
    /// How many `norun` snippets were skipped.
    public var notRun: Int = 0

    /// Whether no snippet was compared at all.
    public var nothingRan: Bool { passed == 0 && failed == 0 }

    /// `N passed, M failed`; when nothing was compared, the line says so and why.
    public var summary: String {
        let counts = "\(passed) passed, \(failed) failed"
        guard nothingRan else { return counts }
        let chapterCount = chapters == 1 ? "1 chapter" : "\(chapters) chapters"
        if notRun > 0 {
            let snippets = notRun == 1 ? "the only snippet is" : "all \(notRun) snippets are"
            return counts + ": nothing ran (\(snippets) 'norun', in \(chapterCount))"
        }
        return counts + ": nothing ran (no ```swift snippet in \(chapterCount))"
    }
}

/// Compares each snippet's actual output with the output recorded in its chapter.
///
/// `norun` snippets are not compared. A snippet expects no recorded output when it printed
/// nothing or is `output=none`; otherwise one in the style of its output kind, with equal text.
/// A snippet that did not run (its chapter failed) counts as failed.
///
/// Expected outputs are compared through an `OutputMatcher` (filters, `...`). With `prints`,
/// a snippet that has `// Prints` comments is compared with them instead (see `PrintsCheck`).
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
            report.notRun += executed.chapter.snippets.filter(\.options.norun).count
            for snippet in executed.chapter.snippets where !snippet.options.norun {
                guard let actual = executed.outputs[snippet.index] else {
                    report.failed += 1
                    continue
                }
                if let unmet = executed.unmetExpectations[snippet.index] {
                    report.failed += 1
                    report.mismatches.append(unmetMismatch(snippet, reason: unmet, actual: actual, path: executed.chapter.path))
                } else if let mismatch = compare(snippet, actual: actual, path: executed.chapter.path) {
                    report.failed += 1
                    report.mismatches.append(mismatch)
                } else {
                    report.passed += 1
                }
            }
        }
        return report
    }

    /// The mismatch of a snippet that did not fail as its `expect=` says.
    func unmetMismatch(_ snippet: Snippet, reason: String, actual: String, path: String) -> SnippetMismatch {
        let recordedText = snippet.recorded.map { Self.withoutCarriageReturns($0.text) } ?? ""
        return SnippetMismatch(path: path, line: snippet.fenceLine, reason: reason,
                               diff: matcher.diff(expected: recordedText, actual: actual))
    }

    /// The mismatch of one snippet, or `nil` when its recorded output is right.
    public func compare(_ snippet: Snippet, actual: String, path: String) -> SnippetMismatch? {
        if prints, PrintsCheck.applies(to: snippet) {
            let check = PrintsCheck(matcher: matcher)
            let expectation = PrintsExpectation(code: snippet.code)
            if !expectation.isEmpty { return check.compare(snippet, expectation: expectation, actual: actual, path: path) }
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
