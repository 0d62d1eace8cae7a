import Testing
@testable import WorkbookKit
@testable import WorkbookSwiftEngine

/// Apple's `// Error` comments: which lines of a listing they mark.
@Suite struct ErrorMarksTests {
    @Test func aTrailingMarkMarksItsLine() {
        let marks = ErrorMarks(code: "let a = 1\n(\"blue\", false) < (\"purple\", true)  // Error: Can't use < to compare.\n")
        #expect(marks.lines == [2])
    }

    @Test func aMarkOnItsOwnLineMarksTheCodeAboveAndBelow() {
        let code = "var stepSize = 1\nincrement(&stepSize)\n\n// Error: Conflicting accesses to stepSize.\n\nfunc next() {}\n"
        #expect(ErrorMarks(code: code).lines == [2, 6])
    }

    @Test func onlyTheWordErrorMarks() {
        #expect(ErrorMarks.isMark(" Error"))
        #expect(ErrorMarks.isMark(" Error: Value consumed more than once."))
        #expect(ErrorMarks.isMark(" Error."))
        #expect(!ErrorMarks.isMark(" Error handling goes here"))
        #expect(ErrorMarks.isMark(" this triggers a runtime error"))
        #expect(ErrorMarks.isMark(" This is a compile-time error: languageName cannot be changed."))
        #expect(ErrorMarks.isMark(" Invalid, the case has an empty body"))
        #expect(!ErrorMarks.isMark(" no error was thrown"))
        #expect(!ErrorMarks.isMark(" error"))
        #expect(ErrorMarks.isMark(" ERROR"))
        #expect(!ErrorMarks.isMark("/ Error"))
        #expect(ErrorMarks(code: "let text = \"// Error\"\n").isEmpty)
        #expect(ErrorMarks(code: "/// Error\nfunc f() {}\n").isEmpty)
    }

    @Test func aSnippetFailsAsMarkedOnlyWhenEveryErrorIsAtAMarkedLine() throws {
        let chapter = try SnippetExtractor().extract(path: "x.md", source: "```swift\nlet a = 1\nlet b: Int = \"x\" // Error\n```\n")
        let snippet = chapter.snippets[0]
        let marked = WorkbookError(path: "x.md", line: 3, column: 14, message: "cannot convert", stage: "compile")
        let other = WorkbookError(path: "x.md", line: 2, column: 5, message: "other", stage: "compile")
        #expect(NotebookRunner.failsAsMarked(snippet, [marked]))
        #expect(!NotebookRunner.failsAsMarked(snippet, [marked, other]))
        #expect(!NotebookRunner.failsAsMarked(snippet, []))
        let trapInTheLibrary = WorkbookError(path: "x.md", line: 1, message: "the snippet crashed", stage: "run")
        #expect(NotebookRunner.failsAsMarked(snippet, [trapInTheLibrary]))
    }
}
