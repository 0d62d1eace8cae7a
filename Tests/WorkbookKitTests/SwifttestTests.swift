import Foundation
import Testing
@testable import WorkbookKit

/// `swifttest` blocks read from HTML comments, their programs, the drift of the listing above
/// them, and a DocC catalog's order and images.
@Suite struct SwifttestTests {
    static let chapter = """
        ```swift
        let total = add(
            1, 2)
        ```

        <!--
          - test: `adding`

          ```swifttest
          >> func add(_ a: Int, _ b: Int) -> Int { a + b }
          -> let total = add(
                 1, 2)
          /> total is \\(total)
          </ total is 3
          << 3
          <- done
          !$ warning: something
          !! let total = add(
          !!             ^
          // a comment
          xx trap
          ```
        -->

        """

    func extract(_ source: String, swifttests: Bool = true) throws -> Chapter {
        try SnippetExtractor(swifttests: swifttests).extract(path: "Book.docc/A.md", source: source)
    }

    @Test func everyMarkerIsReadWithItsLineAndContinuationsJoinTheirCode() throws {
        let chapter = try extract(Self.chapter)
        #expect(chapter.snippets.count == 2)
        let test = try #require(chapter.snippets[1].swifttest)
        #expect(test.testName == "adding")
        #expect(test.lines.map(\.marker) == [.hiddenCode, .shownCode, .shownCode, .printedText, .printedLine, .hiddenOutput,
                                             .shownOutput, .diagnostic, .diagnosticSource, .diagnosticSource, .comment, .trap])
        #expect(test.lines.map(\.line) == [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21])
        #expect(test.lines[2].continuation && test.lines[2].text == "    1, 2)")
        #expect(test.expectedOutput.map(\.text) == ["total is 3", "3", "done"])
        #expect(test.shownCode == ["let total = add(", "    1, 2)"])
        #expect(test.expected == .crash)
        #expect(test.expectedDiagnostics.map(\.text) == ["warning: something"])
    }

    @Test func theProgramKeepsTheChaptersLinesAndColumns() throws {
        let snippet = try extract(Self.chapter).snippets[1]
        let lines = snippet.code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(snippet.codeFirstLine == 10)
        #expect(lines[0] == "     func add(_ a: Int, _ b: Int) -> Int { a + b }")
        #expect(lines[1] == "     let total = add(")
        #expect(lines[2] == "         1, 2)")
        #expect(lines[3] == "     print(\"total is \\(total)\")")
        #expect(lines[4...].allSatisfy { $0.isEmpty })
        #expect(snippet.options.hide && snippet.options.documentation.environment == "swifttest-adding")
        #expect(snippet.options.documentation.expect == .crash)
    }

    @Test func theListingAboveIsTestedNotRunAndDriftIsFoundAtItsLine() throws {
        let listing = try extract(Self.chapter).snippets[0]
        #expect(listing.tested && listing.options.norun && listing.drift == nil)
        let drifted = try extract(Self.chapter.replacingOccurrences(of: "    1, 2)\n```", with: "    1, 3)\n```")).snippets[0]
        #expect(drifted.drift?.line == 3)
        #expect(drifted.drift?.diff.contains("-    1, 3)\n+    1, 2)") == true)
    }

    @Test func withoutTheSettingTheCommentIsProse() throws {
        let chapter = try extract(Self.chapter, swifttests: false)
        #expect(chapter.snippets.count == 1 && !chapter.snippets[0].tested)
    }

    @Test func blocksOfOneTestNameShareAProgram() throws {
        let source = """
            <!--
              - test: `a`

              ```swifttest
              -> let x = 1
              ```
            -->
            <!--
              - test: `b`

              ```swifttest
              -> let y = 1
              ```

              - test: `a`

              ```swifttest
              -> print(x)
              << 1
              ```
            -->

            """
        let plan = ProgramPlan(chapter: try extract(source), grouping: .notebook)
        #expect(plan.programs.map(\.snippetIndices) == [[0, 2], [1]])
    }

    @Test func catalogPagesFollowTheRootsTopicsThenTheirPaths() {
        let pages = ["Appendix.md", "Book.md", "Chapters/Basics.md", "Chapters/Errors.md", "Welcome.md"]
        let root = "# Book\n\n@Metadata {\n  @TechnologyRoot\n}\n\n## Topics\n\n### Part\n\n- <doc:Welcome>\n- <doc:Errors>\n- <doc:Basics>\n"
        let texts = ["", root, "", "", ""]
        #expect(DocCCatalog.ordered(pages, texts: texts) == ["Welcome.md", "Chapters/Errors.md", "Chapters/Basics.md", "Appendix.md"])
    }

    @Test func catalogImagesAreFoundByBareNameWithTheirDarkVariants() {
        let images = DocCCatalog.images(["Assets/UTF8@2x.png", "Assets/UTF8~dark@2x.png", "Assets/cover.jpg", "Other/plain.png", "Other/plain@2x.png"])
        #expect(images["UTF8"] == CatalogImage(light: "Assets/UTF8@2x.png", dark: "Assets/UTF8~dark@2x.png"))
        #expect(images["cover"] == CatalogImage(light: "Assets/cover.jpg"))
        #expect(images["plain"] == CatalogImage(light: "Other/plain@2x.png"))
    }
}

extension SwifttestTests {
    @Test func aBlockOfSeveralTestsRunsInEachOfTheirPrograms() throws {
        let source = """
            <!--
              - test: `a, b`, `c`

              ```swifttest
              -> let x = 1
              ```
            -->

            """
        let chapter = try extract(source)
        #expect(chapter.snippets.map { $0.swifttest?.testName } == ["a", "b", "c"])
        #expect(Set(chapter.snippets.map(\.fenceLine)) == [4])
    }
}

extension SwifttestTests {
    @Test func aWholeCompilerMessageUnderBangBangIsAnExpectedError() throws {
        let source = """
            <!--
              - test: `overflow`

              ```swifttest
              -> let tooBig: Int8 = Int8.max + 1
              !! /tmp/swifttest.swift:1:29: error: arithmetic operation '127 + 1' (on type 'Int8') results in an overflow
              !! let tooBig: Int8 = Int8.max + 1
              !!                    ~~~~~~~~ ^ ~
              ```
            -->

            """
        let test = try #require(try extract(source).snippets.first?.swifttest)
        #expect(test.expectedErrors.map(\.text) == ["error: arithmetic operation '127 + 1' (on type 'Int8') results in an overflow"])
        #expect(test.expected == .error)
    }
}

extension SwifttestTests {
    @Test func theDiagnosticGroupANewerCompilerNamesIsNotCompared() {
        #expect(SwifttestCheck.diagnosticText("A.md:3:5: error: overlapping accesses to 'x' [#ExclusivityViolation]")
                == "error: overlapping accesses to 'x'")
        #expect(SwifttestCheck.diagnosticText("A.md:3:5: error: subscript 'a[#b]'") == "error: subscript 'a[#b]'")
        #expect(SwifttestCheck.diagnosticText("A.md:3:5: warning: unused") == nil)
    }
}

extension SwifttestTests {
    @Test func spacesAtTheEndOfAPrintedLineAreNotCompared() throws {
        let source = """
            <!--
              - test: `spaces`

              ```swifttest
              -> print("a", terminator: " "); print("b ")
              << a b
              ```
            -->

            """
        let snippet = try #require(try extract(source).snippets.first)
        let block = try #require(snippet.swifttest)
        #expect(SwifttestCheck().compare(snippet, block: block, actual: "a b \n", path: "A.md") == nil)
        #expect(SwifttestCheck().compare(snippet, block: block, actual: "a  b\n", path: "A.md")?.line == 6)
    }
}

extension SwifttestTests {
    @Test func aBraceAfterAHiddenLineClosesTheShownLoop() throws {
        let source = """
            ```swift
            for tick in 0..<3 {
                // render the tick
            }
            ```

            <!--
              - test: `loop`

              ```swifttest
              -> for tick in 0..<3 {
                    // render the tick
              >>    print(tick)
                 }
              << 0
              << 1
              << 2
              ```
            -->

            """
        let chapter = try extract(source)
        #expect(chapter.snippets[1].swifttest?.shownCode == ["for tick in 0..<3 {", "   // render the tick", "}"])
        #expect(chapter.snippets[0].drift == nil)
    }
}

extension SwifttestTests {
    @Test func aLineAfterABalancedHiddenLineContinuesTheShownLoop() throws {
        let source = """
            ```swift
            while square < finalSquare {
                diceRoll += 1
                square += diceRoll
            }
            ```

            <!--
              - test: `dice`

              ```swifttest
              >> var square = 0, diceRoll = 0, finalSquare = 5
              -> while square < finalSquare {
                    diceRoll += 1
              >>    print("rolled \\(diceRoll) (\\"[\\")")
                    square += diceRoll
                 }
              << rolled 1 ("[")
              << rolled 2 ("[")
              << rolled 3 ("[")
              ```
            -->

            """
        let chapter = try extract(source)
        #expect(chapter.snippets[1].swifttest?.shownCode == ["while square < finalSquare {", "   diceRoll += 1", "   square += diceRoll", "}"])
        #expect(chapter.snippets[0].drift == nil)
    }

    @Test func aLineInsideAnOpenHiddenStatementIsHidden() throws {
        let source = """
            <!--
              - test: `open`

              ```swifttest
              >> let numbers = [
                    1, // ]
                    2,
                 ]
              -> print(numbers.count)
              << 2
              ```
            -->

            """
        let chapter = try extract(source)
        let block = try #require(chapter.snippets.first?.swifttest)
        #expect(block.shownCode == ["print(numbers.count)"])
    }

    @Test func bracketBalanceLeavesOutStringsAndComments() {
        var balance = BracketBalance()
        balance.scan(#"print("(", "\"{") // ["#)
        #expect(!balance.isOpen)
        balance.scan(#"let s = """"#)
        #expect(balance.isOpen)
        balance.scan(#"  ) ] } ""\""#)
        #expect(balance.isOpen)
        balance.scan(#"  """"#)
        #expect(!balance.isOpen)
        balance.scan("f(a, /* ) */ [")
        #expect(balance.depth == 2)
    }
}

extension SwifttestTests {
    @Test func aTestedListingIsNoSignatureAndAnUntestedOneStillIs() throws {
        let source = """
            ```swift
            protocol Shape {
                func area() -> Double
            }
            func draw(_ shape: some Shape)
            ```

            <!--
              - test: `shapes`

              ```swifttest
              -> protocol Shape {
                    func area() -> Double
                 }
              -> func draw(_ shape: some Shape)
              !$ error: expected '{' in body of function declaration
              ```
            -->

            ```swift
            func draw(_ shape: some Shape)
            ```

            """
        let chapter = try extract(source)
        #expect(chapter.snippets[0].tested)
        #expect(!chapter.snippets[0].options.signature)
        #expect(chapter.snippets[0].options.norun)
        #expect(chapter.snippets[2].options.signature)
    }
}
