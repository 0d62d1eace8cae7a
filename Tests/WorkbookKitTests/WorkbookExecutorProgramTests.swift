import Foundation
import Testing
@testable import WorkbookKit

/// The executor runs, caches and schedules programs, not chapters, and puts each chapter
/// together in reading order (over a fake engine: no Swift toolchain needed).
@Suite struct WorkbookExecutorProgramTests {
    let cacheFolder = FileManager.default.temporaryDirectory.appendingPathComponent("executor-programs-\(UUID().uuidString)")

    func workbook(_ source: String, grouping: SnippetGrouping) throws -> Workbook {
        var config = WorkbookConfig()
        config.documentation.snippets = grouping
        let chapter = try SnippetExtractor().extract(path: "chapters/01-c.md", source: source)
        return Workbook(root: URL(fileURLWithPath: "/nonexistent-workbook"), config: config, chapters: [chapter])
    }

    func chapter(_ snippets: [(info: String, code: String)]) -> String {
        "# Chapter\n\n" + snippets.map { "```swift \($0.info)\n\($0.code)\n```\n\n" }.joined()
    }

    func executor(_ engine: FakeSnippetEngine, jobs: Int = 4) -> WorkbookExecutor {
        WorkbookExecutor(
            options: ExecutionOptions(jobs: jobs, environment: [CacheFolder.environmentVariable: cacheFolder.path, "SWIFTC": "/nonexistent"]),
            engine: engine)
    }

    @Test func isolatedSnippetsRunAsProgramsOfTheirOwnAndAnEditRunsOnlyItsProgram() async throws {
        defer { try? FileManager.default.removeItem(at: cacheFolder) }
        let book = try workbook(chapter([("", "a"), ("", "b"), ("", "c")]), grouping: .isolated)
        let cold = FakeSnippetEngine()
        let report = await executor(cold).execute(book)
        #expect(report.chapters.map(\.outputs) == [["a\n", "b\n", "c\n"]])
        #expect(report.chapters.map(\.provenance) == [.ran])
        #expect(await cold.log.programs.sorted { $0[0] < $1[0] } == [[0], [1], [2]])

        let edited = try workbook(chapter([("", "a"), ("", "b2"), ("", "c")]), grouping: .isolated)
        let warm = FakeSnippetEngine()
        let again = await executor(warm).execute(edited)
        #expect(again.chapters.map(\.outputs) == [["a\n", "b2\n", "c\n"]])
        #expect(again.chapters.map(\.provenance) == [.ran])
        #expect(await warm.log.programs == [[1]])

        let unchanged = FakeSnippetEngine()
        #expect(await executor(unchanged).execute(edited).chapters.map(\.provenance) == [.cached])
        #expect(await unchanged.log.programs.isEmpty)
    }

    @Test func anEnvironmentBetweenOtherSnippetsIsOneProgram() async throws {
        defer { try? FileManager.default.removeItem(at: cacheFolder) }
        let book = try workbook(chapter([("", "a"), ("env=e", "b"), ("", "c"), ("env=e", "d")]), grouping: .shared)
        let engine = FakeSnippetEngine()
        let report = await executor(engine).execute(book)
        #expect(report.chapters.map(\.outputs) == [["a\n", "b\n", "c\n", "d\n"]])
        #expect(await engine.log.programs.sorted { $0[0] < $1[0] } == [[0, 2], [1, 3]])
    }

    @Test(.timeLimit(.minutes(1))) func programsRunInParallelUnderJobs() async throws {
        defer { try? FileManager.default.removeItem(at: cacheFolder) }
        let book = try workbook(chapter((1...6).map { ("", "s\($0)") }), grouping: .isolated)
        var engine = FakeSnippetEngine()
        engine.gate = RunGate(.oneAtATimeWhenBusy(jobs: 2, runs: 6))
        let report = await executor(engine, jobs: 2).execute(book)
        #expect(report.errors.isEmpty)
        #expect(await engine.log.mostAtOnce == 2)
        #expect(await engine.log.programs.count == 6)
    }

    @Test func aFailingProgramLeavesTheOtherProgramsOutputsAndIsNotCached() async throws {
        defer { try? FileManager.default.removeItem(at: cacheFolder) }
        // The fake engine fails a program after its first snippet: the environment's second
        // snippet gets no output, the isolated snippets theirs.
        let book = try workbook(chapter([("", "a"), ("env=e", "b"), ("env=e", "c"), ("", "d")]), grouping: .isolated)
        var engine = FakeSnippetEngine()
        engine.failing = ["chapters/01-c.md"]
        let report = await executor(engine).execute(book)
        #expect(report.chapters[0].outputs == ["a\n", "b\n", nil, "d\n"])
        #expect(report.errors.count == 1)

        let again = FakeSnippetEngine()
        _ = await executor(again).execute(book)
        #expect(await again.log.programs == [[1, 2]])
    }

    @Test func anExpectedCompileErrorBecomesTheSnippetsOutputAndCompilingFineIsUnmet() async throws {
        let chapter = try SnippetExtractor().extract(path: "chapters/01-c.md", source: chapter([("", "a"), ("expect=error", "b")]))
        let program = SnippetProgram(snippetIndices: [0, 1], expected: .error)
        let line = chapter.snippets[1].codeFirstLine
        let failed = ChapterRun(printed: [:], errors: [WorkbookError(path: chapter.path, line: line, column: 3, message: "cannot find 'b' in scope", stage: "compile")])
        let executed = WorkbookExecutor.executedProgram(program, of: chapter, run: failed)
        #expect(executed.outputs == [nil, "chapters/01-c.md:\(line):3: error: cannot find 'b' in scope\n"])
        #expect(executed.errors.isEmpty && executed.unmetExpectations.isEmpty)

        let compiled = WorkbookExecutor.executedProgram(program, of: chapter, run: ChapterRun(printed: [0: "a", 1: "b"]))
        #expect(compiled.outputs == [nil, "b\n"])
        #expect(compiled.unmetExpectations[1]?.contains("it must fail to compile") == true)

        let earlier = WorkbookError(path: chapter.path, line: chapter.snippets[0].codeFirstLine, column: 1, message: "x", stage: "compile")
        let broken = WorkbookExecutor.executedProgram(program, of: chapter, run: ChapterRun(printed: [:], errors: [earlier]))
        #expect(broken.errors == [earlier])
        #expect(broken.outputs == [nil, nil])
    }

    @Test func anExpectedTrapBecomesTheSnippetsOutputAndNotTrappingIsUnmet() async throws {
        let chapter = try SnippetExtractor().extract(path: "chapters/01-c.md", source: chapter([("expect=crash", "t")]))
        let program = SnippetProgram(snippetIndices: [0], expected: .crash)
        var trapped = ChapterRun(printed: [:], errors: [WorkbookError(path: chapter.path, message: "crashed", stage: "run")])
        trapped.stoppedSnippet = StoppedSnippet(index: 0, printed: "before\n",
                                                standardError: "WorkbookChapter/01-c.md:4: Fatal error: boom\nCurrent stack trace:\n0 x\n",
                                                moduleName: "WorkbookChapter")
        let executed = WorkbookExecutor.executedProgram(program, of: chapter, run: trapped)
        #expect(executed.outputs == ["before\nchapters/01-c.md:4: Fatal error: boom\n"])
        #expect(executed.errors.isEmpty)

        let finished = WorkbookExecutor.executedProgram(program, of: chapter, run: ChapterRun(printed: [0: "fine\n"]))
        #expect(finished.outputs == ["fine\n"])
        #expect(finished.unmetExpectations[0]?.contains("it must trap") == true)
    }
}
