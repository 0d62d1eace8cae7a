import Testing
@testable import WorkbookKit

@Suite struct PrintsExpectationTests {
    @Test func quotedAndUnquotedCommentsGiveTheLines() {
        let code = """
            let greeting = "Hello"
            print(greeting)
            // Prints "Hello"
            print(1 + 2)  // Prints 3
            print("a\\tb")
            // Prints "a\\tb"
            print("x\\ny")
            // Prints "x\\ny"

            """
        let expectation = PrintsExpectation(code: code)
        #expect(expectation.problems == [])
        #expect(expectation.text == "Hello\n3\na\tb\nx\ny\n")
        #expect(expectation.comments.map(\.codeLine) == [2, 3, 5, 7])
        #expect(expectation.comments.map(\.column) == [1, 15, 1, 1])
        #expect(expectation.comments.map(\.trailing) == [false, true, false, false])
        #expect(expectation.comments.map(\.quoted) == [true, false, true, true])
    }

    @Test(arguments: [
        "let s = \"// Prints 1\"\n",
        "let s = \"\"\"\n// Prints 1\n\"\"\"\n",
        "let s = #\"a\" // Prints 1\"#\n",
        "let s = \"\\(f(\"// Prints 1\"))\"\n",
        "/* // Prints 1 */\n",
        "/* outer /* inner */ // Prints 1 */\n",
        "/// Prints 1\n",
        "// prints 1\n",
        "// Printsx\n",
        "// Prints:\n",
    ])
    func notPrintsComments(code: String) {
        #expect(PrintsExpectation(code: code).isEmpty)
    }

    @Test func anInterpolationInAPrintsTextIsReadVerbatim() {
        // Apple's raw strings print `\(…)` as written: `print(#"… \(multiplier)."#)`.
        let expectation = PrintsExpectation(code: "// Prints \"Write a string using \\(multiplier).\"\n")
        #expect(expectation.problems.isEmpty)
        #expect(expectation.text == "Write a string using \\(multiplier).\n")
        #expect(expectation.comments.first?.verbatim == true)
    }

    @Test func aCommentAfterAStringWithInterpolationIsFound() {
        let expectation = PrintsExpectation(code: "print(\"v = \\(f(\"x\"))\") // Prints \"v = 1\"\n")
        #expect(expectation.text == "v = 1\n")
    }

    @Test(arguments: [
        ("// Prints \n", "has no text"),
        ("// Prints \"open\n", "does not end with one"),
        ("// Prints \"open\"..\n", "does not end with one"),
        ("// Prints \"\n", "does not end with one"),
    ])
    func unreadableCommentsAreProblems(code: String, message: String) throws {
        let expectation = PrintsExpectation(code: code)
        let problem = try #require(expectation.problems.first)
        #expect(problem.message.contains(message), "\(problem.message)")
        #expect(problem.codeLine == 0 && problem.column == 1)
    }

    @Test(arguments: [
        ("// Prints \"[\"a\", \"b\"]\"\n", "[\"a\", \"b\"]"),
        ("// Prints \"a\" and \"b\"\n", "a\" and \"b"),
        ("// Prints \"C:\\Users\\q\"\n", "C:\\Users\\q"),
        ("// Prints \"ends with \\\"\n", "ends with \\"),
        ("// Prints \"\\u{zz}\"\n", "\\u{zz}"),
        ("// Prints \"say \"\\(x)\"\"\n", "say \"\\(x)\""),
        ("// Prints \"a\\nb\" \"c\"\n", "a\\nb\" \"c"),
    ])
    func aQuotedTextThatIsNotOneLiteralIsReadVerbatim(code: String, line: String) throws {
        let expectation = PrintsExpectation(code: code)
        #expect(expectation.problems == [])
        let comment = try #require(expectation.comments.first)
        #expect(comment.lines == [line])
        #expect(comment.quoted && comment.verbatim && !comment.period)
    }

    @Test(arguments: [
        ("// Prints \"One inch is 0.0254 meters\".\n", ["One inch is 0.0254 meters"], false),
        ("print(x) // Prints \"a\\nb\".  \n", ["a", "b"], false),
        ("// Prints \"[\"a\"]\".\n", ["[\"a\"]"], true),
        ("// Prints \"\".\n", [""], false),
    ])
    func aPeriodAfterTheClosingQuoteIsNotPrinted(code: String, lines: [String], verbatim: Bool) throws {
        let expectation = PrintsExpectation(code: code)
        #expect(expectation.problems == [])
        let comment = try #require(expectation.comments.first)
        #expect(comment.lines == lines)
        #expect(comment.period && comment.verbatim == verbatim)
    }

    @Test func aValidLiteralKeepsItsEscapes() throws {
        let comment = try #require(PrintsExpectation(code: "// Prints \"say \\\"hi\\\"\"\n").comments.first)
        #expect(comment.lines == ["say \"hi\""])
        #expect(!comment.verbatim)
    }

    @Test func literalsRoundTrip() throws {
        for text in ["plain", "", " spaced ", "quote \" and \\ back", "tab\there", "bell\u{7}", "é ✓"] {
            #expect(try StringLiteralDecoding.decode(Substring(StringLiteralDecoding.encode(text))).get() == text)
        }
    }
}

@Suite struct PrintsCheckTests {
    func snippet(_ source: String) throws -> Snippet {
        let chapter = try SnippetExtractor().extract(path: "chapters/01-x.md", source: source)
        return try #require(chapter.snippets.first)
    }

    @Test func matchingCommentsPass() throws {
        let snippet = try snippet("# T\n\n```swift\nprint(\"Hi\")\n// Prints \"Hi\"\n```\n")
        let comparison = OutputComparison(prints: true)
        #expect(comparison.compare(snippet, actual: "Hi\n", path: "chapters/01-x.md") == nil)
    }

    @Test func aMismatchIsReportedAtTheCommentThatDiffers() throws {
        let source = "# T\n\n```swift\nprint(1)\n// Prints 1\nprint(2)\n    // Prints \"3\"\n```\n"
        let mismatch = try #require(OutputComparison(prints: true).compare(try snippet(source), actual: "1\n2\n", path: "chapters/01-x.md"))
        #expect(mismatch.line == 7)
        #expect(mismatch.column == 5)
        #expect(mismatch.description.hasPrefix("chapters/01-x.md:7:5: the snippet's output differs from its '// Prints' comments\n"))
        #expect(mismatch.diff.contains("--- // Prints\n+++ actual\n"))
        #expect(mismatch.diff.contains("-3\n+2\n"))
    }

    @Test func extraLinesAreReportedAtTheLastComment() throws {
        let source = "```swift\nprint(1)\n// Prints 1\nprint(2)\n```\n"
        let mismatch = try #require(OutputComparison(prints: true).compare(try snippet(source), actual: "1\n2\n", path: "p"))
        #expect(mismatch.line == 3)
        #expect(mismatch.diff.contains("+2\n"))
    }

    @Test func aRecordedOutputBesideCommentsIsAMismatch() throws {
        let source = "```swift\nprint(1) // Prints 1\n```\n\n```output\n1\n```\n"
        let mismatch = try #require(OutputComparison(prints: true).compare(try snippet(source), actual: "1\n", path: "p"))
        #expect(mismatch.line == 1)
        #expect(mismatch.reason.contains("must have no recorded output"))
    }

    @Test func withoutThePrintsSettingCommentsAreIgnored() throws {
        let source = "```swift\nprint(1) // Prints 2\n```\n\n```output\n1\n```\n"
        #expect(OutputComparison().compare(try snippet(source), actual: "1\n", path: "p") == nil)
    }

    @Test func snippetsWithoutCommentsUseTheirRecordedOutput() throws {
        let source = "```swift\nprint(1)\n```\n\n```output\n1\n```\n"
        #expect(OutputComparison(prints: true).compare(try snippet(source), actual: "1\n", path: "p") == nil)
    }

    @Test func ellipsesWorkInComments() throws {
        let source = "```swift\nprint(Date())\n// Prints \"20...\"\n```\n"
        #expect(OutputComparison(prints: true).compare(try snippet(source), actual: "2026-12-01 14:00:00 +0000\n", path: "p") == nil)
    }

    @Test func anUnreadableCommentIsAMismatchAtItsLine() throws {
        let source = "```swift\nprint(1)\n// Prints \"1\n```\n"
        let mismatch = try #require(OutputComparison(prints: true).compare(try snippet(source), actual: "1\n", path: "p"))
        #expect(mismatch.line == 3 && mismatch.column == 1)
    }
}

@Suite struct PrintsCommentRewriterTests {
    let rewriter = PrintsCommentRewriter()

    @Test func matchingCommentsAreLeftAlone() {
        let code = "print(1) // Prints \"1\"\nprint(Date())\n// Prints ...\n"
        #expect(rewriter.rewrite(code: code, actual: "1\nnow\n") == code)
    }

    @Test func aChangedLineIsRewrittenInItsCommentsStyle() {
        let code = "print(a)\n// Prints \"Hello, Anna!\"\nprint(b)  // Prints 2\n"
        #expect(rewriter.rewrite(code: code, actual: "Hello, Brian!\n3\n")
            == "print(a)\n// Prints \"Hello, Brian!\"\nprint(b)  // Prints 3\n")
    }

    @Test func extraLinesGoToTheCommentBeforeThem() {
        let code = "for name in names {\n    print(name)\n}\n    // Prints \"Anna\"\nprint(\"done\") // Prints done\n"
        #expect(rewriter.rewrite(code: code, actual: "Anna\nBrian\ndone\n")
            == "for name in names {\n    print(name)\n}\n    // Prints \"Anna\"\n    // Prints \"Brian\"\nprint(\"done\") // Prints done\n")
    }

    @Test func aTrailingCommentGetsOneLiteral() {
        #expect(rewriter.rewrite(code: "show() // Prints 1\n", actual: "1\n2\n") == "show() // Prints \"1\\n2\"\n")
    }

    @Test func aCommentWithoutLinesIsRemoved() {
        let code = "print(1)\n// Prints 1\nlet x = 2 // Prints 2\n"
        #expect(rewriter.rewrite(code: code, actual: "1\n") == "print(1)\n// Prints 1\nlet x = 2\n")
    }

    @Test func ellipsesThatStillMatchAreKept() {
        let code = "print(Date())\n// Prints \"Today is ...\"\nprint(total)\n// Prints \"42\"\n"
        #expect(rewriter.rewrite(code: code, actual: "Today is Tuesday\n43\n")
            == "print(Date())\n// Prints \"Today is ...\"\nprint(total)\n// Prints \"43\"\n")
    }

    @Test func lineEndingsAreKept() {
        #expect(rewriter.rewrite(code: "print(2)\r\n// Prints 1\r\n", actual: "2\n") == "print(2)\r\n// Prints 2\r\n")
    }

    @Test func aVerbatimCommentIsRewrittenVerbatimWithItsPeriod() {
        let code = "print(names)\n// Prints \"[\"Anna\", \"Alex\"]\".\n"
        #expect(rewriter.rewrite(code: code, actual: "[\"Anna\", \"Brian\"]\n")
            == "print(names)\n// Prints \"[\"Anna\", \"Brian\"]\".\n")
    }

    @Test func aVerbatimCommentBecomesALiteralWhenVerbatimWouldReadOtherwise() {
        // `"a\nb"` between quotes would read as two lines: the literal escapes the backslash.
        #expect(rewriter.rewrite(code: "f()\n// Prints \"[\"x\"]\"\n", actual: "a\\nb\n") == "f()\n// Prints \"a\\\\nb\"\n")
    }

    @Test func aLiteralWithAPeriodKeepsIt() {
        #expect(rewriter.rewrite(code: "f() // Prints \"1\".\n", actual: "2\n") == "f() // Prints \"2\".\n")
        #expect(rewriter.rewrite(code: "f() // Prints \"1\".\n", actual: "2\n3\n") == "f() // Prints \"2\\n3\".\n")
    }

    @Test(arguments: [
        ("a()\n// Prints \"[\"x\"]\"\n", "[\"y\"]\n\"z\"\n\\q\n"),
        ("a()\n// Prints \"[\"x\"]\".\n", "p\\nq\n \n"),
        ("a() // Prints \"1\".\n", "[\"y\"]\n"),
        ("print(1)\n// Prints 1\n", "1\n2\n3\n"),
        ("a()\n// Prints \"x\\ny\"\nb() // Prints z\n", "x\nq\nz\nw\n"),
        ("a() // Prints \" lead\"\n", "  two  \n\n\"q\"\n"),
        ("a()\n// Prints ...\n// Prints end\n", "1\n2\nfin\n"),
    ])
    func theRewrittenCommentsMatch(code: String, actual: String) {
        let rewritten = rewriter.rewrite(code: code, actual: actual)
        let expectation = PrintsExpectation(code: rewritten)
        #expect(expectation.problems == [])
        #expect(OutputMatcher().matches(expected: expectation.text, actual: actual), "\(rewritten)")
    }
}

@Suite struct PrintsPromotionTests {
    let documentation: DocumentationConfig = {
        var documentation = DocumentationConfig()
        documentation.prints = .check
        return documentation
    }()

    @Test func anUnreadableCommentGetsNoRecordedOutput() throws {
        let source = "```swift\nprint(\"Hi, \\(name)\")\n// Prints \"Hi, Anna\n```\n"
        let chapter = try SnippetExtractor().extract(path: "chapters/01-x.md", source: source)
        #expect(Promoter(documentation: documentation).promote(chapter, outputs: ["Hi, Anna\n"]) == source)
    }

    @Test func applesCommentsPromoteToAFixedPoint() throws {
        let source = "```swift\nprint(letters)\n// Prints \"[\"a\", \"c\"]\".\n```\n"
        let chapter = try SnippetExtractor().extract(path: "chapters/01-x.md", source: source)
        let promoter = Promoter(documentation: documentation)
        let once = promoter.promote(chapter, outputs: ["[\"a\", \"b\"]\n"])
        #expect(once == "```swift\nprint(letters)\n// Prints \"[\"a\", \"b\"]\".\n```\n")
        let again = try SnippetExtractor().extract(path: "chapters/01-x.md", source: once)
        #expect(promoter.promote(again, outputs: ["[\"a\", \"b\"]\n"]) == once)
        #expect(OutputComparison(prints: true).compare(again.snippets[0], actual: "[\"a\", \"b\"]\n", path: "p") == nil)
    }
}

/// Apple's other ways of writing a `// Prints` comment.
@Suite struct ApplePrintsFormsTests {
    @Test func wordsAfterTheLiteralAreCommentary() {
        let expectation = PrintsExpectation(code: "// Prints \"hello, world\", because name is indeed equal to \"world\".\n")
        #expect(expectation.problems.isEmpty)
        #expect(expectation.text == "hello, world\n")
        #expect(expectation.comments.first?.commentary == ", because name is indeed equal to \"world\".")
        // A quote inside an unescaped text is not commentary: the text is verbatim.
        #expect(PrintsExpectation(code: "// Prints \"[\"a\", \"b\"]\"\n").text == "[\"a\", \"b\"]\n")
        #expect(PrintsExpectation(code: "// Prints \"a\" (on one line)\n").text == "a\n")
    }

    @Test func promoteKeepsTheCommentary() {
        let code = "print(\"hi\")\n// Prints \"hello\", because it said so.\n"
        let rewritten = PrintsCommentRewriter().rewrite(code: code, actual: "hi\n")
        #expect(rewritten == "print(\"hi\")\n// Prints \"hi\", because it said so.\n")
        #expect(PrintsExpectation(code: rewritten).text == "hi\n")
    }

    @Test func anIntroductionEndingInAColonIsFollowedByThePrintedLines() {
        let code = "print(a)\n// Prints two lines:\n// one\n// twothree\n\nprint(b)\n// Prints \"x\"\n"
        let expectation = PrintsExpectation(code: code)
        #expect(expectation.problems.isEmpty)
        #expect(expectation.text == "one\ntwothree\nx\n")
        #expect(expectation.comments.first?.introduced == 2)
        let rewritten = PrintsCommentRewriter().rewrite(code: code, actual: "one\ntwo\nthree\nx\n")
        #expect(rewritten == "print(a)\n// Prints two lines:\n// one\n// two\n// three\n\nprint(b)\n// Prints \"x\"\n")
        #expect(PrintsCommentRewriter().rewrite(code: rewritten, actual: "one\ntwo\nthree\nx\n") == rewritten)
        // Without comment lines under it, a text ending in ':' is the printed line itself.
        #expect(PrintsExpectation(code: "// Prints Total:\n").text == "Total:\n")
    }
}
