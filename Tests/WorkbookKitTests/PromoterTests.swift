import Testing
@testable import WorkbookKit

@Suite struct PromoterTests {
    func chapter(_ source: String) throws -> Chapter {
        try SnippetExtractor().extract(path: "chapters/01-x.md", source: source)
    }

    func promote(_ source: String, _ outputs: [String?]) throws -> String {
        Promoter().promote(try chapter(source), outputs: outputs)
    }

    @Test func insertsOneBlankLineThenTheBlock() throws {
        let result = try promote("# T\n```swift\nprint(1)\n```\nProse.\n", ["1\n"])
        #expect(result == "# T\n```swift\nprint(1)\n```\n\n```output\n1\n```\nProse.\n")
    }

    @Test func replacingKeepsTheExistingGap() throws {
        let source = "```swift\nprint(2)\n```\n\n\n```output\n1\n```\ntail\n"
        #expect(try promote(source, ["2\n"]) == "```swift\nprint(2)\n```\n\n\n```output\n2\n```\ntail\n")
    }

    @Test func removingTakesTheGapToo() throws {
        let source = "```swift\nlet x = 1\n```\n\n```output\n1\n```\n\nProse.\n"
        #expect(try promote(source, [""]) == "```swift\nlet x = 1\n```\n\nProse.\n")
    }

    @Test(arguments: [OutputKind.markdown, .html])
    func markupOutputsUseMarkers(kind: OutputKind) throws {
        let source = "```swift output=\(kind.rawValue)\nprint(1)\n```\n"
        #expect(try promote(source, ["| a |\n"]) == source + "\n<!-- output -->\n| a |\n<!-- /output -->\n")
    }

    @Test func wrongStyleIsReplaced() throws {
        let source = "```swift output=markdown\nprint(1)\n```\n\n```output\n*a*\n```\n"
        #expect(try promote(source, ["*a*\n"]) == "```swift output=markdown\nprint(1)\n```\n\n<!-- output -->\n*a*\n<!-- /output -->\n")
    }

    @Test func outputNoneRemovesARecording() throws {
        let source = "```swift output=none\nprint(1)\n```\n\n```output\n1\n```\n"
        #expect(try promote(source, [""]) == "```swift output=none\nprint(1)\n```\n")
    }

    @Test func fenceIsLongerThanAnyBacktickRun() throws {
        let result = try promote("```swift\nprint(x)\n```\n", ["a ```` b\n"])
        #expect(result.hasSuffix("\n`````output\na ```` b\n`````\n"))
    }

    @Test func norunSnippetsKeepWhatFollows() throws {
        let source = "```swift norun\nprint(1)\n```\n\n```output\nexample\n```\n"
        #expect(try promote(source, [nil]) == source)
    }

    @Test func everythingElseIsKeptByteForByte() throws {
        let source = "Intro  \t\n\n~~~python\nprint(1)\n~~~\n\n```swift\nprint(1)\n```\n\n```output\n1\n```\n<!-- note -->\n\n```swift\nprint(2)\n```\nEnd without newline"
        let result = try promote(source, ["1\n", "2\n"])
        #expect(result == source.replacingOccurrences(of: "print(2)\n```\n", with: "print(2)\n```\n\n```output\n2\n```\n"))
    }

    @Test func crlfFilesGetCRLFBlocks() throws {
        let source = "```swift\r\nprint(1)\r\n```\r\nnext\r\n"
        #expect(try promote(source, ["1\n"]) == "```swift\r\nprint(1)\r\n```\r\n\r\n```output\r\n1\r\n```\r\nnext\r\n")
    }

    @Test func snippetAtEndOfFileWithoutNewline() throws {
        #expect(try promote("```swift\nprint(1)\n```", ["1\n"]) == "```swift\nprint(1)\n```\n\n```output\n1\n```")
    }

    @Test(arguments: [
        ["1\n", "", "| a |\n|---|\n"],
        ["", "two\nlines\n", "<svg/>\n"],
        ["```\n", "x\n", ""],
        ["no newline at end\n", "\n", "\n\n"],
    ])
    func roundTripIsIdempotent(outputs: [String]) throws {
        let source = "# T\n\n```swift\nprint(1)\n```\n\nText\n\n```swift\nprint(2)\n```\n\n```output\nold\n```\n\n```swift output=html\nprint(3)\n```\n"
        let once = try promote(source, outputs)
        let promoted = try chapter(once)
        #expect(Promoter().promote(promoted, outputs: outputs) == once)
        let report = OutputComparison().compare([ExecutedChapter(chapter: promoted, outputs: outputs, provenance: .ran, seconds: 0)])
        #expect(report.failed == 0)
        #expect(report.passed == 3)
    }
}
