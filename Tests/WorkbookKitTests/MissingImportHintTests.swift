import Testing
@testable import WorkbookKit
@testable import WorkbookSwiftEngine

/// The hint under compile errors that read like Foundation used without an import.
@Suite struct MissingImportHintTests {
    func error(_ message: String, line: Int = 4) -> WorkbookError {
        WorkbookError(path: "chapters/a.md", line: line, column: 7, message: message, stage: "compile")
    }

    @Test func foundationNamesFormatsAndStringMembersGetTheHint() {
        #expect(MissingImportHint.applies(to: error("cannot find 'Date' in scope"), line: nil))
        #expect(MissingImportHint.applies(to: error("cannot find type 'URL' in scope"), line: nil))
        #expect(MissingImportHint.applies(to: error("no exact matches in call to initializer"), line: "print(String(format: \"%.2f\", x))"))
        #expect(MissingImportHint.applies(to: error("value of type 'String' has no member 'components'"), line: nil))
    }

    @Test func otherErrorsDoNot() {
        #expect(!MissingImportHint.applies(to: error("cannot find 'total' in scope"), line: nil))
        #expect(!MissingImportHint.applies(to: error("no exact matches in call to initializer"), line: "let p = Point(x: 1)"))
        #expect(!MissingImportHint.applies(to: error("value of type 'String' has no member 'frobnicate'"), line: nil))
    }

    @Test func aProgramThatImportsFoundationGetsNoHint() throws {
        let plain = try SnippetExtractor().extract(path: "chapters/a.md", source: "# A\n\n```swift\nprint(Date())\n```\n")
        let hinted = MissingImportHint.adding(to: [error("cannot find 'Date' in scope")], chapter: plain, imports: [])
        #expect(hinted[0].details.hasSuffix(MissingImportHint.text))
        #expect(MissingImportHint.adding(to: [error("cannot find 'Date' in scope")], chapter: plain, imports: ["Foundation"])[0].details.isEmpty)
        let importing = try SnippetExtractor().extract(path: "chapters/a.md", source: "# A\n\n```swift\nimport Foundation\nprint(Date())\n```\n")
        #expect(MissingImportHint.adding(to: [error("cannot find 'Date' in scope")], chapter: importing, imports: [])[0].details.isEmpty)
    }
}
