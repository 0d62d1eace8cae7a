import Testing
@testable import WorkbookKit

@Suite struct SnippetExtractorTests {
    func extract(_ source: String) throws -> Chapter {
        try SnippetExtractor().extract(path: "chapters/01-x.md", source: source)
    }

    @Test(arguments: [
        ("swift", SnippetOptions()),
        ("swift hide", SnippetOptions(hide: true)),
        ("swift norun", SnippetOptions(norun: true)),
        ("swift output=text", SnippetOptions(output: .text)),
        ("swift output=markdown", SnippetOptions(output: .markdown)),
        ("swift   hide output=html", SnippetOptions(hide: true, output: .html)),
        ("swift output=none", SnippetOptions(output: OutputKind.none)),
    ])
    func options(info: String, expected: SnippetOptions) throws {
        let chapter = try extract("```\(info)\nprint(1)\n```\n")
        #expect(chapter.snippets.map(\.options) == [expected])
    }

    @Test(arguments: [
        ("```swift shout\n", 1, 10, "unknown snippet option 'shout'"),
        ("text\n\n```swift hide output=pdf\n", 3, 15, "unknown output kind 'pdf'"),
        ("```swift hide norun\n", 1, 4, "cannot be both 'hide' and 'norun'"),
    ])
    func unknownOptionsAreErrorsAtTheirColumn(fence: String, line: Int, column: Int, message: String) {
        #expect {
            try extract(fence + "x\n```\n")
        } throws: { error in
            guard let error = (error as? WorkbookErrors)?.errors.first else { return false }
            return error.line == line && error.column == column && error.message.contains(message)
                && error.description.hasPrefix("chapters/01-x.md:\(line):\(column): error: ")
        }
    }

    @Test func everyErrorIsReported() throws {
        let source = "```swift bad\n```\n\n```swift worse\n```\n"
        let errors = try #require(throws: WorkbookErrors.self) { try extract(source) }
        #expect(errors.errors.map(\.line) == [1, 4])
    }

    @Test func fencedOutputIsRecordedAfterBlankLines() throws {
        let chapter = try extract("# T\n\n```swift\nprint(1)\n```\n\n\n```output\n1\n```\nafter\n")
        let snippet = try #require(chapter.snippets.first)
        #expect(snippet.fenceLine == 3)
        #expect(snippet.codeFirstLine == 4)
        #expect(snippet.recorded == RecordedOutput(text: "1\n", style: .fenced, lineRange: 7..<10))
        #expect(chapter.blocks.count == 3)
    }

    @Test func markerOutputIsRecorded() throws {
        let chapter = try extract("```swift output=html\nprint(\"<b>\")\n```\n<!-- output -->\n<b>\n<!-- /output -->\n")
        #expect(chapter.snippets.first?.recorded == RecordedOutput(text: "<b>\n", style: .markers, lineRange: 3..<6))
    }

    @Test func snippetWithoutOutputHasNoRecording() throws {
        let chapter = try extract("```swift\nlet x = 1\n```\n\nProse.\n")
        #expect(chapter.snippets.first?.recorded == nil)
    }

    @Test func crlfLinesKeepTheirTerminators() throws {
        let source = "# T\r\n\r\n```swift\r\nprint(1)\r\n```\r\n\r\n```output\r\n1\r\n```\r\n"
        let chapter = try extract(source)
        let snippet = try #require(chapter.snippets.first)
        #expect(snippet.code == "print(1)\r\n")
        #expect(snippet.recorded?.text == "1\r\n")
        #expect(snippet.recorded?.lineRange == 6..<9)
    }

    @Test func strayOutputIsAnError() {
        #expect(throws: WorkbookErrors.self) { try extract("text\n\n```output\n1\n```\n") }
    }

    @Test func unclosedMarkersAreAnError() {
        #expect(throws: WorkbookErrors.self) { try extract("```swift\nprint(1)\n```\n<!-- output -->\n1\n") }
    }
}

@Suite struct NestedAndLineEndingTests {
    func errors(_ source: String) -> [WorkbookError] {
        do {
            _ = try SnippetExtractor().extract(path: "c.md", source: source)
            return []
        } catch {
            return error.errors
        }
    }

    @Test(arguments: [
        ("> ```swift\n> print(1)\n> ```\n", 1, "print(1)\n"),
        ("Text\n\n- item\n\n  ```swift\n  print(2)\n  ```\n", 5, "print(2)\n"),
        ("1. ```swift\n   print(3)\n   ```\n", 1, "print(3)\n"),
        ("- a\n\n      ```swift\n      print(4)\n      ```\n", 3, "print(4)\n"),
        ("> Note:\n>\n> ```swift norun\n> let a = 1\n>\n> print(a) // Prints \"1\"\n> ```\n>\n> More.\n", 3,
         "let a = 1\n\nprint(a) // Prints \"1\"\n"),
    ])
    func aSwiftFenceInAQuoteOrListIsANestedSnippetThatStaysInTheProse(source: String, line: Int, code: String) throws {
        let chapter = try SnippetExtractor().extract(path: "x.md", source: source)
        let snippet = try #require(chapter.snippets.first)
        #expect(snippet.nested)
        #expect(snippet.fenceLine == line)
        #expect(snippet.code == code)
        #expect(snippet.recorded == nil)
        // The quote or list stays whole in the prose, so the page shows it as written.
        let prose = chapter.blocks.compactMap { if case .prose(let prose) = $0 { prose.text } else { nil } }.joined()
        #expect(prose.contains(String(source.split(separator: "\n")[line - 1])))
    }

    @Test(arguments: [
        "# Title\n\n```swift\nprint(1)\n```\n\n- a list\n- after\n\nText.\n",
        "````markdown\n> ```swift\n> print(1)\n> ```\n````\n",
        "- item\n\nPlain paragraph.\n\n```swift\nprint(1)\n```\n",
        "> a quote\n\n```swift\nprint(1)\n```\n",
    ])
    func topLevelSnippetsAndQuotedExamplesInsideOtherFencesAreFine(source: String) {
        #expect(errors(source).isEmpty)
    }

    @Test func carriageReturnOnlyLineEndingsAreLineEndings() throws {
        let chapter = try SnippetExtractor().extract(path: "c.md", source: "# T\r\r```swift\rprint(1)\r```\r")
        #expect(chapter.snippets.count == 1)
        #expect(chapter.snippets.first?.code == "print(1)\r")
        let promoted = Promoter().promote(chapter, outputs: ["1\n"])
        #expect(promoted == "# T\r\r```swift\rprint(1)\r```\r\r```output\r1\r```\r")
        let again = try SnippetExtractor().extract(path: "c.md", source: promoted)
        #expect(OutputComparison.withoutCarriageReturns(again.snippets.first?.recorded?.text ?? "") == "1\n")
    }

    @Test func aBareSourceLocationIsAnErrorAtItsLine() {
        let found = errors("# T\n\n```swift\nlet a = 1\n  #sourceLocation()\n```\n")
        #expect(found.first?.line == 5)
        #expect(found.first?.column == 3)
    }
}

extension SnippetExtractorTests {
    @Test func aFenceInsideAnHTMLCommentIsNotCode() throws {
        let source = "# T\n\n<!--\n  - test: `x`\n\n  ```swift\n  -> let x = 1\n  ```\n-->\n\n```swift\nprint(2)\n```\n\n<!-- a one-line comment -->\n"
        let chapter = try SnippetExtractor().extract(path: "x.md", source: source)
        #expect(chapter.snippets.map(\.code) == ["print(2)\n"])
        #expect(chapter.snippets.first?.fenceLine == 11)
    }
}
