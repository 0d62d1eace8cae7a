/// How the snippets of a chapter (or of a workbook) fared in `check`, one count per outcome.
///
/// Failures: `mismatched` (it ran, and its output differs from the recorded one, or its
/// `expect=` was not met), `didNotCompile` (its program did not compile), `failedAtRunTime`
/// (its program crashed, timed out or printed too much before it finished), `didNotRun` (its
/// program never started: the set-up failed). Neither passed nor failed: `compiledNotRun`
/// (`compile` snippets whose program compiled), `templates`, `signatures`, `norun`.
public struct SnippetTally: Sendable, Equatable {
    public var passed = 0
    public var mismatched = 0
    public var didNotCompile = 0
    public var failedAtRunTime = 0
    public var didNotRun = 0
    /// `compile` snippets whose program compiled.
    public var compiledNotRun = 0
    /// Snippets with an editor placeholder, shown and not run.
    public var templates = 0
    /// Snippets made only of declarations without bodies, checked against the package. Counted
    /// by the signature check, which fills this count; 0 until then.
    public var signatures = 0
    /// `norun` snippets (templates not included).
    public var norun = 0

    public init() {}

    /// Snippets that failed, however.
    public var failed: Int { mismatched + didNotCompile + failedAtRunTime + didNotRun }

    /// Whether nothing was compared, compiled or checked: only templates, `norun` snippets, or nothing.
    public var nothingChecked: Bool { passed == 0 && failed == 0 && compiledNotRun == 0 && signatures == 0 }

    public static func + (left: Self, right: Self) -> Self {
        var sum = left
        sum.passed += right.passed
        sum.mismatched += right.mismatched
        sum.didNotCompile += right.didNotCompile
        sum.failedAtRunTime += right.failedAtRunTime
        sum.didNotRun += right.didNotRun
        sum.compiledNotRun += right.compiledNotRun
        sum.templates += right.templates
        sum.signatures += right.signatures
        sum.norun += right.norun
        return sum
    }

    /// The kinds shown and not compared, each after a `; `: `; 2 templates; 1 compiled, not run`.
    var shownKinds: String {
        var parts: [String] = []
        if compiledNotRun > 0 { parts.append("\(compiledNotRun) compiled, not run") }
        if templates > 0 { parts.append(Self.count(templates, "template")) }
        if signatures > 0 { parts.append(Self.count(signatures, "signature")) }
        return parts.map { "; " + $0 }.joined()
    }

    /// `2 passed, 1 mismatched, 2 did not compile; 1 template` (the counts that are not 0), or
    /// `nothing to run`.
    public var chapterLine: String {
        var parts: [String] = []
        if passed > 0 { parts.append("\(passed) passed") }
        if mismatched > 0 { parts.append("\(mismatched) mismatched") }
        if didNotCompile > 0 { parts.append("\(didNotCompile) did not compile") }
        if failedAtRunTime > 0 { parts.append("\(failedAtRunTime) failed at run time") }
        if didNotRun > 0 { parts.append("\(didNotRun) did not run") }
        var text = parts.joined(separator: ", ")
        text += shownKinds
        if norun > 0 { text += "; \(norun) norun" }
        if text.hasPrefix("; ") { text.removeFirst(2) }
        return text.isEmpty ? "nothing to run" : text
    }

    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}

/// One chapter's tally, for the summary `check` prints per chapter.
public struct ChapterTally: Sendable, Equatable {
    /// The chapter, relative to the workbook root.
    public var path: String
    public var tally: SnippetTally

    public init(path: String, tally: SnippetTally) {
        self.path = path
        self.tally = tally
    }

    /// `chapters/x.md: 2 passed, 1 did not compile`.
    public var line: String { "\(path): \(tally.chapterLine)" }
}
