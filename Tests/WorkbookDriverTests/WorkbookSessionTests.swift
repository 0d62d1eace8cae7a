import Foundation
import Synchronization
import Testing
import WorkbookDriver
import WorkbookKit

/// The driver's commands end to end in-process, over an engine that needs no compiler.
@Suite struct WorkbookSessionTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("session-\(UUID().uuidString)", isDirectory: true)

    func write(_ text: String, to path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func session() throws -> WorkbookSession {
        let inputs = WorkbookInputs(environment: [CacheFolder.environmentVariable: root.appendingPathComponent(".cache").path],
                                    defaultJobs: 2)
        var session = try WorkbookSession.load(root: root, inputs: inputs)
        session.engine = EchoEngine()
        return session
    }

    let unpromoted = "# One\n\n```swift\nhello\n```\n"
    let promoted = "# One\n\n```swift\nhello\n```\n\n```output\nhello\n```\n"

    @Test func loadReportsEveryConfigErrorAtItsLine() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write("title = 1\nnope = 2\n", to: "workbook.toml")
        try write(unpromoted, to: "chapters/01-one.md")
        #expect(throws: WorkbookErrors.self) { try session() }
    }

    @Test func checkComparesWithoutWriting() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write(unpromoted, to: "chapters/01-one.md")
        try write(promoted.replacingOccurrences(of: "One", with: "Two"), to: "chapters/02-two.md")
        let outcome = try await session().check(RunSettings())
        #expect(!outcome.succeeded)
        #expect(outcome.comparison.passed == 1)
        #expect(outcome.comparison.failed == 1)
        #expect(outcome.comparison.mismatches.map(\.path) == ["chapters/01-one.md"])
        #expect(try read("chapters/01-one.md") == unpromoted)
    }

    @Test func promoteWritesOnlyWhatChangesThenCheckPasses() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write(unpromoted, to: "chapters/01-one.md")
        try write(promoted.replacingOccurrences(of: "One", with: "Two"), to: "chapters/02-two.md")
        let first = try await session().promote(RunSettings())
        #expect(first.succeeded)
        #expect(first.written == ["chapters/01-one.md"])
        #expect(try read("chapters/01-one.md") == promoted)
        let second = try await session().promote(RunSettings())
        #expect(second.written.isEmpty)
        #expect(try await session().check(RunSettings()).succeeded)
    }

    @Test func promoteWritesTheChaptersThatRanAndLeavesAFailedOneUntouched() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write(unpromoted, to: "chapters/01-one.md")
        let failing = "# Two\n\n```swift\ncrash\n```\n"
        try write(failing, to: "chapters/02-two.md")
        let outcome = try await session().promote(RunSettings())
        #expect(!outcome.succeeded)
        #expect(outcome.written == ["chapters/01-one.md"])
        #expect(outcome.skipped.map(\.path) == ["chapters/02-two.md"])
        #expect(outcome.skipped.map(\.reason) == ["it crashed"])
        #expect(outcome.errors.contains { $0.path == "chapters/02-two.md" && $0.line == 4 })
        #expect(try read("chapters/01-one.md") == promoted)
        #expect(try read("chapters/02-two.md") == failing)
    }

    @Test func buildWritesTheSiteFromActualOutputs() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write("title = \"Notes\"\n", to: "workbook.toml")
        try write(unpromoted, to: "chapters/01-one.md")
        let progress = Progress()
        let outcome = try await session().build(BuildRequest(date: CalendarDay(year: 2026, month: 11, day: 21)),
                                                settings: RunSettings()) { progress.add($0.line) }
        #expect(outcome.errors == [])
        #expect(outcome.site?.pageCount == 2)
        #expect(outcome.folder == root.appendingPathComponent("site", isDirectory: true).standardizedFileURL)
        #expect(try read("site/01-one.html").contains("hello"))
        #expect(progress.lines == ["[1/1] chapters/01-one.md: compiled 0.00 s, ran 0.00 s"])
    }

    @Test func buildWritesNoSiteWhenAChapterFails() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write("# Two\n\n```swift\ncrash\n```\n", to: "chapters/01-two.md")
        let outcome = try await session().build(BuildRequest(), settings: RunSettings())
        #expect(outcome.site == nil)
        #expect(outcome.errors.map(\.message) == ["the program crashed"])
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("site").path))
    }

    @Test func previewRendersEveryPageInMemoryDespiteAFailedChapterAndCountsMismatches() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write(unpromoted, to: "chapters/01-one.md")
        try write("# Two\n\n```swift\ncrash\n```\n", to: "chapters/02-two.md")
        let outcome = try await session().preview(date: CalendarDay(year: 2026, month: 11, day: 21))
        #expect(outcome.errors.map(\.message) == ["the program crashed"])
        #expect(outcome.failedChapters == ["chapters/02-two.md"])
        #expect(outcome.mismatchCount == 1, "01-one prints hello, which is not recorded")
        let pages = Set((outcome.files ?? []).map(\.path).filter { $0.hasSuffix(".html") })
        #expect(pages == ["index.html", "01-one.html", "02-two.html"])
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("site").path), "preview writes no site")
    }
}

/// Progress lines collected from the callback.
final class Progress: Sendable {
    private let storage = Mutex<[String]>([])
    func add(_ line: String) { storage.withLock { $0.append(line) } }
    var lines: [String] { storage.withLock { $0 } }
}
