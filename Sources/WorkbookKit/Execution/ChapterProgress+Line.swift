extension ChapterProgress {
    /// The progress line of the chapter: `[2/5] chapters/02-x.md: compiled 0.31 s, ran 0.02 s`.
    public var line: String {
        let head = "[\(position)/\(count)] \(chapter.chapter.path): "
        if !chapter.errors.isEmpty { return head + failureWords }
        switch chapter.provenance {
        case .cached: return head + "cached"
        case .nothingToRun: return head + "nothing to run"
        case .notRun: return head + "not run"
        case .recorded: return head + "not selected, not cached: recorded outputs used"
        case .ran where chapter.reusedProgram:
            return head + "ran \(Self.format(chapter.runSeconds)) (program compiled before)"
        case .ran where chapter.bundledWith > 0:
            let others = chapter.bundledWith == 1 ? "1 other chapter" : "\(chapter.bundledWith) other chapters"
            return head + "compiled with \(others) (its share \(Self.format(chapter.compileSeconds))), ran \(Self.format(chapter.runSeconds))"
        case .ran: return head + "compiled \(Self.format(chapter.compileSeconds)), ran \(Self.format(chapter.runSeconds))"
        }
    }

    /// What failed: `did not compile (0.31 s)` for a chapter of one program, else how many of
    /// its programs failed and how: `2 of 5 programs did not compile, the other 3 ran (0.92 s)`;
    /// `(cached)` or `; all 5 cached` when no program ran in this run.
    var failureWords: String {
        let programs = chapter.programs
        let time = chapter.provenance == .ran ? "(\(Self.format(chapter.seconds)))" : "(cached)"
        guard programs.count > 1, programs.failed > 0 else {
            if programs.didNotCompile > 0 { return "did not compile " + time }
            if programs.failedAtRunTime > 0 { return "failed at run time " + time }
            // Not assembled from programs (the set-up failed): the first error's stage says what.
            let stage = chapter.errors.first?.stage == "compile" ? "did not compile" : "failed"
            return stage + (chapter.compileSeconds > 0 ? " (\(Self.format(chapter.seconds)))" : "")
        }
        var parts: [String] = []
        if programs.didNotCompile > 0 { parts.append("\(programs.didNotCompile) did not compile") }
        if programs.failedAtRunTime > 0 { parts.append("\(programs.failedAtRunTime) failed at run time") }
        var text = parts.joined(separator: ", ")
        let first = text.firstIndex(of: " ")!
        text.insert(contentsOf: " of \(programs.count) programs", at: first)
        guard chapter.provenance == .ran else { return text + "; all \(programs.count) cached" }
        let others = programs.ran + programs.cached
        if others > 0 {
            let how = programs.cached == 0 ? "ran" : programs.ran == 0 ? "cached" : "ran or cached"
            text += ", the other \(others) \(how)"
        }
        return text + " " + time
    }

    /// Seconds with two decimals and a unit: `0.31 s`.
    public static func format(_ seconds: Double) -> String {
        let hundredths = Int((seconds * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100) s"
    }
}

extension ExecutionReport {
    /// `5 chapters: 2 ran, 3 cached`.
    public var tally: String {
        let ran = chapters.filter { $0.provenance == .ran }.count
        let cached = chapters.filter { $0.provenance == .cached }.count
        let failed = chapters.filter { !$0.succeeded }.count
        let recorded = chapters.filter { $0.provenance == .recorded }.count
        var text = "\(chapters.count) chapter\(chapters.count == 1 ? "" : "s"): \(ran) ran, \(cached) cached"
        if recorded > 0 { text += ", \(recorded) from recorded outputs" }
        if failed > 0 { text += ", \(failed) failed" }
        return text
    }
}
