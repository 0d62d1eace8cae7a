import Foundation
import Testing
@testable import WorkbookKit

/// A snippet that did not fail as its `expect=` says is a mismatch for `check`, and `promote`
/// records nothing while one is left.
@Suite struct UnmetExpectationTests {
    let source = "# X\n\n```swift expect=error\nlet a: Int = 1\n```\n\n```output\nchapters/01-x.md:4:14: error: old\n```\n"

    func executed() throws -> ExecutedChapter {
        let chapter = try SnippetExtractor().extract(path: "chapters/01-x.md", source: source)
        var executed = ExecutedChapter(chapter: chapter, outputs: [""], provenance: .ran, seconds: 0)
        executed.unmetExpectations[0] = "the snippet compiled, but it is 'expect=error': it must fail to compile"
        return executed
    }

    @Test func checkReportsItAtTheSnippetWithADiff() throws {
        let report = OutputComparison().compare([try executed()])
        #expect(report.failed == 1 && report.passed == 0)
        let mismatch = try #require(report.mismatches.first)
        #expect(mismatch.line == 3)
        #expect(mismatch.reason.contains("it must fail to compile"))
        #expect(mismatch.diff.contains("-chapters/01-x.md:4:14: error: old"))
    }

    @Test func promoteLeavesTheChapterUntouchedAndSaysWhy() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("unmet-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("chapters"), withIntermediateDirectories: true)
        try source.write(to: root.appendingPathComponent("chapters/01-x.md"), atomically: true, encoding: .utf8)
        let report = ExecutionReport(chapters: [try executed()], errors: [])
        let result = try Promoter().promote(report, root: root)
        #expect(result.written.isEmpty)
        #expect(result.skipped.map(\.path) == ["chapters/01-x.md"])
        #expect(result.skipped.first?.reason == "a snippet did not fail as its 'expect=' says")
        #expect(result.skipped.first?.errors.first?.description
            == "chapters/01-x.md:3: error: the snippet compiled, but it is 'expect=error': it must fail to compile")
        #expect(try String(contentsOf: root.appendingPathComponent("chapters/01-x.md"), encoding: .utf8) == source)
    }
}
