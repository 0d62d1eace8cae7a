import Testing
@testable import WorkbookKit

@Suite struct ClosingCommentsTests {
    @Test func theCommentsAfterTheLastCodeLineStateOneLineEach() throws {
        let code = """
            for index in 1...3 {
                print("\\(index) times 5 is \\(index * 5)")
            }
            // 1 times 5 is 5
            // 2 times 5 is 10
              // 3 times 5 is 15

            """
        let comments = try #require(ClosingComments(code: code))
        #expect(comments.text == "1 times 5 is 5\n2 times 5 is 10\n3 times 5 is 15\n")
        #expect(comments.lines.map(\.codeLine) == [3, 4, 5])
        #expect(comments.lines.map(\.column) == [1, 1, 3])
    }

    @Test func blankLinesAroundAndBetweenStateNothing() throws {
        let code = "print(1)\n\n// 1\n  \n// 2\n\n\t\n"
        let comments = try #require(ClosingComments(code: code))
        #expect(comments.text == "1\n2\n")
        #expect(comments.lines.map(\.codeLine) == [2, 4])
    }

    @Test(arguments: [
        ("print(1)\n//\n", [""]),
        ("print(1)\n//  indented\n", [" indented"]),
        ("print(1)\n//tight\n", ["tight"]),
        ("print(1)\n// trailing  \n", ["trailing  "]),
        ("print(1)\r\n// a\r\n// b\r\n", ["a", "b"]),
        ("print(1)\n// ...\n", ["..."]),
    ])
    func eachCommentStatesItsTextAfterOneSpace(code: String, lines: [String]) throws {
        #expect(try #require(ClosingComments(code: code)).lines.map(\.text) == lines)
    }

    @Test(arguments: [
        "// 1\nprint(1)\n",                      // a run that is not at the end
        "print(1) // 1\n",                       // after code on its line
        "print(1)\n/// 1\n",                     // a doc comment
        "print(1)\n// 1\n/// doc\n",             // a doc comment after the run
        "print(1)\n/* 1 */\n",                   // a block comment
        "print(1)\n/*\n// 1\n*/\n",              // inside a block comment
        "print(1)\n// 1\n/* end */\n",           // a block comment after the run
        "print(\"\"\"\n// 1\n\"\"\")\n",         // inside a multi-line string
        "print(1)\n\n",                          // no comment at all
        "",
    ])
    func codeThatDoesNotEndWithLineCommentsHasNone(code: String) {
        #expect(ClosingComments(code: code) == nil)
    }

    @Test func aDocCommentOrCodeAboveEndsTheRun() throws {
        let comments = try #require(ClosingComments(code: "print(1)\n/// doc\n// 1\n"))
        #expect(comments.lines.map(\.codeLine) == [2])
        let below = try #require(ClosingComments(code: "// note\nprint(1)\n// 1\n"))
        #expect(below.text == "1\n")
    }
}

@Suite struct ClosingCommentsCheckTests {
    let path = "chapters/01-x.md"

    func snippet(_ source: String) throws -> Snippet {
        let chapter = try SnippetExtractor().extract(path: path, source: source)
        return try #require(chapter.snippets.first)
    }

    @Test func matchingClosingCommentsPass() throws {
        let source = "# T\n\n```swift\nfor i in 1...2 {\n    print(i)\n}\n// 1\n// 2\n```\n"
        #expect(OutputComparison(prints: true).compare(try snippet(source), actual: "1\n2\n", path: path) == nil)
    }

    @Test func trailingBlankLinesDoNotMatter() throws {
        let source = "```swift\nprint(1)\n\n// 1\n\n\n```\n"
        #expect(OutputComparison(prints: true).compare(try snippet(source), actual: "1\n", path: path) == nil)
    }

    @Test func aMismatchIsReportedAtTheFirstClosingComment() throws {
        let source = "# T\n\n```swift\nprint(1)\nprint(2)\n\n    // 1\n    // 3\n```\n"
        let mismatch = try #require(OutputComparison(prints: true).compare(try snippet(source), actual: "1\n2\n", path: path))
        #expect(mismatch.line == 7)
        #expect(mismatch.column == 5)
        #expect(mismatch.description.hasPrefix(
            "chapters/01-x.md:7:5: the snippet's output differs from the output shown in its closing comments\n"))
        #expect(mismatch.diff.contains("--- closing comments\n+++ actual\n"), "\(mismatch.diff)")
        #expect(mismatch.diff.contains("-3\n+2\n"), "\(mismatch.diff)")
    }

    @Test func aMissingLineIsAMismatch() throws {
        let source = "```swift\nprint(1)\nprint(2)\n// 1\n```\n"
        let mismatch = try #require(OutputComparison(prints: true).compare(try snippet(source), actual: "1\n2\n", path: path))
        #expect(mismatch.line == 4 && mismatch.column == 1)
        #expect(mismatch.diff.contains("+2\n"))
    }

    @Test func ellipsesWorkInClosingComments() throws {
        let source = "```swift\nprint(\"start\")\nprint(Date())\nprint(\"end\")\n// start\n// ...\n// end\n```\n"
        #expect(OutputComparison(prints: true).compare(try snippet(source), actual: "start\n2026-12-01\n09:00\nend\n", path: path) == nil)
        let inside = "```swift\nprint(Date())\n// Today is ...\n```\n"
        #expect(OutputComparison(prints: true).compare(try snippet(inside), actual: "Today is Monday\n", path: path) == nil)
        #expect(OutputComparison(prints: true).compare(try snippet(inside), actual: "Tomorrow\n", path: path) != nil)
    }

    @Test func filtersApplyToBothSides() throws {
        let filter = try OutputFilter(pattern: "0x[0-9a-f]+", replacement: "0x…")
        let source = "```swift\nprint(address)\n// at 0x1f00\n```\n"
        let comparison = OutputComparison(matcher: OutputMatcher(filters: [filter]), prints: true)
        #expect(comparison.compare(try snippet(source), actual: "at 0xbeef\n", path: path) == nil)
    }

    @Test func aSnippetThatPrintsNothingKeepsThemAsComments() throws {
        let source = "```swift\nvar someInt = 3\nsomeInt *= 3\n// someInt is now 9\n```\n"
        #expect(OutputComparison(prints: true).compare(try snippet(source), actual: "", path: path) == nil)
    }

    @Test func withoutThePrintsSettingTheOutputMustBeRecorded() throws {
        let source = "```swift\nprint(1)\n// 1\n```\n"
        let mismatch = try #require(OutputComparison().compare(try snippet(source), actual: "1\n", path: path))
        #expect(mismatch.reason == "the snippet's output is not recorded")
    }

    @Test(arguments: [
        "```swift\n// 1\nprint(1)\n```\n",
        "```swift\nprint(1)\n/// 1\n```\n",
        "```swift\nprint(1)\n/* 1 */\n```\n",
        "```swift\nprint(1) // 1\n```\n",
    ])
    func withoutClosingCommentsTheOutputMustBeRecorded(source: String) throws {
        let mismatch = try #require(OutputComparison(prints: true).compare(try snippet(source), actual: "1\n", path: path))
        #expect(mismatch.reason == "the snippet's output is not recorded")
    }

    @Test func printsCommentsComeFirst() throws {
        let source = "```swift\nprint(1) // Prints 1\n// a note, not output\n```\n"
        #expect(OutputComparison(prints: true).compare(try snippet(source), actual: "1\n", path: path) == nil)
    }

    @Test func aRecordedOutputComesFirst() throws {
        let source = "```swift\nprint(1)\n// a note, not output\n```\n\n```output\n1\n```\n"
        #expect(OutputComparison(prints: true).compare(try snippet(source), actual: "1\n", path: path) == nil)
    }

    @Test func aFailingSnippetCountsAsMismatched() throws {
        let source = "```swift\nprint(2)\n// 1\n```\n"
        let chapter = try SnippetExtractor().extract(path: path, source: source)
        let report = OutputComparison(prints: true).compare([ExecutedChapter(chapter: chapter, outputs: ["2\n"], provenance: .ran, seconds: 0)])
        #expect(report.passed == 0 && report.failed == 1)
        #expect(report.mismatches.map(\.line) == [3])
    }
}

@Suite struct ClosingCommentsRewriterTests {
    let rewriter = ClosingCommentsRewriter()

    @Test func matchingCommentsAreLeftAlone() {
        let code = "print(1)\nprint(Date())\n// 1\n// ...\n"
        #expect(rewriter.rewrite(code: code, actual: "1\nnow\n") == code)
    }

    @Test func aChangedLineIsRewrittenInPlaceWithItsIndentation() {
        let code = "for i in 1...2 {\n    print(i * 5)\n}\n  // 5\n  // 11\n"
        #expect(rewriter.rewrite(code: code, actual: "5\n10\n") == "for i in 1...2 {\n    print(i * 5)\n}\n  // 5\n  // 10\n")
    }

    @Test(arguments: [
        ("show()\n// 1\n", "1\n2\n3\n"),                                // lines added
        ("show()\n// 1\n// 2\n// 3\n", "1\n3\n"),                        // a line removed
        ("greet()\n// prints \"hello\" and returns nothing\n", "hello\nhello\n"), // an explanation
    ])
    func aLineAddedOrRemovedIsNotRewritten(code: String, actual: String) {
        #expect(rewriter.rewrite(code: code, actual: actual) == nil)
    }

    @Test func blankLinesAndCodeAreKeptByteForByte() {
        let code = "let x = 2 // not output\nprint(x)\n\n// 1\n\n// 2\n\n"
        #expect(rewriter.rewrite(code: code, actual: "2\n2\n") == "let x = 2 // not output\nprint(x)\n\n// 2\n\n// 2\n\n")
    }

    @Test func linesAsManyAsTheCommentsArePairedInOrder() {
        #expect(rewriter.rewrite(code: "f()\n// 1\n// 2\n", actual: "2\n3\n") == "f()\n// 2\n// 3\n")
    }

    @Test func ellipsesThatStillMatchAreKept() {
        let code = "print(Date())\nprint(total)\n// Today is ...\n// 42\n"
        #expect(rewriter.rewrite(code: code, actual: "Today is Tuesday\n43\n") == "print(Date())\nprint(total)\n// Today is ...\n// 43\n")
    }

    @Test func anEmptyLineIsABareComment() {
        #expect(rewriter.rewrite(code: "f()\n// x\n// y\n", actual: "\n y\n") == "f()\n//\n//  y\n")
    }

    @Test func lineEndingsAreKept() {
        #expect(rewriter.rewrite(code: "f()\r\n// 1\r\n// 1\r\n", actual: "2\n3\n") == "f()\r\n// 2\r\n// 3\r\n")
        #expect(rewriter.rewrite(code: "f()\n// 1\n// 1", actual: "2\n3\n") == "f()\n// 2\n// 3")
    }

    @Test func withoutClosingCommentsThereIsNothingToRewrite() {
        #expect(rewriter.rewrite(code: "// 1\nf()\n", actual: "2\n") == nil)
    }

    @Test(arguments: [
        "Prints 3\n",          // would read as a `// Prints` comment
        "a\u{2028}b\n",        // a line break inside a line
    ])
    func anOutputTheCommentsCannotStateIsRefused(actual: String) {
        #expect(rewriter.rewrite(code: "f()\n// 1\n", actual: actual) == nil)
    }

    @Test(arguments: [
        ("f()\n// 1\n// 2\n// 3\n", "1\n5\n3\n"),
        ("f()\n// ...\n// end\n", "1\n2\nfin\n"),
        ("f()\n\n    // a\n\n    // b\n", "\n  \n"),
        ("f()\n// \"quoted\"\n// x\n", "/// slashes\n// two\n"),
    ])
    func theRewrittenCommentsMatch(code: String, actual: String) throws {
        let rewritten = try #require(rewriter.rewrite(code: code, actual: actual))
        let comments = try #require(ClosingComments(code: rewritten))
        #expect(OutputMatcher().matches(expected: comments.text, actual: actual), "\(rewritten)")
        #expect(rewritten.hasPrefix("f()\n"))
    }
}

@Suite struct ClosingCommentsPromotionTests {
    let documentation: DocumentationConfig = {
        var documentation = DocumentationConfig()
        documentation.prints = .check
        return documentation
    }()
    let path = "chapters/01-x.md"

    /// Promotes `source` once and twice, and checks the first result against `actual`.
    func promoted(_ source: String, actual: String) throws -> String {
        let promoter = Promoter(documentation: documentation)
        let once = promoter.promote(try SnippetExtractor().extract(path: path, source: source), outputs: [actual])
        let again = try SnippetExtractor().extract(path: path, source: once)
        #expect(promoter.promote(again, outputs: [actual]) == once, "a second promote changes the chapter")
        #expect(OutputComparison(prints: true).compare(again.snippets[0], actual: actual, path: path) == nil)
        return once
    }

    @Test func matchingCommentsWriteNothing() throws {
        let source = "# T\n\n```swift\nprint(1)\n// 1\n```\n\nMore.\n"
        #expect(try promoted(source, actual: "1\n") == source)
    }

    @Test func aChangedLineIsRewrittenInPlace() throws {
        let source = "# T\n\n```swift\nfor i in 1...3 { print(i * 5) }\n// 5\n    // 11\n// 15\n```\n\nMore.\n"
        #expect(try promoted(source, actual: "5\n10\n15\n")
            == "# T\n\n```swift\nfor i in 1...3 { print(i * 5) }\n// 5\n    // 10\n// 15\n```\n\nMore.\n")
    }

    @Test(arguments: [
        "```swift\nfor i in 1...3 { print(i) }\n// 1\n// 2\n```\n",
        "```swift\ngreet()\n// prints \"hello\" and returns nothing\n```\n",
    ])
    func moreOrFewerLinesAreRecordedAfterTheSnippet(source: String) throws {
        let actual = source.contains("greet") ? "hello\nhello\n" : "1\n2\n3\n"
        #expect(try promoted(source, actual: actual) == source + "\n```output\n" + actual + "```\n")
    }

    @Test func anOutputTheCommentsCannotStateIsRecorded() throws {
        let source = "```swift\nprint(\"Prints 3\")\n// 3\n```\n"
        #expect(try promoted(source, actual: "Prints 3\n") == source + "\n```output\nPrints 3\n```\n")
    }

    @Test func aSnippetThatPrintsNothingIsLeftAlone() throws {
        let source = "```swift\nvar someInt = 3\n// someInt is now 9\n```\n"
        #expect(try promoted(source, actual: "") == source)
    }

    @Test func withoutThePrintsSettingTheOutputIsRecorded() throws {
        let source = "```swift\nprint(2)\n// 1\n```\n"
        let chapter = try SnippetExtractor().extract(path: path, source: source)
        #expect(Promoter().promote(chapter, outputs: ["2\n"]) == source + "\n```output\n2\n```\n")
    }
}

@Suite struct ClosingCommentsRewriterPropertyTests {
    /// SplitMix64: the same cases on every run.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces = ["1", "2", "", " x", "...", "a ... b", "Prints 1", "  Prints\t2", "//", "/// doc", "\"q\"", "a\u{2028}b", "tail  "]

    /// Whether `line` cannot be a closing comment's line: it would read as a `// Prints`
    /// comment, or it holds a line break.
    static func unstatable(_ line: String) -> Bool {
        let text = line.drop { $0 == " " || $0 == "\t" }
        return text.hasPrefix("Prints ") || text.hasPrefix("Prints\t") || line.contains(where: \.isNewline)
    }

    @Test func rewrittenCommentsMatchKeepTheCodeAndAreAFixedPoint() throws {
        var generator = Generator(state: 2026)
        let rewriter = ClosingCommentsRewriter()
        for _ in 0..<400 {
            var code = "let x = 1 // code\nprint(x)\n"
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                if Bool.random(using: &generator) { code += "\n" }
                let piece = Self.pieces.filter { !Self.unstatable($0) }.randomElement(using: &generator)!
                code += "    " + ClosingComments.comment(stating: piece) + "\n"
            }
            let stated = try #require(ClosingComments(code: code)).lines
            let count = Bool.random(using: &generator) ? stated.count : Int.random(in: 1...5, using: &generator)
            let lines = (0..<count).map { _ in Self.pieces.randomElement(using: &generator)! }
            let actual = OutputLines.join(lines)
            guard let rewritten = rewriter.rewrite(code: code, actual: actual) else {
                let mayRefuse = lines.contains(where: Self.unstatable) || lines.count != stated.count
                    || stated.contains { $0.text.contains("...") }
                #expect(mayRefuse, "\(code) refused \(actual)")
                continue
            }
            #expect(rewritten.hasPrefix("let x = 1 // code\nprint(x)\n"))
            let comments = try #require(ClosingComments(code: rewritten))
            #expect(OutputMatcher().matches(expected: comments.text, actual: actual), "\(rewritten)")
            #expect(PrintsExpectation(code: rewritten).isEmpty)
            #expect(rewriter.rewrite(code: rewritten, actual: actual) == rewritten)
        }
    }
}

extension ClosingCommentsTests {
    @Test func theCommentsUnderEachLoopTogetherMayStateTheOutput() throws {
        let code = "// Names:\nfor name in [\"Anna\", \"Alex\"] { print(name) }\n// Anna\n// Alex\nfor n in 1...2 { print(n, terminator: \" \\n\") }\n// 1\n// 2\n"
        #expect(ClosingComments.everyRunAfterCode(code) == "Anna\nAlex\n1\n2\n")
        let chapter = try SnippetExtractor().extract(path: "x.md", source: "```swift\n" + code + "```\n")
        let snippet = chapter.snippets[0]
        let check = ClosingCommentsCheck()
        let comments = try #require(ClosingComments(code: code))
        #expect(check.compare(snippet, comments: comments, actual: "Anna\nAlex\n1 \n2 \n", path: "x.md") == nil)
        #expect(check.compare(snippet, comments: comments, actual: "Anna\nAlex\n1\n3\n", path: "x.md") != nil)
        #expect(ClosingComments.everyRunAfterCode("print(1)\n") == nil)
    }
}
