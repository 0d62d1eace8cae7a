import Foundation
import Testing
@testable import WorkbookKit
@testable import WorkbookSwiftEngine

/// Which chapters share a program, and the text they share it as (`ChapterBundle`).
@Suite struct ChapterBundleTests {
    func chapter(_ name: String, _ code: String...) throws -> (chapter: Chapter, modules: [String]) {
        let source = "# \(name)\n\n" + code.map { "```swift\n\($0)\n```\n\n" }.joined()
        return (try SnippetExtractor().extract(path: "chapters/\(name).md", source: source), [])
    }

    @Test func chaptersOfFunctionsAliasesAndGlobalsShareOneProgramWithFilePrivateNames() throws {
        let chapters = try [
            chapter("a", "let xs = [1, 2]\nfunc fmt(_ x: Int) -> String { \"\\(x)\" }", "print(fmt(xs.count))"),
            chapter("b", "typealias Row = [Double]\n@discardableResult func fmt(_ r: Row) -> String { \"\\(r)\" }\nvar n = try? Int(\"1\")", "fmt([1])"),
        ]
        let bundles = ChapterBundle.bundles(of: chapters)
        try #require(bundles.count == 1)
        let bundle = bundles[0]
        #expect(bundle.paths == ["chapters/a.md", "chapters/b.md"])
        #expect(bundle.sources.count == 3)
        #expect(bundle.sources[0].contains("case \"1\": try _workbookChapter1()\n        case \"2\": try _workbookChapter2()\n"))
        #expect(bundle.sources[1].contains("fileprivate let xs = [1, 2]\n"))
        #expect(bundle.sources[1].contains("fileprivate func fmt(_ x: Int)"))
        #expect(bundle.sources[1].contains("func _workbookChapter1() throws {\n    try _workbookRun(0, _workbookSnippet0)\n    try _workbookRun(1, _workbookSnippet1)\n}\n"))
        // After the attributes; the column of the line's first character is kept.
        #expect(bundle.sources[2].contains("\n@discardableResult fileprivate func fmt(_ r: Row)"))
        #expect(bundle.sources[2].contains("\nfileprivate typealias Row = [Double]\n"))
        #expect(bundle.sources[2].contains("\nfileprivate var n = try? Int(\"1\")\n"))
        // Each file runs its snippets between its own chapter's boundary lines.
        #expect(bundle.sources[1].contains(bundle.programs[0].boundary.replacingOccurrences(of: "\u{1}", with: "\\u{1}") + " begin"))
        #expect(bundle.programs.map(\.identity) == chapters.map { ChapterProgram(chapter: $0.chapter, modules: []).identity })
    }

    @Test(arguments: [
        "struct P { var x = 1 }\nprint(P())",
        "extension Int { var twice: Int { 2 * self } }\nprint(1.twice)",
        "protocol Named {}\nprint(1)",
        "infix operator +++\nprint(1)",
        "private func f() {}\nf()",
        "guard true else { fatalError() }\nprint(1)",
        "public func f() {}\nf()",
    ])
    func aChapterThatWouldMeanOrPrintOtherwiseIsLeftOut(code: String) throws {
        let chapters = try [chapter("a", "print(1)"), chapter("b", "print(2)"), chapter("c", code)]
        let bundles = ChapterBundle.bundles(of: chapters)
        #expect(bundles.map(\.paths) == [["chapters/a.md", "chapters/b.md"]])
    }

    @Test func anExpectedFailureIsLeftOut() throws {
        let failing = try SnippetExtractor().extract(path: "chapters/c.md", source: "# c\n\n```swift expect=error\nlet x: Int = \"\"\n```\n")
        let bundles = ChapterBundle.bundles(of: [try chapter("a", "print(1)"), try chapter("b", "print(2)"), (failing, [])])
        #expect(bundles.map(\.paths) == [["chapters/a.md", "chapters/b.md"]])
    }

    @Test func onlyChaptersImportingTheSameModulesShareAProgram() throws {
        let chapters = try [
            chapter("a", "print(1)"), chapter("b", "import Foundation\nprint(2)"),
            chapter("c", "print(3)"), chapter("d", "import  Foundation\nprint(4)"), chapter("e", "import Dispatch\nprint(5)"),
        ]
        #expect(ChapterBundle.bundles(of: chapters).map(\.paths) == [["chapters/a.md", "chapters/c.md"], ["chapters/b.md", "chapters/d.md"]])
        let configured = [chapters[0], (chapters[2].chapter, ["BatchNorm"])]
        #expect(ChapterBundle.bundles(of: configured).isEmpty)
    }

    @Test func chaptersAreCutIntoOneBundlePerCompilerProcessOfAtLeastTwoChapters() throws {
        let four = try (1...4).map { try chapter("c\($0)", "print(\($0))") }
        #expect(ChapterBundle.bundles(of: four, parts: 2).map(\.paths.count) == [2, 2])
        #expect(ChapterBundle.bundles(of: four, parts: 1).map(\.paths.count) == [4])
        #expect(ChapterBundle.bundles(of: Array(four.prefix(3)), parts: 2).map(\.paths.count) == [3])
        #expect(ChapterBundle.bundles(of: Array(four.prefix(1)), parts: 2).isEmpty)
    }

    @Test func aBundleHoldsAtMostSixteenChapters() throws {
        let many = try (1...40).map { try chapter("c\($0)", "print(\($0))") }
        let counts = ChapterBundle.bundles(of: many, parts: 2).map(\.paths.count)
        #expect(counts.reduce(0, +) == 40)
        #expect(counts.count == 3, "\(counts)")
    }

    @Test func compileErrorsAreBlamedOnTheChaptersTheyLieIn() throws {
        let chapters = try [chapter("a", "print(1)", "print(2)"), chapter("b", "print(3)"), chapter("c", "print(4)")]
        let bundle = try #require(ChapterBundle.bundles(of: chapters).first)
        // `# a`, a blank line, the fence: the first snippet's code is line 4, the second's line 8.
        let inSecondSnippet = WorkbookError(path: "chapters/a.md", line: 8, column: 1, message: "x", stage: "compile")
        let inC = WorkbookError(path: "chapters/c.md", line: 4, column: 7, message: "x", stage: "compile")
        #expect(bundle.members(blamedBy: [inSecondSnippet, inC]) == [0, 2])
        let inGeneratedFile = WorkbookError(path: ".workbook-cache/build/bundle-1/chapter-2.swift", line: 3, column: 1, message: "x", stage: "compile")
        #expect(bundle.members(blamedBy: [inGeneratedFile]) == [1])
        let betweenSnippets = WorkbookError(path: "chapters/a.md", line: 6, column: 1, message: "x", stage: "compile")
        #expect(bundle.members(blamedBy: [betweenSnippets]) == nil)
        let inFraming = WorkbookError(path: ".workbook-cache/build/bundle-1/main.swift", line: 3, column: 1, message: "x", stage: "compile")
        #expect(bundle.members(blamedBy: [inFraming]) == nil)
    }
}
