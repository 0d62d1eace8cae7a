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

@Suite struct OutputComparisonMatcherTests {
    func report(_ source: String, _ outputs: [String?], matcher: OutputMatcher = OutputMatcher()) throws -> ComparisonReport {
        let chapter = try SnippetExtractor().extract(path: "chapters/01-x.md", source: source)
        return OutputComparison(matcher: matcher).compare([ExecutedChapter(chapter: chapter, outputs: outputs, provenance: .ran, seconds: 0)])
    }

    @Test func aRecordedEllipsisMatchesVaryingText() throws {
        let source = "```swift\nprint(Date())\n```\n\n```output\nnow: ...\n```\n"
        #expect(try report(source, ["now: 2026-12-01\n"]).summary == "1 passed, 0 failed")
        #expect(try report(source, ["later: 2026-12-01\n"]).summary == "0 passed, 1 failed")
    }

    @Test func filtersApplyBeforeComparing() throws {
        let source = "```swift\nprint(x)\n```\n\n```output\nat 0x1\n```\n"
        let matcher = OutputMatcher(filters: [try OutputFilter(pattern: "0x[0-9a-f]+", replacement: "0x…")])
        #expect(try report(source, ["at 0xbeef\n"], matcher: matcher).summary == "1 passed, 0 failed")
        #expect(try report(source, ["at 0xbeef\n"]).summary == "0 passed, 1 failed")
    }
}
