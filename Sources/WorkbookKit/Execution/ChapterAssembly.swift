/// Puts a chapter's outputs together from the results of its programs (see ``ProgramPlan``),
/// in reading order whatever order the programs finish in.
struct ChapterAssembly: Sendable {
    let chapter: Chapter
    private var remaining: Int
    private var assembled: ExecutedChapter

    /// An assembly of `chapter`, waiting for `programCount` programs.
    init(chapter: Chapter, programCount: Int) {
        self.chapter = chapter
        remaining = programCount
        assembled = ExecutedChapter(chapter: chapter, outputs: chapter.snippets.map { _ in nil }, provenance: .cached, seconds: 0)
    }

    /// Whether every program's result was added.
    var isComplete: Bool { remaining == 0 }

    /// The chapter with the outputs of every program added so far.
    var result: ExecutedChapter { assembled }

    /// Whether `executed`'s compile errors may concern `snippet`: one lies in its lines, or
    /// one lies in no snippet of `chapter`.
    static func compileErrors(of executed: ExecutedChapter, couldConcern snippet: Snippet, in chapter: Chapter) -> Bool {
        func lines(_ snippet: Snippet) -> Range<Int> { snippet.codeFirstLine..<snippet.lineRange.upperBound }
        return executed.errors.contains { error in
            guard error.stage == "compile" else { return false }
            guard error.path == chapter.path else { return true }
            return lines(snippet).contains(error.line) || !chapter.snippets.contains { lines($0).contains(error.line) }
        }
    }

    /// Adds the result of `program`, `executed` (indexed like the chapter's snippets): the
    /// outputs of the snippets it answers for, its errors (once each) and its times.
    mutating func add(_ executed: ExecutedChapter, of program: SnippetProgram) {
        remaining -= 1
        for index in program.outputIndices where index < executed.outputs.count {
            assembled.outputs[index] = executed.outputs[index]
            if let seconds = executed.snippetSeconds[index] { assembled.snippetSeconds[index] = seconds }
            if let unmet = executed.unmetExpectations[index] { assembled.unmetExpectations[index] = unmet }
        }
        for error in executed.errors where !assembled.errors.contains(error) { assembled.errors.append(error) }
        // In the chapter's order, whatever order its programs finished in (stable for equal places).
        assembled.errors = assembled.errors.enumerated().sorted {
            ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset)
        }.map(\.element)
        let failure = Self.failure(of: executed)
        switch failure {
        case .didNotCompile?: assembled.programs.didNotCompile += 1
        case .failedAtRunTime?: assembled.programs.failedAtRunTime += 1
        case nil where executed.provenance == .cached: assembled.programs.cached += 1
        case nil: assembled.programs.ran += 1
        }
        if let failure {
            for index in program.outputIndices where index < executed.outputs.count && executed.outputs[index] == nil {
                let snippet = chapter.snippets[index]
                // A compile-only snippet has no output even when its program ran; it failed
                // only when the program did not compile. In a notebook, whose snippets fail
                // alone, a program that ran compiled it unless an error lies at its lines (or
                // at no snippet's).
                if snippet.options.compileOnly {
                    if failure != .didNotCompile { continue }
                    let ran = program.outputIndices.contains { $0 < executed.outputs.count && executed.outputs[$0] != nil }
                    if ran && !Self.compileErrors(of: executed, couldConcern: snippet, in: chapter) { continue }
                }
                assembled.snippetFailures[index] = failure
            }
        }
        if executed.provenance == .ran {
            // Reused only when every program that ran was compiled before.
            assembled.reusedProgram = (assembled.provenance == .ran ? assembled.reusedProgram : true) && executed.reusedProgram
            assembled.provenance = .ran
            assembled.bundledWith = max(assembled.bundledWith, executed.bundledWith)
            assembled.compileFallbacks += executed.compileFallbacks
        }
        assembled.seconds += executed.seconds
        assembled.compileSeconds += executed.compileSeconds
        assembled.runSeconds += executed.runSeconds
    }

    /// How a program's result failed: not compiled when any of its errors is the compiler's,
    /// else at run time when it has errors; `nil` when it ran to the end.
    static func failure(of executed: ExecutedChapter) -> SnippetFailure? {
        guard !executed.errors.isEmpty else { return nil }
        return executed.errors.contains { $0.stage == "compile" } ? .didNotCompile : .failedAtRunTime
    }
}
