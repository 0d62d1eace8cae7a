extension ChapterProgress {
    /// The progress line of the chapter: `[2/5] chapters/02-x.md: compiled 0.31 s, ran 0.02 s`.
    public var line: String {
        let head = "[\(position)/\(count)] \(chapter.chapter.path): "
        if !chapter.errors.isEmpty {
            let stage = chapter.errors.first?.stage == "compile" ? "did not compile" : "failed"
            return head + stage + (chapter.compileSeconds > 0 ? " (\(Self.format(chapter.seconds)))" : "")
        }
        switch chapter.provenance {
        case .cached: return head + "cached"
        case .nothingToRun: return head + "nothing to run"
        case .notRun: return head + "not run"
        case .recorded: return head + "not selected, not cached: recorded outputs used"
        case .ran where chapter.reusedProgram:
            return head + "ran \(Self.format(chapter.runSeconds)) (program compiled before)"
        case .ran: return head + "compiled \(Self.format(chapter.compileSeconds)), ran \(Self.format(chapter.runSeconds))"
        }
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
