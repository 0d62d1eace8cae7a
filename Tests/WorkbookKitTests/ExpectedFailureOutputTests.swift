import Testing
@testable import WorkbookKit

@Suite struct ExpectedFailureOutputTests {
    @Test func compileErrorsAreOneLineEach() {
        let errors = [
            WorkbookError(path: "chapters/01-x.md", line: 11, column: 16, message: "cannot convert value of type 'String' to specified type 'Int'",
                          stage: "compile", details: "let age: Int = \"forty-two\"\n               ^~~~~~~~~~~"),
            WorkbookError(path: "chapters/01-x.md", line: 34, column: 12, message: "cannot find 'Circle' in scope"),
        ]
        #expect(ExpectedFailureOutput.compileErrors(errors) == """
            chapters/01-x.md:11:16: error: cannot convert value of type 'String' to specified type 'Int'
            chapters/01-x.md:34:12: error: cannot find 'Circle' in scope

            """)
    }

    @Test func aCrashKeepsThePrintedTextAndTheRuntimeMessageOnly() {
        let standardError = """
            WorkbookChapter/01-assertions-and-errors.md:49: Precondition failed: A person's age can't be less than zero.
            Current stack trace:
            0    libswiftCore.so                    0x00007f6799d5f130 swift_reportError + 33
            1    libswiftCore.so                    0x00007f679a112b60 _swift_stdlib_reportFatalErrorInFile + 109

            """
        let output = ExpectedFailureOutput.crash(printed: "Checking the age\n", standardError: standardError,
                                                 chapterPath: "chapters/01-assertions-and-errors.md", moduleName: "WorkbookChapter")
        #expect(output == """
            Checking the age
            chapters/01-assertions-and-errors.md:49: Precondition failed: A person's age can't be less than zero.

            """)
    }

    @Test func aStandardLibraryTrapKeepsItsFileAndLosesColours() {
        let output = ExpectedFailureOutput.crash(
            printed: "", standardError: "\u{1B}[31mSwift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range\u{1B}[0m\n💣 Program crashed\n",
            chapterPath: "chapters/01-x.md", moduleName: "WorkbookChapter")
        #expect(output == "Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range\n")
        #expect(OutputMatcher().matches(expected: "...Fatal error: Index out of range\n", actual: output))
    }
}
