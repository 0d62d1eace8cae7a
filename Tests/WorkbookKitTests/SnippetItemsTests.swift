import Foundation
import Testing
@testable import WorkbookKit
@testable import WorkbookSwiftEngine

/// How a snippet's top-level items are sorted for the library-shaped program, and which
/// snippets keep the chapter in the script shape.
@Suite struct SnippetItemsTests {
    @Test func sortsImportsDeclarationsAndStatements() throws {
        let items = try #require(SnippetItems(code: """
            import Foundation
            let values = [1, 2, 3]
            struct Point { var x: Int }
            print(values.count)
            var total = 0, (first, second) = (1, 2)
            func twice(_ x: Int) -> Int { 2 * x }
            let _ = twice(1)

            """))
        #expect(items.imports.map(\.text) == ["import Foundation"])
        #expect(items.declarations.map(\.text) == [
            "let values = [1, 2, 3]", "struct Point { var x: Int }", "var total = 0, (first, second) = (1, 2)",
            "func twice(_ x: Int) -> Int { 2 * x }",
        ])
        #expect(items.steps == [
            .touch("values"),
            .statement(.init(text: "print(values.count)", line: 4, column: 1)),
            .touch("total"), .touch("first"),
            .statement(.init(text: "let _ = twice(1)", line: 7, column: 1)),
        ])
    }

    @Test func itemsSharingALineKeepTheirColumns() throws {
        let items = try #require(SnippetItems(code: "let a = 1; print(a)\n  print(\n    a)\n"))
        #expect(items.declarations == [.plain(.init(text: "let a = 1;", line: 1, column: 1))])
        #expect(items.steps == [
            .touch("a"),
            .statement(.init(text: "print(a)", line: 1, column: 12)),
            .statement(.init(text: "print(\n    a)", line: 2, column: 3)),
        ])
    }

    @Test(arguments: [
        "let x = 1 +",                               // parse error
        "var x: Int\nx = 1",                          // no initializer
        "var x: Int { 1 }",                           // computed
        "let x = try load(), y = 2",                  // may throw, with another binding
        "let x = await load()",                       // suspends
        "for await x in stream { print(x) }",         // await at top level
        "guard let x = Int(\"1\") else { fatalError() }",
        "defer { print(1) }",
        "#if DEBUG\nprint(1)\n#endif",
        "#sourceLocation()\nprint(1)",
        "@main struct App { static func main() {} }",
        "let _workbookBoundary = 1",
        "print(#function)",
        "@MainActor var x = 1",
        "private var x = 1",
    ])
    func keepsTheScriptShapeFor(_ code: String) {
        #expect(SnippetItems(code: code) == nil)
    }

    @Test func aTryThatCannotThrowIsAPlainGlobalInitializer() throws {
        let items = try #require(SnippetItems(code: "let x = try? load()\nlet y = try! load()\ntry run()\n"))
        #expect(items.declarations.map(\.text) == ["let x = try? load()", "let y = try! load()"])
        #expect(items.steps.last == .statement(.init(text: "try run()", line: 3, column: 1)))
    }

    @Test func aThrowingInitializerIsSplitFromItsHead() throws {
        let items = try #require(SnippetItems(code: "let (a, b) = try load(\n    1)\n"))
        #expect(items.declarations == [.throwing(head: .init(text: "let (a, b) =", line: 1, column: 1),
                                                 initializer: .init(text: "try load(\n    1)", line: 1, column: 14))])
        #expect(items.steps == [.touch("a")])
    }

    @Test func aChapterTakesTheLibraryShapeUnlessASnippetCannotBeSplit() throws {
        let plain = try SnippetExtractor().extract(
            path: "chapters/01-a.md", source: "# A\n\n```swift\nlet a = 1\n```\n\n```swift\nprint(a)\n```\n")
        let library = ChapterProgram(chapter: plain, modules: ["BatchNorm"])
        #expect(library.shape == .library)
        #expect(library.shape.compilerFlags == ["-parse-as-library"])
        #expect(library.source.contains("import BatchNorm\n"))
        #expect(library.source.contains("#sourceLocation(file: \"chapters/01-a.md\", line: 4)\nlet a = 1\n"))
        #expect(library.source.contains("@main enum _WorkbookMain"))
        let guarded = try SnippetExtractor().extract(
            path: "chapters/01-a.md", source: "# A\n\n```swift\nlet a = 1\n```\n\n```swift\nguard a > 0 else { fatalError() }\n```\n")
        let script = ChapterProgram(chapter: guarded, modules: [])
        #expect(script.shape == .script)
        #expect(script.shape.compilerFlags == [])
        #expect(!script.source.contains("@main"))
    }
}

extension SnippetItems.Declaration {
    /// The declaration's text as the snippet wrote it (head and initializer joined).
    var text: String {
        switch self {
        case .plain(let item): item.text
        case .throwing(let head, let initializer): head.text + " " + initializer.text
        }
    }
}
