import Foundation
import Synchronization
@testable import WorkbookKit

/// What a `FakeSnippetEngine` was asked to do.
actor FakeEngineLog {
    private(set) var sessions = 0
    private(set) var preparations = 0
    /// Chapters in the order they started running.
    private(set) var runs: [String] = []
    /// The snippets of each program run (by index), in the order they started.
    private(set) var programs: [[Int]] = []
    /// Chapters in the order they finished running.
    private(set) var finishes: [String] = []
    private(set) var running = 0
    private(set) var mostAtOnce = 0
    /// The spare cores each chapter was given, by path.
    private(set) var spareCores: [String: Int] = [:]
    func gave(_ cores: Int, to path: String) { spareCores[path] = cores }

    /// The cache each session was set up with (its policy: `--no-cache` reuses nothing).
    private(set) var sessionCaches: [CacheFolder] = []

    func sessionStarted(cache: CacheFolder) {
        sessions += 1
        sessionCaches.append(cache)
    }
    /// Whether the current session was prepared, and how many cache keys were asked for
    /// before it was (keys are asked synchronously, hence a lock rather than the actor).
    private nonisolated let keys = Mutex<(prepared: Bool, early: Int)>((false, 0))
    var keysBeforePreparation: Int { keys.withLock { $0.early } }
    func prepared() {
        preparations += 1
        keys.withLock { $0.prepared = true }
    }
    nonisolated func keyAsked() { keys.withLock { if !$0.prepared { $0.early += 1 } } }
    func newSession() { keys.withLock { $0.prepared = false } }

    func started(_ path: String, snippets: [Int] = []) {
        runs.append(path)
        programs.append(snippets)
        running += 1
        mostAtOnce = max(mostAtOnce, running)
    }

    func finished(_ path: String) {
        finishes.append(path)
        running -= 1
    }
}

/// An engine that runs no compiler: each runnable snippet "prints" its own code, once the
/// test's gate (if any) lets the run go (a `compile` snippet prints nothing; a program with a snippet whose code
/// says `compile-error` does not compile); chosen chapters fail, and setting up or preparing
/// can fail.
struct FakeSnippetEngine: SnippetEngine {
    var log = FakeEngineLog()
    /// Holds each run until the test lets it finish; `nil`: runs finish at once.
    var gate: RunGate?
    /// Chapters (by path) whose run fails after their first snippet.
    var failing: Set<String> = []
    var sessionError: WorkbookError?
    var preparationError: WorkbookError?
    /// What the session says `prepare()` builds; `nil`: nothing.
    var preparationSummary: String?
    /// Whether the session's keys depend on its preparation (as a package's do).
    var preparesBeforeKeys = false
    /// A clock that preparing advances by the given seconds.
    var preparationClock: (clock: ManualClock, seconds: Double)?

    func session(for workbook: Workbook, cache: CacheFolder) async throws(WorkbookErrors) -> any SnippetEngineSession {
        await log.sessionStarted(cache: cache)
        await log.newSession()
        if let sessionError { throw WorkbookErrors([sessionError]) }
        return Session(engine: self)
    }

    struct Session: SnippetEngineSession {
        var engine: FakeSnippetEngine

        var preparesBeforeKeys: Bool { engine.preparesBeforeKeys }

        func cacheKey(for chapter: Chapter) -> String {
            engine.log.keyAsked()
            var hasher = ContentHasher()
            hasher.combine("fake-engine")
            for snippet in chapter.snippets { hasher.combine(snippet.options.norun ? "norun" : snippet.code) }
            return hasher.finalize()
        }

        func preparationSummary() -> String? { engine.preparationSummary }

        func prepare(rebuild: Bool) async throws(WorkbookErrors) {
            await engine.log.prepared()
            if let (clock, seconds) = engine.preparationClock { clock.advance(by: seconds) }
            if let error = engine.preparationError { throw WorkbookErrors([error]) }
        }

        func run(_ chapter: Chapter, spareCores: Int) async -> ChapterRun {
            await engine.log.gave(spareCores, to: chapter.path)
            return await run(chapter)
        }

        func run(_ chapter: Chapter) async -> ChapterRun {
            await engine.log.started(chapter.path, snippets: chapter.snippets.filter { !$0.options.norun }.map(\.index))
            await engine.gate?.pass(chapter.path)
            await engine.log.finished(chapter.path)
            engine.gate?.finished(chapter.path)
            var printed: [Int: String] = [:]
            // A snippet whose code says `compile-error` does not compile, at its first line.
            let broken = chapter.snippets.filter { !$0.options.norun && $0.code.contains("compile-error") }
            if !broken.isEmpty {
                return ChapterRun(printed: [:], errors: broken.map {
                    WorkbookError(path: chapter.path, line: $0.codeFirstLine, column: 1, message: "does not compile", stage: "compile")
                }, compileSeconds: 0.02)
            }
            for snippet in chapter.snippets where !snippet.options.norun && !snippet.options.compileOnly {
                if engine.failing.contains(chapter.path) && !printed.isEmpty {
                    return ChapterRun(printed: printed, errors: [WorkbookError(
                        path: chapter.path, line: snippet.codeFirstLine, message: "the snippet crashed", stage: "run")],
                        runSeconds: 0.01)
                }
                printed[snippet.index] = snippet.code
            }
            return ChapterRun(printed: printed, compileSeconds: 0.02, runSeconds: 0.01)
        }
    }
}

/// A clock that moves only when told to: a test reads exactly the time its fake work "took".
final class ManualClock: Sendable {
    private let now = Mutex(0.0)
    func advance(by seconds: Double) { now.withLock { $0 += seconds } }
    var stopwatch: Stopwatch {
        Stopwatch { [self] in
            let start = now.withLock { $0 }
            return { [self] in now.withLock { $0 } - start }
        }
    }
}
