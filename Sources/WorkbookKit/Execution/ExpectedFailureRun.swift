/// Turns the run of a program whose last snippet must fail (`expect=error`, `expect=crash`)
/// into that snippet's output.
///
/// The failure it expects becomes the snippet's output (``ExpectedFailureOutput``); a snippet
/// that compiles fine, or runs to the end, keeps what it printed and is marked unmet, so
/// `check` reports it as a mismatch and `promote` refuses to record it. Any other failure
/// (an earlier snippet of its environment that does not compile, a timeout) stays an error.
public struct ExpectedFailureRun: Sendable, Equatable {
    /// The run, with outputs only for the failing snippet.
    public var run: ChapterRun
    /// Why the snippet did not fail as it must, or `nil`.
    public var unmet: String?

    public init(_ raw: ChapterRun, program: SnippetProgram, chapter: Chapter) {
        var run = raw
        run.outputs = [:]
        run.snippetSeconds = raw.snippetSeconds.filter { program.outputIndices.contains($0.key) }
        run.stoppedSnippet = nil
        unmet = nil
        guard let expected = program.expected, let index = program.snippetIndices.last else {
            self.run = raw
            return
        }
        let snippet = chapter.snippets[index]
        switch expected {
        case .error:
            let lines = snippet.codeFirstLine..<snippet.lineRange.upperBound
            if raw.errors.isEmpty {
                run.outputs[index] = raw.outputs[index] ?? ""
                unmet = "the snippet compiled, but it is 'expect=error': it must fail to compile"
            } else if raw.errors.allSatisfy({ $0.stage == "compile" && $0.path == chapter.path && lines.contains($0.line) }) {
                run.outputs[index] = ExpectedFailureOutput.compileErrors(raw.errors)
                run.errors = []
            }
        case .crash:
            if let stopped = raw.stoppedSnippet, stopped.index == index {
                run.outputs[index] = ExpectedFailureOutput.crash(
                    printed: stopped.printed, standardError: stopped.standardError,
                    chapterPath: chapter.path, moduleName: stopped.moduleName)
                run.errors = []
            } else if raw.errors.isEmpty {
                run.outputs[index] = raw.outputs[index] ?? ""
                unmet = "the snippet ran to the end, but it is 'expect=crash': it must trap"
            }
        }
        self.run = run
    }
}
