import Testing
@testable import WorkbookKit

@Suite struct OutputComparisonTests {
    func report(_ source: String, _ outputs: [String?]) throws -> ComparisonReport {
        let chapter = try SnippetExtractor().extract(path: "chapters/01-x.md", source: source)
        return OutputComparison().compare([ExecutedChapter(chapter: chapter, outputs: outputs, provenance: .ran, seconds: 0)])
    }

    @Test func matchingOutputPasses() throws {
        let result = try report("```swift\nprint(1)\n```\n\n```output\n1\n```\n", ["1\n"])
        #expect(result.summary == "1 passed, 0 failed")
    }

    @Test func differingOutputFailsWithADiffHeadedByTheSnippetLine() throws {
        let result = try report("text\n```swift\nprint(2)\n```\n\n```output\n1\n```\n", ["2\n"])
        #expect(result.summary == "0 passed, 1 failed")
        let mismatch = try #require(result.mismatches.first)
        #expect(mismatch.description.hasPrefix("chapters/01-x.md:2: "))
        #expect(mismatch.diff.contains("-1\n+2\n"))
    }

    @Test(arguments: [
        ("```swift\nprint(1)\n```\n", ["1\n"] as [String?]),
        ("```swift\nlet x = 1\n```\n\n```output\n1\n```\n", [""]),
        ("```swift output=none\nprint(1)\n```\n\n```output\n1\n```\n", [""]),
        ("```swift output=html\nprint(1)\n```\n\n```output\n1\n```\n", ["1\n"]),
        ("```swift\nprint(1)\n```\n", [nil]),
    ])
    func mismatches(source: String, outputs: [String?]) throws {
        #expect(try report(source, outputs).failed == 1)
    }

    @Test func norunSnippetsAreNotCounted() throws {
        #expect(try report("```swift norun\nprint(1)\n```\n", [nil]).summary
            == "0 passed, 0 failed: nothing ran (the only snippet is 'norun', in 1 chapter)")
    }

    @Test func crlfRecordingMatches() throws {
        #expect(try report("```swift\r\nprint(1)\r\n```\r\n\r\n```output\r\n1\r\n```\r\n", ["1\n"]).failed == 0)
    }
}
