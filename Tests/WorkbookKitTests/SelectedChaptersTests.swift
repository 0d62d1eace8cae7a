import Foundation
import Synchronization
import Testing
@testable import WorkbookKit

/// Running only some chapters: the others come from the cache, or else from their recorded
/// outputs, and never run; the preparation is reported around the engine's build.
@Suite struct SelectedChaptersTests {
    let cacheFolder = FileManager.default.temporaryDirectory.appendingPathComponent("selected-\(UUID().uuidString)")

    func workbook(_ chapters: [(String, String)]) throws -> Workbook {
        let parsed = try chapters.map { try SnippetExtractor().extract(path: "chapters/\($0.0).md", source: $0.1) }
        return Workbook(root: URL(fileURLWithPath: "/nonexistent-workbook"), config: WorkbookConfig(), chapters: parsed)
    }

    func executor(_ engine: FakeSnippetEngine, selected: Set<String>?, useCache: Bool = true,
                  stopwatch: Stopwatch = .continuous) -> WorkbookExecutor {
        var options = ExecutionOptions(useCache: useCache, jobs: 2,
                                       environment: [CacheFolder.environmentVariable: cacheFolder.path])
        options.selectedChapters = selected
        options.stopwatch = stopwatch
        return WorkbookExecutor(options: options, engine: engine)
    }

    let recorded = "# A\n\n```swift\nfresh\n```\n\n```output\nstale\n```\n\n```swift output=none\nquiet\n```\n"

    @Test func unselectedChaptersWithoutCacheUseTheirRecordedOutputsAndDoNotRun() async throws {
        defer { try? FileManager.default.removeItem(at: cacheFolder) }
        let book = try workbook([("01-a", recorded), ("02-b", "```swift\nb\n```\n")])
        let engine = FakeSnippetEngine()
        let report = await executor(engine, selected: ["chapters/02-b.md"]).execute(book)
        #expect(report.errors.isEmpty)
        #expect(report.chapters.map(\.provenance) == [.recorded, .ran])
        #expect(report.chapters[0].outputs == ["stale\n", ""])
        #expect(report.chapters[1].outputs == ["b\n"])
        #expect(await engine.log.runs == ["chapters/02-b.md"])
        #expect(report.tally == "2 chapters: 1 ran, 0 cached, 1 from recorded outputs")
    }

    @Test func unselectedChaptersComeFromTheCacheEvenWithoutCacheUse() async throws {
        defer { try? FileManager.default.removeItem(at: cacheFolder) }
        let book = try workbook([("01-a", recorded), ("02-b", "```swift\nb\n```\n")])
        _ = await executor(FakeSnippetEngine(), selected: nil).execute(book)
        let engine = FakeSnippetEngine()
        let report = await executor(engine, selected: ["chapters/02-b.md"], useCache: false).execute(book)
        #expect(report.chapters.map(\.provenance) == [.cached, .ran])
        #expect(report.chapters[0].outputs == ["fresh\n", ""])
        #expect(await engine.log.runs == ["chapters/02-b.md"])
    }

    @Test func nothingSelectedToRunPreparesNothing() async throws {
        defer { try? FileManager.default.removeItem(at: cacheFolder) }
        let book = try workbook([("01-a", recorded)])
        let engine = FakeSnippetEngine()
        let report = await executor(engine, selected: []).execute(book)
        #expect(report.chapters.map(\.provenance) == [.recorded])
        #expect(await engine.log.preparations == 0)
    }

    final class Events: Sendable {
        private let events = Mutex<[PreparationProgress]>([])
        func append(_ event: PreparationProgress) { events.withLock { $0.append(event) } }
        var all: [PreparationProgress] { events.withLock { $0 } }
    }

    @Test func preparationIsReportedBeforeAndAfterWhenTheEngineHasSomethingToBuild() async throws {
        defer { try? FileManager.default.removeItem(at: cacheFolder) }
        let book = try workbook([("01-a", recorded)])
        var engine = FakeSnippetEngine()
        engine.preparationSummary = "package products Fake"
        // The clock moves only while the engine prepares: the reported time is exactly that.
        let clock = ManualClock()
        clock.advance(by: 100)
        engine.preparationClock = (clock, 14.25)
        let events = Events()
        _ = await executor(engine, selected: nil, stopwatch: clock.stopwatch).execute(book, preparation: { events.append($0) })
        #expect(events.all == [.started("package products Fake"), .finished("package products Fake", seconds: 14.25)])
        #expect(events.all.first?.line == "Building package products Fake…")
        #expect(PreparationProgress.finished("package products A, B", seconds: 14.2).line == "Built package products A, B in 14.20 s")

        let quiet = Events()
        _ = await executor(FakeSnippetEngine(), selected: nil, useCache: false).execute(book, preparation: { quiet.append($0) })
        #expect(quiet.all.isEmpty)
    }
}
