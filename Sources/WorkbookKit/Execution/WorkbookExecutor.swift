import Foundation

/// Runs every chapter of a workbook through a ``SnippetEngine``: results found in the cache
/// are reused, the engine is prepared once when anything must run, and the other chapters run
/// in parallel (at most `options.jobs` at once), reported in reading order.
public struct WorkbookExecutor: Sendable {
    public var options: ExecutionOptions
    public var engine: any SnippetEngine

    /// An executor over `engine`, by default the Swift compiler found through `options.environment`.
    public init(options: ExecutionOptions = ExecutionOptions(), engine: (any SnippetEngine)? = nil) {
        self.options = options
        self.engine = engine ?? SwiftCompilerEngine(environment: options.environment)
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

        let cache = CacheFolder.resolve(root: workbook.root, environment: options.environment)
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
        let pending = reuseCachedResults(runnable, of: chapters, session: session, inputs: inputs,
                                         cache: resultCache, board: &board)
        guard !pending.isEmpty else { return ExecutionReport(chapters: board.chapters, errors: []) }

        if !session.preparesBeforeKeys,
           let stopped = await prepare(session, stopping: pending.map(\.index), of: chapters, board: &board, preparation: preparation) {
            return stopped
        }

        await run(pending, of: chapters, session: session, cache: resultCache, board: &board)
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
        let preparationStart = ContinuousClock.now
        if let summary { preparation(.started(summary)) }
        do {
            try await session.prepare(rebuild: !options.useCache)
        } catch {
            return Self.stopped(indices, of: chapters, by: error.errors, board: &board)
        }
        if let summary { preparation(.finished(summary, seconds: ContinuousClock.now.seconds(since: preparationStart))) }
        return nil
    }

    /// Records the chapters at `indices` whose results are cached (keyed by the engine's key and
    /// the contents of the workbook's `inputs` files), and the chapters not
    /// selected (`options.selectedChapters`) from the cache or else their recorded outputs;
    /// returns the others with their cache keys.
    func reuseCachedResults(
        _ indices: [Int], of chapters: [Chapter], session: any SnippetEngineSession, inputs: String,
        cache: ResultCache, board: inout ReadingOrderProgress
    ) -> [(index: Int, key: String)] {
        var pending: [(index: Int, key: String)] = []
        for index in indices {
            let chapter = chapters[index]
            let key = ResultCache.combine(session.cacheKey(for: chapter), inputs: inputs)
            let selected = options.selectedChapters?.contains(chapter.path) ?? true
            if options.useCache || !selected, let outputs = cache.outputs(forKey: key, snippetCount: chapter.snippets.count) {
                board.record(ExecutedChapter(chapter: chapter, outputs: outputs, provenance: .cached, seconds: 0), at: index)
            } else if !selected {
                board.record(Self.recorded(chapter), at: index)
            } else {
                pending.append((index, key))
            }
        }
        return pending
    }

    /// Runs the `pending` chapters, at most `options.jobs` at once, storing the results of
    /// those that succeed.
    func run(
        _ pending: [(index: Int, key: String)], of chapters: [Chapter], session: any SnippetEngineSession,
        cache resultCache: ResultCache, board: inout ReadingOrderProgress
    ) async {
        let jobs = options.jobs
        await withTaskGroup(of: (Int, ExecutedChapter).self) { group in
            var next = 0
            func startNext() {
                guard next < pending.count else { return }
                let (index, key) = pending[next]
                next += 1
                let chapter = chapters[index]
                group.addTask {
                    let executed = Self.executedChapter(chapter, run: await session.run(chapter))
                    if executed.succeeded { resultCache.store(executed.outputs, forKey: key) }
                    return (index, executed)
                }
            }
            for _ in 0..<jobs { startNext() }
            for await (index, executed) in group {
                board.record(executed, at: index)
                startNext()
            }
        }
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
    static func recorded(_ chapter: Chapter) -> ExecutedChapter {
        let outputs: [String?] = chapter.snippets.map { snippet in
            if snippet.options.norun { return nil }
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
        executed.snippetSeconds = run.snippetSeconds
        executed.errors = run.errors
        return executed
    }

    /// Printed text ending in a newline (added when missing), or empty.
    static func normalized(_ text: String) -> String {
        text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
    }
}
