import Foundation

/// Runs every chapter of a workbook through a ``SnippetEngine``, program by program (see
/// ``ProgramPlan``): results found in the cache are reused per program, the engine is prepared
/// once when anything must run, and the other programs run in parallel (at most `options.jobs`
/// at once); each chapter's outputs are assembled from its programs and reported in reading
/// order.
public struct WorkbookExecutor: Sendable {
    public var options: ExecutionOptions
    public var engine: any SnippetEngine

    /// An executor over `engine`: the caller chooses it (the driver's `WorkbookSession` the
    /// Swift engine); the executor knows no engine of its own.
    public init(options: ExecutionOptions, engine: any SnippetEngine) {
        self.options = options
        self.engine = engine
    }

    /// Executes `workbook`; `progress` is called once per chapter, in reading order, and
    /// `preparation` before and after the engine builds what chapters share (a package's products).
    public func execute(
        _ workbook: Workbook, progress: @escaping @Sendable (ChapterProgress) -> Void = { _ in },
        preparation: @escaping @Sendable (PreparationProgress) -> Void = { _ in }
    ) async -> ExecutionReport {
        let chapters = workbook.chapters
        var board = ReadingOrderProgress(count: chapters.count, progress: progress)
        let runnable = chapters.indices.filter { chapters[$0].snippets.contains { !$0.options.norun } }
        for index in chapters.indices where !runnable.contains(index) {
            board.record(Self.unexecuted(chapters[index], provenance: .nothingToRun), at: index)
        }
        guard !runnable.isEmpty else { return ExecutionReport(chapters: board.chapters, errors: []) }

        // The engine's stores (compiled programs) follow the same policy as the results.
        var cache = CacheFolder.resolve(root: workbook.root, environment: options.environment)
        cache.reusesEntries = options.useCache
        let session: any SnippetEngineSession
        if let problem = cache.problem() { return ExecutionReport(chapters: board.chapters, errors: [problem]) }
        do {
            session = try await engine.session(for: workbook, cache: cache)
        } catch {
            return Self.stopped(runnable, of: chapters, by: error.errors, board: &board)
        }

        if session.preparesBeforeKeys, let stopped = await prepare(session, stopping: runnable, of: chapters, board: &board, preparation: preparation) {
            return stopped
        }
        let resultCache = ResultCache(cache: cache)
        let inputs = InputFiles(root: workbook.root, patterns: workbook.config.inputs).digest()
        let grouping = workbook.config.documentation.snippets
        var assemblies: [Int: ChapterAssembly] = [:]
        let pending = reuseCachedResults(runnable, of: chapters, grouping: grouping, session: session, inputs: inputs,
                                         cache: resultCache, board: &board, assemblies: &assemblies)
        guard !pending.isEmpty else { return ExecutionReport(chapters: board.chapters, errors: board.chapters.flatMap(\.errors)) }

        if !session.preparesBeforeKeys,
           let stopped = await prepare(session, stopping: Array(Set(pending.map(\.chapterIndex))).sorted(), of: chapters,
                                       board: &board, preparation: preparation) {
            return stopped
        }

        await run(pending, session: session, cache: resultCache, board: &board, assemblies: &assemblies)
        let done = board.chapters
        return ExecutionReport(chapters: done, errors: done.flatMap(\.errors))
    }

    /// Prepares `session`, reporting it through `preparation`; when that fails, the report
    /// with the chapters at `indices` stopped.
    func prepare(
        _ session: any SnippetEngineSession, stopping indices: [Int], of chapters: [Chapter],
        board: inout ReadingOrderProgress, preparation: @Sendable (PreparationProgress) -> Void
    ) async -> ExecutionReport? {
        let summary = session.preparationSummary(rebuild: !options.useCache)
        let elapsed = options.stopwatch.start()
        if let summary { preparation(.started(summary)) }
        do {
            try await session.prepare(rebuild: !options.useCache)
        } catch {
            return Self.stopped(indices, of: chapters, by: error.errors, board: &board)
        }
        if let summary { preparation(.finished(summary, seconds: elapsed())) }
        return nil
    }

    /// A program of a chapter that must run, with the chapter as the engine sees it and the
    /// program's result cache key.
    struct PendingProgram: Sendable {
        var chapterIndex: Int
        var program: SnippetProgram
        var chapter: Chapter
        var key: String
    }

    /// Records the chapters at `indices` whose programs' results are all cached (keyed by the
    /// engine's key, the program's kind and the contents of the workbook's `inputs` files), and
    /// the chapters not selected (`options.selectedChapters`) from the cache, even under
    /// `--no-cache` (they never run), or else their recorded outputs; adds the cached programs
    /// of the other chapters to `assemblies` and returns their programs that must run.
    func reuseCachedResults(
        _ indices: [Int], of chapters: [Chapter], grouping: SnippetGrouping, session: any SnippetEngineSession,
        inputs: String, cache: ResultCache, board: inout ReadingOrderProgress, assemblies: inout [Int: ChapterAssembly]
    ) -> [PendingProgram] {
        var pending: [PendingProgram] = []
        // Chapters not selected never run: their results are read even under `--no-cache`.
        var unselectedResults = cache
        unselectedResults.area.reusesEntries = true
        for index in indices {
            let chapter = chapters[index]
            let programs = ProgramPlan(chapter: chapter, grouping: grouping).programs
            let selected = options.selectedChapters?.contains(chapter.path) ?? true
            let results = selected ? cache : unselectedResults
            var assembly = ChapterAssembly(chapter: chapter, programCount: programs.count)
            var missing: [PendingProgram] = []
            for program in programs {
                let restricted = ProgramPlan.chapter(chapter, of: program)
                let key = Self.programKey(session.cacheKey(for: restricted), program: program, in: chapter, inputs: inputs)
                if let outputs = results.outputs(forKey: key, snippetCount: chapter.snippets.count) {
                    assembly.add(ExecutedChapter(chapter: restricted, outputs: outputs, provenance: .cached, seconds: 0), of: program)
                } else if selected, let failure = cache.compileFailure(forKey: ResultCache.failureKey(key, chapter: restricted)) {
                    // It did not compile last time, and nothing it depends on changed since.
                    var failed = Self.unexecuted(restricted, provenance: .cached)
                    failed.errors = failure.errors
                    if let outputs = failure.outputs, outputs.count == failed.outputs.count { failed.outputs = outputs }
                    assembly.add(failed, of: program)
                } else {
                    missing.append(PendingProgram(chapterIndex: index, program: program, chapter: restricted, key: key))
                }
            }
            if missing.isEmpty {
                board.record(assembly.result, at: index)
            } else if !selected {
                board.record(Self.recorded(chapter), at: index)
            } else {
                assemblies[index] = assembly
                pending += missing
            }
        }
        return pending
    }

    /// The result cache key of `program`: the engine's key of the program's chapter, the
    /// program's kind (an expected failure gives other outputs) and the `inputs` digest.
    static func programKey(_ engineKey: String, program: SnippetProgram, in chapter: Chapter, inputs: String) -> String {
        var key = engineKey
        if program.expected != nil {
            // A compiler's or runtime's message names the chapter and its lines: they are part
            // of the recorded output, so they join the key.
            key = CacheKey([engineKey, program.kind, chapter.path]
                           + program.snippetIndices.map { String(chapter.snippets[$0].codeFirstLine) }).hex
        }
        return ResultCache.combine(key, inputs: inputs)
    }

    /// Runs the `pending` programs, at most `options.jobs` at once, storing the results of
    /// those that succeed; a chapter is recorded once all its programs are done.
    func run(
        _ pending: [PendingProgram], session: any SnippetEngineSession,
        cache resultCache: ResultCache, board: inout ReadingOrderProgress, assemblies: inout [Int: ChapterAssembly]
    ) async {
        let jobs = options.jobs
        await session.prepareRuns(of: pending.map(\.chapter), jobs: jobs)
        await withTaskGroup(of: (PendingProgram, ExecutedChapter).self) { group in
            var next = 0
            var running = 0
            func startNext() {
                guard next < pending.count else { return }
                let item = pending[next]
                next += 1
                running += 1
                // Cores no program will ask for: those beyond the programs running and waiting.
                let spareCores = max(0, jobs - running - (pending.count - next))
                group.addTask {
                    let executed = Self.executedProgram(item.program, of: item.chapter,
                                                        run: await session.run(item.chapter, spareCores: spareCores))
                    if executed.succeeded && executed.unmetExpectations.isEmpty {
                        resultCache.store(executed.outputs, forKey: item.key)
                    } else if ResultCache.isCacheableCompileFailure(executed.errors, chapter: item.chapter) {
                        resultCache.store(compileErrors: executed.errors, outputs: executed.outputs,
                                          forKey: ResultCache.failureKey(item.key, chapter: item.chapter))
                    }
                    return (item, executed)
                }
            }
            for _ in 0..<jobs { startNext() }
            for await (item, executed) in group {
                running -= 1
                assemblies[item.chapterIndex]?.add(executed, of: item.program)
                if let assembly = assemblies[item.chapterIndex], assembly.isComplete {
                    board.record(assembly.result, at: item.chapterIndex)
                }
                startNext()
            }
        }
    }

    /// The executed chapter of one program's `run`; for a snippet that must fail, its failure
    /// becomes its output (see ``ExpectedFailureRun``).
    static func executedProgram(_ program: SnippetProgram, of chapter: Chapter, run: ChapterRun) -> ExecutedChapter {
        guard program.expected != nil else { return executedChapter(chapter, run: run) }
        let settled = ExpectedFailureRun(run, program: program, chapter: chapter)
        var executed = executedChapter(chapter, run: settled.run)
        if let unmet = settled.unmet, let index = program.snippetIndices.last { executed.unmetExpectations[index] = unmet }
        return executed
    }

    /// The report when `setupErrors` stopped the chapters at `indices` before they ran.
    static func stopped(
        _ indices: [Int], of chapters: [Chapter], by setupErrors: [WorkbookError], board: inout ReadingOrderProgress
    ) -> ExecutionReport {
        for index in indices {
            var chapter = unexecuted(chapters[index], provenance: .notRun)
            chapter.errors = [WorkbookError(path: chapters[index].path, message: "not run: the set-up before running failed (see the errors above)",
                                            stage: "execute")]
            board.record(chapter, at: index)
        }
        return ExecutionReport(chapters: board.chapters, errors: setupErrors)
    }

    /// `chapter` with the outputs recorded in its source as its actual outputs.
    public static func recorded(_ chapter: Chapter) -> ExecutedChapter {
        let outputs: [String?] = chapter.snippets.map { snippet in
            if snippet.options.norun || snippet.options.compileOnly { return nil }
            return snippet.options.output == .none ? "" : snippet.recorded?.text ?? ""
        }
        return ExecutedChapter(chapter: chapter, outputs: outputs, provenance: .recorded, seconds: 0)
    }

    static func unexecuted(_ chapter: Chapter, provenance: ExecutionProvenance) -> ExecutedChapter {
        ExecutedChapter(chapter: chapter, outputs: chapter.snippets.map { _ in nil }, provenance: provenance, seconds: 0)
    }

    static func executedChapter(_ chapter: Chapter, run: ChapterRun) -> ExecutedChapter {
        let outputs: [String?] = chapter.snippets.map { snippet in
            guard !snippet.options.norun, let text = run.outputs[snippet.index] else { return nil }
            return snippet.options.output == .none ? "" : normalized(text)
        }
        var executed = ExecutedChapter(chapter: chapter, outputs: outputs, provenance: .ran,
                                       seconds: run.compileSeconds + run.runSeconds)
        executed.compileSeconds = run.compileSeconds
        executed.runSeconds = run.runSeconds
        executed.reusedProgram = run.reusedProgram
        executed.bundledWith = run.bundledWith
        executed.compileFallbacks = run.compileFallbacks
        executed.snippetSeconds = run.snippetSeconds
        executed.errors = run.errors
        return executed
    }

    /// Printed text ending in a newline (added when missing), or empty.
    static func normalized(_ text: String) -> String {
        text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
    }
}
