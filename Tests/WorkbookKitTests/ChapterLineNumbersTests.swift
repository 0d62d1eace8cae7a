import Testing
@testable import WorkbookKit

@Suite struct ChapterLineNumbersTests {
    let path = "chapters/01-x.md"

    @Test func onlyTheChaptersOwnLocationsAtTheStartOfALineAreMapped() {
        let text = "chapters/01-x.md:5:3: error: a\nchapters/02-y.md:5:3: error: b\nsee chapters/01-x.md:5:3\nchapters/01-x.md:7: Fatal error: c\nchapters/01-x.md:x: d\n"
        #expect(ChapterLineNumbers.mapped(text, path: path) { $0 + 10 }
            == "chapters/01-x.md:15:3: error: a\nchapters/02-y.md:5:3: error: b\nsee chapters/01-x.md:5:3\nchapters/01-x.md:17: Fatal error: c\nchapters/01-x.md:x: d\n")
        #expect(ChapterLineNumbers.first(text, path: path) == 5)
        #expect(ChapterLineNumbers.first("no location\n", path: path) == nil)
    }

    @Test func aRecordedOutputMovesByTheOffsetOfItsFirstLocation() {
        let recorded = "chapters/01-x.md:5:3: error: a\nchapters/01-x.md:6:1: error: b\n"
        #expect(ChapterLineNumbers.moved(recorded, toMatch: "chapters/01-x.md:9:3: error: a\n", path: path)
            == "chapters/01-x.md:9:3: error: a\nchapters/01-x.md:10:1: error: b\n")
        #expect(ChapterLineNumbers.moved(recorded, toMatch: "chapters/01-x.md:5:3: error: a\n", path: path) == nil)
    }

    func snippet(_ source: String) throws -> Snippet {
        try #require(try SnippetExtractor().extract(path: path, source: source).snippets.last)
    }

    @Test func checkAcceptsAnExpectedErrorWhoseSnippetMoved() throws {
        let source = "# T\n\nNew prose.\n\n```swift expect=error\nlet a: Int = \"x\"\n```\n\n```output\nchapters/01-x.md:4:14: error: cannot convert\n```\n"
        let snippet = try snippet(source)
        let comparison = OutputComparison()
        #expect(comparison.compare(snippet, actual: "chapters/01-x.md:6:14: error: cannot convert\n", path: path) == nil)
        // Another column, another message, or lines that moved apart still differ.
        #expect(comparison.compare(snippet, actual: "chapters/01-x.md:6:15: error: cannot convert\n", path: path) != nil)
        #expect(comparison.compare(snippet, actual: "chapters/01-x.md:6:14: error: cannot convert\nchapters/01-x.md:9:1: error: more\n", path: path) != nil)
    }

    @Test func aPlainSnippetsOutputIsComparedAsWritten() throws {
        let source = "```swift\nprint(\"chapters/01-x.md:4:1: hi\")\n```\n\n```output\nchapters/01-x.md:3:1: hi\n```\n"
        #expect(OutputComparison().compare(try snippet(source), actual: "chapters/01-x.md:4:1: hi\n", path: path) != nil)
    }

    @Test func promoteWritesDiagnosticsAtTheLinesOfTheTextItWrites() throws {
        let source = "# T\n\n```swift\nprint(1)\n```\n\n```swift expect=error\nlet a: Int = \"x\"\n```\n"
        let chapter = try SnippetExtractor().extract(path: path, source: source)
        let promoted = Promoter().promote(chapter, outputs: ["1\n", "chapters/01-x.md:8:14: error: cannot convert\n"])
        #expect(promoted == "# T\n\n```swift\nprint(1)\n```\n\n```output\n1\n```\n\n```swift expect=error\nlet a: Int = \"x\"\n```\n\n```output\nchapters/01-x.md:12:14: error: cannot convert\n```\n")
        let again = try SnippetExtractor().extract(path: path, source: promoted)
        #expect(Promoter().promote(again, outputs: ["1\n", "chapters/01-x.md:12:14: error: cannot convert\n"]) == promoted)
    }

    @Test func lineShiftCountsTheLinesEditsAddBeforeALine() {
        let shift = Promoter.lineShift(of: [(range: 2..<2, text: "\na\nb\n"), (range: 5..<7, text: "x\n")])
        #expect(shift(1) == 0)
        #expect(shift(2) == 0)
        #expect(shift(3) == 3)
        #expect(shift(7) == 3)
        #expect(shift(8) == 2)
    }
}
