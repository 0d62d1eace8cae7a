import Testing
@testable import WorkbookKit
@testable import WorkbookSwiftEngine

/// Doc comments as Swift reads them: `///` runs and `/** */` blocks, with their text's
/// source lines and columns.
@Suite struct DocCommentScannerTests {
    @Test func aLineCommentRunIsOneCommentWithoutItsCommonIndentation() {
        let source = "struct A {\n    /// Sums.\n    ///\n    ///     let x = 1\n    func f() {}\n}\n"
        let comments = DocCommentScanner.comments(in: source)
        #expect(comments.count == 1)
        #expect(comments[0].lines.map(\.text) == ["Sums.", "", "    let x = 1"])
        #expect(comments[0].lines.map(\.line) == [1, 2, 3])
        // "    /// " is 8 characters: the text starts at the 9th column.
        #expect(comments[0].lines[2].column == 8)
    }

    @Test func aBlankLineOrAPlainCommentEndsARun() {
        let source = "/// One.\n\n/// Two.\n// plain\n/// Three.\nlet x = 1\n"
        #expect(DocCommentScanner.comments(in: source).map { $0.lines.map(\.text) } == [["One."], ["Two."], ["Three."]])
    }

    @Test func aBlockCommentLosesItsMarkersAndDecoration() {
        let source = "/**\n * Sums.\n *\n *     let x = 1\n */\nfunc f() {}\n"
        let comment = DocCommentScanner.comments(in: source)[0]
        #expect(comment.lines.map(\.text) == ["Sums.", "", "    let x = 1"])
        #expect(comment.lines[2].line == 3)
        #expect(comment.lines[2].column == 3)
    }

    @Test func textInAStringIsNoComment() {
        #expect(DocCommentScanner.comments(in: "let s = \"/// not a comment\"\n").isEmpty)
    }
}

/// Code blocks of a doc comment as CommonMark reads them.
@Suite struct DocCommentCodeBlocksTests {
    func comment(_ texts: [String]) -> DocComment {
        DocComment(lines: texts.enumerated().map { DocCommentLine(line: $0.offset, column: 4, text: $0.element) })
    }

    @Test func fencedAndIndentedBlocksAreFound() {
        let examples = DocCommentCodeBlocks.examples(in: comment([
            "Text.", "", "```swift", "let a = 1", "```", "", "    let b = 2", "    print(b)", "", "More.",
        ]))
        #expect(examples.count == 2)
        #expect(examples[0].info == "swift" && examples[0].lines.map(\.text) == ["let a = 1"])
        #expect(examples[1].fence == nil && examples[1].lines.map(\.text) == ["let b = 2", "print(b)"])
        #expect(examples[1].lines[0].column == 8)
    }

    @Test func anIndentedLineContinuingAParagraphIsText() {
        #expect(DocCommentCodeBlocks.examples(in: comment(["Text that", "    goes on."])).isEmpty)
    }

    @Test func inAListItemCodeIsIndentedFourMoreThanItsText() {
        let examples = DocCommentCodeBlocks.examples(in: comment([
            "- Parameter x: the value,", "  more text.", "", "  Still the item.", "", "      let inside = 1",
        ]))
        #expect(examples.map { $0.lines.map(\.text) } == [["let inside = 1"]])
    }

    @Test func shellAndJSONAreNotSwift() {
        let examples = DocCommentCodeBlocks.examples(in: comment([
            "```sh", "swift build", "```", "", "```", "let a = 1", "```", "", "    $ swift run", "",
            "```json", "{\"a\": 1}", "```",
        ]))
        #expect(examples.map(\.isSwift) == [false, true, false, false])
    }

    @Test func anIndentedDrawingIsNotSwift() {
        let examples = DocCommentCodeBlocks.examples(in: comment([
            "    ┌───┬───┐", "    │ 0 │ 1 │→ free", "    └───┴───┘", "", "Text.", "", "    let arrow = \"→\"  // ←",
        ]))
        #expect(examples.map(\.isSwift) == [false, true])
        #expect(DocCommentExample.isDiagram("  subtreeCount\n0x0000000FFFFFFF00\n  ^^^^^^^   ^^\n  count   depth\n"))
        #expect(DocCommentExample.isDiagram("63        6 5     0\n"))
        #expect(!DocCommentExample.isDiagram("1 + 2\nlet x = a ^ b\n"))
    }
}

/// The chapter a source file's examples become.
@Suite struct DocCommentChapterTests {
    @Test func examplesKeepTheirSourceLinesAndColumnsAndEachCommentIsAProgram() throws {
        let source = """
            /// Adds.
            ///
            ///     var total = 1
            ///
            /// Then:
            ///
            /// ```swift
            /// total += 1
            /// print(total)  // Prints "2"
            /// ```
            func add() {}

            /// Other.
            ///
            ///     print(3)

            """
        let chapter = try #require(try DocCommentChapter.chapter(path: "Sources/A/A.swift", source: source, modules: ["A"]))
        #expect(chapter.path == "Sources/A/A.swift" && chapter.isSourceFile && chapter.imports == ["A"])
        let snippets = chapter.snippets
        #expect(snippets.count == 3)
        #expect(snippets.map(\.codeFirstLine) == [3, 8, 15])
        #expect(snippets[0].code == "        var total = 1\n")
        #expect(snippets[1].code == "    total += 1\n    print(total)  // Prints \"2\"\n")
        #expect(snippets.map(\.nested) == [true, true, true])
        let environments = snippets.map(\.options.documentation.environment)
        #expect(environments[0] == environments[1] && environments[1] != environments[2])
        #expect(ProgramPlan(chapter: chapter, grouping: .notebook).programs.count == 2)
    }

    @Test func aFileWithoutSwiftExamplesHasNoChapter() throws {
        #expect(try DocCommentChapter.chapter(path: "A.swift", source: "/// ```sh\n/// ls\n/// ```\nfunc f() {}\n", modules: []) == nil)
    }

    @Test func aFencedExampleKeepsItsOptions() throws {
        let source = "/// ```swift expect=crash\n/// fatalError()\n/// ```\nfunc f() {}\n"
        let chapter = try #require(try DocCommentChapter.chapter(path: "A.swift", source: source, modules: []))
        #expect(chapter.snippets[0].options.documentation.expect == .crash)
    }
}
