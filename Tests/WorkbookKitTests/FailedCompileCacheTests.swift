import Foundation
import Synchronization
import Testing
@testable import WorkbookKit

/// A program that did not compile is cached under its key like one that ran, and reported
/// again from the cache; progress lines and tallies count programs and snippets honestly
/// (over a fake engine: no Swift toolchain needed).
@Suite struct FailedCompileCacheTests {
    let cacheFolder = FileManager.default.temporaryDirectory.appendingPathComponent("failed-compiles-\(UUID().uuidString)")

    func workbook(_ source: String, grouping: SnippetGrouping = .isolated) throws -> Workbook {
        var config = WorkbookConfig()
        config.documentation.snippets = grouping
        let chapter = try SnippetExtractor().extract(path: "chapters/01-c.md", source: source)
        return Workbook(root: URL(fileURLWithPath: "/nonexistent-workbook"), config: config, chapters: [chapter])
    }

    func chapter(_ snippets: [(info: String, code: String)], prose: String = "") -> String {
        "# Chapter\n\n\(prose)" + snippets.map { "```swift \($0.info)\n\($0.code)\n```\n\n" }.joined()
    }

    func executor(_ engine: FakeSnippetEngine, useCache: Bool = true) -> WorkbookExecutor {
        WorkbookExecutor(
            options: ExecutionOptions(useCache: useCache, jobs: 2,
                                      environment: [CacheFolder.environmentVariable: cacheFolder.path, "SWIFTC": "/nonexistent"]),
            engine: engine)
    }

    final class Lines: Sendable {
        private let lines = Mutex<[String]>([])
        func append(_ line: String) { lines.withLock { $0.append(line) } }
        var all: [String] { lines.withLock { $0 } }
    }

    let five: [(info: String, code: String)] = [("", "a"), ("", "compile-error 1"), ("", "c"), ("", "compile-error 2"), ("", "e")]

    @Test func aFailedCompileIsNotCompiledAgainAndItsErrorsAreReportedAgain() async throws {
        defer { try? FileManager.default.removeItem(at: cacheFolder) }
        let book = try workbook(chapter(five))
        let cold = FakeSnippetEngine()
        let first = await executor(cold).execute(book)
        #expect(first.errors.map(\.line) == [8, 16])
        #expect(await cold.log.programs.count == 5)

        let warm = FakeSnippetEngine()
        let lines = Lines()
        let second = await executor(warm).execute(book) { lines.append($0.line) }
        #expect(await warm.log.programs.isEmpty, "nothing is compiled again")
        #expect(second.errors == first.errors)
        #expect(second.chapters[0].provenance == .cached)
        #expect(lines.all == ["[1/1] chapters/01-c.md: 2 of 5 programs did not compile; all 5 cached"])

        let noCache = FakeSnippetEngine()
        _ = await executor(noCache, useCache: false).execute(book)
        #expect(await noCache.log.programs.count == 5, "--no-cache compiles everything again")
    }

    @Test func movedSnippetsCompileAgainSoTheirErrorsNameTheirNewLines() async throws {
        defer { try? FileManager.default.removeItem(at: cacheFolder) }
        _ = await executor(FakeSnippetEngine()).execute(try workbook(chapter(five)))
        let moved = try workbook(chapter(five, prose: "A new paragraph.\n\n"))
        let engine = FakeSnippetEngine()
        let report = await executor(engine).execute(moved)
        #expect(await engine.log.programs.map { $0 }.sorted { $0[0] < $1[0] } == [[1], [3]], "only the failed programs run again")
        #expect(report.errors.map(\.line) == [10, 18])
    }

    @Test func theProgressLineCountsTheProgramsThatFailed() async throws {
        defer { try? FileManager.default.removeItem(at: cacheFolder) }
        let lines = Lines()
        _ = await executor(FakeSnippetEngine()).execute(try workbook(chapter(five))) { lines.append($0.line) }
        #expect(lines.all.count == 1)
        #expect(lines.all[0].hasPrefix("[1/1] chapters/01-c.md: 2 of 5 programs did not compile, the other 3 ran ("), "\(lines.all)")

        let single = Lines()
        _ = await executor(FakeSnippetEngine()).execute(try workbook(chapter([("", "x"), ("", "compile-error")]), grouping: .shared)) {
            single.append($0.line)
        }
        #expect(single.all[0].hasPrefix("[1/1] chapters/01-c.md: did not compile ("), "\(single.all)")
    }

    @Test func theComparisonTalliesEachSnippetByWhatHappenedToIt() async throws {
        defer { try? FileManager.default.removeItem(at: cacheFolder) }
        let source = chapter([("", "a"), ("", "compile-error"), ("", "c"), ("compile", "d"), ("", "let x = <#value#>"), ("norun", "f")])
        let report = await executor(FakeSnippetEngine()).execute(try workbook(source))
        let comparison = OutputComparison().compare(report.chapters)
        var expected = SnippetTally()
        expected.mismatched = 2   // a and c print their code, and nothing is recorded
        expected.didNotCompile = 1
        expected.compiledNotRun = 1
        expected.templates = 1
        expected.norun = 1
        #expect(comparison.perChapter == [ChapterTally(path: "chapters/01-c.md", tally: expected)])
        #expect(comparison.perChapter[0].line == "chapters/01-c.md: 2 mismatched, 1 did not compile; 1 compiled, not run; 1 template; 1 norun")
        #expect(comparison.summary == "0 passed, 3 failed; 1 compiled, not run; 1 template")
        #expect(!comparison.nothingRan)
    }

    @Test func aCompileSnippetInAProgramThatDidNotCompileFailsWithIt() async throws {
        defer { try? FileManager.default.removeItem(at: cacheFolder) }
        let source = chapter([("compile", "loop()"), ("", "compile-error")])
        let report = await executor(FakeSnippetEngine()).execute(try workbook(source, grouping: .shared))
        let comparison = OutputComparison().compare(report.chapters)
        #expect(comparison.perChapter.map(\.tally.didNotCompile) == [2])
        #expect(comparison.summary == "0 passed, 2 failed")
    }
}
