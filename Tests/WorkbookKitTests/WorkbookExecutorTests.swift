import Foundation
import Synchronization
import Testing
@testable import WorkbookKit
@testable import WorkbookSwiftEngine

/// The executor's scheduling, caching and progress, over a fake engine: no Swift toolchain
/// is needed (these tests pass with `SWIFTC` naming a missing file and no `swiftc` on `PATH`).
@Suite struct WorkbookExecutorTests {
    let cacheFolder = FileManager.default.temporaryDirectory.appendingPathComponent("executor-\(UUID().uuidString)")

    func workbook(_ chapters: [(String, String)]) throws -> Workbook {
        let parsed = try chapters.map { try SnippetExtractor().extract(path: "chapters/\($0.0).md", source: $0.1) }
        return Workbook(root: URL(fileURLWithPath: "/nonexistent-workbook"), config: WorkbookConfig(), chapters: parsed)
    }

    func chapter(_ code: String...) -> String {
        "# Chapter\n\n" + code.map { "```swift\n\($0)\n```\n\n" }.joined()
    }

    func executor(_ engine: FakeSnippetEngine, jobs: Int = 4, useCache: Bool = true) -> WorkbookExecutor {
        WorkbookExecutor(
            options: ExecutionOptions(useCache: useCache, jobs: jobs,
                                      environment: [CacheFolder.environmentVariable: cacheFolder.path, "SWIFTC": "/nonexistent"]),
            engine: engine)
    }

    /// Collects progress lines from the executor's callback.
    final class ProgressLines: Sendable {
        private let lines = Mutex<[ChapterProgress]>([])
        func append(_ progress: ChapterProgress) { lines.withLock { $0.append(progress) } }
        var all: [ChapterProgress] { lines.withLock { $0 } }
    }

    // The gate lets a run finish only while two are running: fewer at once would wait forever
    // (the time limit turns that into a failure), more would be counted.
    @Test(.timeLimit(.minutes(1))) func runsAtMostJobsChaptersAtOnce() async throws {
        defer { try? FileManager.default.removeItem(at: cacheFolder) }
        let book = try workbook((1...6).map { ("0\($0)-c", chapter("print(\($0))")) })
        var engine = FakeSnippetEngine()
        engine.gate = RunGate(.oneAtATimeWhenBusy(jobs: 2, runs: 6))
        let report = await executor(engine, jobs: 2).execute(book)
        #expect(report.errors.isEmpty)
        #expect(report.chapters.map(\.provenance) == Array(repeating: .ran, count: 6))
        #expect(await engine.log.mostAtOnce == 2)
        #expect(await engine.log.runs.count == 6)
    }

    @Test func noCacheReachesTheEngineThroughItsCache() async throws {
        defer { try? FileManager.default.removeItem(at: cacheFolder) }
        let book = try workbook([("01-c", chapter("print(1)"))])
        let engine = FakeSnippetEngine()
        _ = await executor(engine).execute(book)
        _ = await executor(engine, useCache: false).execute(book)
        let caches = await engine.log.sessionCaches
        #expect(caches.map(\.reusesEntries) == [true, false], "the engine's stores (compiled programs) follow --no-cache")
        #expect(caches.map(\.url.path) == [cacheFolder.path, cacheFolder.path])
    }

    @Test func onlyProgramsLeftWithoutCompanyAreGivenTheSpareCores() async throws {
        defer { try? FileManager.default.removeItem(at: cacheFolder) }
        let book = try workbook((1...3).map { ("0\($0)-c", chapter("print(\($0))")) })
        let engine = FakeSnippetEngine()
        _ = await executor(engine, jobs: 2).execute(book)
        // Three programs on two jobs: none starts while a core is free of programs to come.
        #expect(await engine.log.spareCores == ["chapters/01-c.md": 0, "chapters/02-c.md": 0, "chapters/03-c.md": 0])

        let one = try workbook([("01-c", chapter("print(1)"))])
        let single = FakeSnippetEngine()
        _ = await executor(single, jobs: 4, useCache: false).execute(one)
        #expect(await single.log.spareCores == ["chapters/01-c.md": 3], "one program alone on four jobs")
    }

    @Test(.timeLimit(.minutes(1))) func reportsProgressInReadingOrderWhateverOrderChaptersFinish() async throws {
        defer { try? FileManager.default.removeItem(at: cacheFolder) }
        let book = try workbook([("01-a", chapter("a")), ("02-b", "# No code\n"), ("03-c", chapter("c")), ("04-d", chapter("d"))])
        var engine = FakeSnippetEngine()
        engine.gate = RunGate(.finishOrder(["chapters/04-d.md", "chapters/03-c.md", "chapters/01-a.md"]))
        let lines = ProgressLines()
        let report = await executor(engine).execute(book) { lines.append($0) }
        #expect(lines.all.map(\.position) == [1, 2, 3, 4])
        #expect(lines.all.allSatisfy { $0.count == 4 })
        #expect(lines.all.map(\.chapter.chapter.path) == book.chapters.map(\.path))
        #expect(report.chapters.map(\.chapter.path) == book.chapters.map(\.path))
        #expect(report.chapters.map(\.provenance) == [.ran, .nothingToRun, .ran, .ran])
        #expect(report.chapters[0].outputs == ["a\n"])
        #expect(await engine.log.finishes == ["chapters/04-d.md", "chapters/03-c.md", "chapters/01-a.md"])
    }

    @Test func reusesCachedResultsAndRunsOnlyWhatChanged() async throws {
        defer { try? FileManager.default.removeItem(at: cacheFolder) }
        let first = try workbook([("01-a", chapter("a")), ("02-b", chapter("b"))])
        let cold = FakeSnippetEngine()
        let coldReport = await executor(cold).execute(first)
        #expect(coldReport.chapters.map(\.provenance) == [.ran, .ran])

        let warm = FakeSnippetEngine()
        let warmReport = await executor(warm).execute(first)
        #expect(warmReport.chapters.map(\.provenance) == [.cached, .cached])
        #expect(warmReport.chapters.map(\.outputs) == coldReport.chapters.map(\.outputs))
        #expect(await warm.log.runs.isEmpty)
        #expect(await warm.log.preparations == 0)

        let edited = try workbook([("01-a", chapter("a")), ("02-b", chapter("b2"))])
        let partly = FakeSnippetEngine()
        let partlyReport = await executor(partly).execute(edited)
        #expect(partlyReport.chapters.map(\.provenance) == [.cached, .ran])
        #expect(await partly.log.runs == ["chapters/02-b.md"])
        #expect(await partly.log.preparations == 1)

        let uncached = FakeSnippetEngine()
        let uncachedReport = await executor(uncached, useCache: false).execute(edited)
        #expect(uncachedReport.chapters.map(\.provenance) == [.ran, .ran])
    }

    @Test func aSessionWhoseKeysDependOnItsPreparationIsPreparedFirstEvenWhenEverythingIsCached() async throws {
        defer { try? FileManager.default.removeItem(at: cacheFolder) }
        let book = try workbook([("01-a", chapter("a")), ("02-b", chapter("b"))])
        var engine = FakeSnippetEngine()
        engine.preparesBeforeKeys = true
        engine.preparationSummary = "package products Tiny"
        let first = await executor(engine).execute(book)
        #expect(first.chapters.map(\.provenance) == [.ran, .ran])
        #expect(await engine.log.preparations == 1, "prepared once, before the keys, not again before the runs")
        #expect(await engine.log.keysBeforePreparation == 0)
        let cached = await executor(engine).execute(book)
        #expect(cached.chapters.map(\.provenance) == [.cached, .cached])
        #expect(await engine.log.preparations == 2, "the keys need the prepared build even when every chapter is cached")
        #expect(await engine.log.keysBeforePreparation == 0)
    }

    @Test func aFailedPreparationBeforeTheKeysStopsEveryRunnableChapter() async throws {
        defer { try? FileManager.default.removeItem(at: cacheFolder) }
        let book = try workbook([("01-a", chapter("a")), ("02-b", "# No code\n")])
        var engine = FakeSnippetEngine()
        engine.preparesBeforeKeys = true
        let packageError = WorkbookError(path: "Tiny/Sources/Tiny/A.swift", line: 2, column: 12, message: "cannot convert", stage: "package")
        engine.preparationError = packageError
        let report = await executor(engine).execute(book)
        #expect(report.errors == [packageError])
        #expect(report.chapters.map(\.provenance) == [.notRun, .nothingToRun])
        #expect(await engine.log.runs.isEmpty)
    }

    @Test func aFailedPreparationStopsEveryChapterThatHadToRun() async throws {
        defer { try? FileManager.default.removeItem(at: cacheFolder) }
        let book = try workbook([("01-a", chapter("a")), ("02-b", "# No code\n"), ("03-c", chapter("c"))])
        var engine = FakeSnippetEngine()
        let setupError = WorkbookError(path: "Tiny/Sources/Tiny/A.swift", line: 3, column: 1, message: "cannot find 'x' in scope", stage: "package")
        engine.preparationError = setupError
        let report = await executor(engine).execute(book)
        #expect(report.errors == [setupError])
        #expect(report.chapters.map(\.provenance) == [.notRun, .nothingToRun, .notRun])
        #expect(report.chapters[0].errors.first?.message == "not run: the set-up before running failed (see the errors above)")
        #expect(report.chapters[0].outputs == [nil])
        #expect(await engine.log.runs.isEmpty)
    }

    @Test func aFailedSetUpStopsEveryRunnableChapter() async throws {
        defer { try? FileManager.default.removeItem(at: cacheFolder) }
        let book = try workbook([("01-a", chapter("a"))])
        var engine = FakeSnippetEngine()
        engine.sessionError = WorkbookError(path: "swiftc", message: "cannot find 'swiftc' on the PATH", stage: "execute")
        let report = await executor(engine).execute(book)
        #expect(report.errors.map(\.message) == ["cannot find 'swiftc' on the PATH"])
        #expect(report.chapters.map(\.provenance) == [.notRun])
        #expect(await engine.log.preparations == 0)
    }

    @Test func aFailingChapterLeavesTheOthersAndIsNotCached() async throws {
        defer { try? FileManager.default.removeItem(at: cacheFolder) }
        let book = try workbook([("01-a", chapter("a")), ("02-b", chapter("b1", "b2")), ("03-c", chapter("c"))])
        var engine = FakeSnippetEngine()
        engine.failing = ["chapters/02-b.md"]
        let report = await executor(engine).execute(book)
        #expect(report.chapters.map(\.succeeded) == [true, false, true])
        #expect(report.chapters[1].outputs == ["b1\n", nil])
        #expect(report.errors.map(\.path) == ["chapters/02-b.md"])
        #expect(report.chapters[0].outputs == ["a\n"])

        let again = FakeSnippetEngine()
        let second = await executor(again).execute(book)
        #expect(second.chapters.map(\.provenance) == [.cached, .ran, .cached])
    }

    @Test func theSwiftEngineReportsAMissingCompilerAsAnError() async throws {
        defer { try? FileManager.default.removeItem(at: cacheFolder) }
        let book = try workbook([("01-a", chapter("a"))])
        let environment = [CacheFolder.environmentVariable: cacheFolder.path, "SWIFTC": "/nonexistent/swiftc"]
        let report = await WorkbookExecutor(options: ExecutionOptions(jobs: 2, environment: environment),
                                            engine: SwiftCompilerEngine(environment: environment)).execute(book)
        #expect(report.chapters.map(\.provenance) == [.notRun])
        #expect(report.errors.count == 1)
        #expect(report.errors.first?.path == "/nonexistent/swiftc")
    }
}
