import Foundation

/// How a workbook is executed.
public struct ExecutionOptions: Sendable {
    /// Whether cached results and built core modules may be used (`--no-cache` turns this off:
    /// chapters run and core modules are compiled again; results are still stored).
    public var useCache: Bool
    /// How many chapters run at once.
    public var jobs: Int
    /// The environment (for `SWIFTC`, `PATH` and `WORKBOOK_CACHE_DIR`).
    public var environment: [String: String]

    public init(useCache: Bool = true, jobs: Int? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.useCache = useCache
        self.jobs = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        self.environment = environment
    }
}

/// The executed chapters of a workbook, in reading order, and every error met.
public struct ExecutionReport: Sendable, Equatable {
    public var chapters: [ExecutedChapter]
    /// Problems that stopped chapters (or the core build), in chapter order.
    public var errors: [WorkbookError]

    public init(chapters: [ExecutedChapter], errors: [WorkbookError]) {
        self.chapters = chapters
        self.errors = errors
    }
}

/// A chapter finished executing: the `position`-th of `count`, reported in reading order.
public struct ChapterProgress: Sendable {
    public var position: Int
    public var count: Int
    public var chapter: ExecutedChapter
}

/// Runs every chapter of a workbook: core modules built once, cached results reused, the
/// other chapters compiled and run in parallel.
public struct WorkbookExecutor: Sendable {
    public var options: ExecutionOptions

    public init(options: ExecutionOptions = ExecutionOptions()) {
        self.options = options
    }

    /// Executes `workbook`; `progress` is called once per chapter, in reading order.
    public func execute(
        _ workbook: Workbook, progress: @Sendable (ChapterProgress) -> Void = { _ in }
    ) async -> ExecutionReport {
        let chapters = workbook.chapters
        let cache = CacheFolder.resolve(root: workbook.root, environment: options.environment)
        var results = [ExecutedChapter?](repeating: nil, count: chapters.count)
        var setupErrors: [WorkbookError] = []
        var emitted = 0
        func record(_ chapter: ExecutedChapter, at index: Int) {
            results[index] = chapter
            while emitted < results.count, let done = results[emitted] {
                progress(ChapterProgress(position: emitted + 1, count: results.count, chapter: done))
                emitted += 1
            }
        }

        let runnable = chapters.indices.filter { chapters[$0].snippets.contains { !$0.options.norun } }
        for index in chapters.indices where !runnable.contains(index) {
            record(ExecutedChapter(chapter: chapters[index], outputs: chapters[index].snippets.map { _ in nil },
                                   provenance: .nothingToRun, seconds: 0), at: index)
        }
        guard !runnable.isEmpty else { return ExecutionReport(chapters: results.compactMap { $0 }, errors: []) }

        // Setup: compiler and core modules. A failure here stops every runnable chapter.
        var toolchain: Toolchain?
        var modules: [CoreModule] = []
        if let problem = cache.problem() { return ExecutionReport(chapters: results.compactMap { $0 }, errors: [problem]) }
        do {
            toolchain = try await Toolchain.locate(environment: options.environment, cache: cache)
            modules = try CoreModule.describe(workbook: workbook, toolchain: toolchain!)
        } catch {
            setupErrors = error.errors
        }
        var pending: [(index: Int, key: String)] = []
        if let toolchain, setupErrors.isEmpty {
            let resultCache = ResultCache(cache: cache)
            let inputs = InputFiles(root: workbook.root, patterns: workbook.config.inputs).digest()
            for index in runnable {
                let chapter = chapters[index]
                let key = ResultCache.key(chapter: chapter, modules: modules, compilerVersion: toolchain.version, inputs: inputs)
                if options.useCache, let outputs = resultCache.outputs(forKey: key, snippetCount: chapter.snippets.count) {
                    record(ExecutedChapter(chapter: chapter, outputs: outputs, provenance: .cached, seconds: 0), at: index)
                } else {
                    pending.append((index, key))
                }
            }
            if !pending.isEmpty {
                do {
                    try await CoreModuleBuilder(toolchain: toolchain, cache: cache, rebuild: !options.useCache)
                        .build(modules, root: workbook.root)
                } catch {
                    setupErrors = error.errors
                }
            }
        } else {
            pending = runnable.map { ($0, "") }
        }
        if !setupErrors.isEmpty {
            for (index, _) in pending {
                var failed = ExecutedChapter(chapter: chapters[index], outputs: chapters[index].snippets.map { _ in nil },
                                             provenance: .ran, seconds: 0)
                failed.errors = [WorkbookError(path: chapters[index].path, message: "not run: the core modules did not build",
                                               stage: "execute")]
                record(failed, at: index)
            }
            return ExecutionReport(chapters: results.compactMap { $0 }, errors: setupErrors)
        }

        let runner = ChapterRunner(toolchain: toolchain!, cache: cache, modules: modules)
        let resultCache = ResultCache(cache: cache)
        let timeout = workbook.config.timeout
        let root = workbook.root
        await withTaskGroup(of: (Int, ExecutedChapter).self) { group in
            var next = 0
            func startNext() {
                guard next < pending.count else { return }
                let (index, key) = pending[next]
                next += 1
                let chapter = chapters[index]
                group.addTask {
                    let run = await runner.run(chapter, root: root, timeout: timeout)
                    let executed = Self.executedChapter(chapter, run: run)
                    if executed.succeeded { resultCache.store(executed.outputs, forKey: key) }
                    return (index, executed)
                }
            }
            for _ in 0..<options.jobs { startNext() }
            for await (index, executed) in group {
                record(executed, at: index)
                startNext()
            }
        }
        let chaptersDone = results.compactMap { $0 }
        return ExecutionReport(chapters: chaptersDone, errors: chaptersDone.flatMap(\.errors))
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
        executed.errors = run.errors
        return executed
    }

    /// Printed text ending in a newline (added when missing), or empty.
    static func normalized(_ text: String) -> String {
        text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
    }
}
