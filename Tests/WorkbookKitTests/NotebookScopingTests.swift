import Testing
@testable import WorkbookKit
@testable import WorkbookSwiftEngine

/// Notebook scoping without a compiler: which names get versions and which version each
/// reference is rewritten to.
@Suite struct NotebookScopingTests {
    func chapter(_ codes: [String]) throws -> Chapter {
        var text = ""
        for code in codes { text += "```swift\n\(code)\n```\n\n" }
        return try SnippetExtractor().extract(path: "chapters/x.md", source: text)
    }

    func scoped(_ codes: [String]) throws -> [String] {
        let chapter = try chapter(codes)
        let scoping = NotebookScoping(chapter: chapter, running: chapter.snippets.map(\.index))
        return scoping.chapter.snippets.map { $0.code.hasSuffix("\n") ? String($0.code.dropLast()) : $0.code }
    }

    @Test func aNameDeclaredOnceIsLeftAlone() throws {
        let codes = ["let pi = 3.14", "print(pi)", "struct P {}\nprint(P())"]
        #expect(try scoped(codes) == codes)
    }

    @Test func aRedeclaredValueIsVersionedAndEachReferenceMeansTheOneInForce() throws {
        let code = try scoped(["let pi = 3.14\nprint(pi)", "print(pi)", "let pi = 3\nprint(pi)", "print(pi + 1)"])
        #expect(code == ["let pi = 3.14\nprint(pi)", "print(pi)", "let piǂ2 = 3\nprint(piǂ2)", "print(piǂ2 + 1)"])
    }

    @Test func aRedeclaredTypeIsVersionedInTypePositionsAndExtensions() throws {
        let code = try scoped(["struct P { var x = 1 }", "struct P { var y = 2 }\nlet p: P = P()", "extension P { var z: Int { y } }"])
        #expect(code[1] == "struct Pǂ1 { var y = 2 }\nlet p: Pǂ1 = Pǂ1()")
        #expect(code[2] == "extension Pǂ1 { var z: Int { y } }")
    }

    @Test func membersAndShadowingLocalsAreNotRewritten() throws {
        let code = try scoped([
            "let name = \"a\"", "let name = \"b\"",
            "struct Person { var name: String\n func f() -> String { name } }\nprint(Person(name: name).name)",
            "func g(name: String) -> String { name }",
        ])
        #expect(code[2] == "struct Person { var name: String\n func f() -> String { name } }\nprint(Person(name: nameǂ1).name)")
        #expect(code[3] == "func g(name: String) -> String { name }")
    }

    @Test func functionsAreVersionedByFullNameAndCallsPickTheFullNameTheirLabelsFit() throws {
        let code = try scoped([
            "func greet(person: String) -> String { person }",
            "func greet(person: String, alreadyGreeted: Bool) -> String { greet(person: person) }",
            "func greet(person: String) { print(person) }\ngreet(person: \"a\")\nprint(greet(person: \"b\", alreadyGreeted: true))",
        ])
        #expect(code[1] == "func greet(person: String, alreadyGreeted: Bool) -> String { greet(person: person) }")
        #expect(code[2] == "func greetǂ2(person: String) { print(person) }\ngreetǂ2(person: \"a\")\nprint(greet(person: \"b\", alreadyGreeted: true))")
    }

    @Test func aSnippetLeftOutNoLongerDeclaresItsVersion() throws {
        let chapter = try chapter(["let pi = 3.14", "let pi = 3", "print(pi)"])
        let scoping = NotebookScoping(chapter: chapter, running: [0, 2])
        #expect(scoping.chapter.snippets[2].code == "print(pi)\n")
        #expect(scoping.chapter.snippets[1].options.norun)
    }

    @Test func outputsAndMessagesNeverShowVersionsAndColumnsAreTheChapters() throws {
        let chapter = try chapter(["let pi = 3.14", "let pi = 3\nlet x: String = pi"])
        let scoping = NotebookScoping(chapter: chapter, running: [0, 1])
        #expect(NotebookScoping.stripped("Pǂ12(y: 2) and piǂ3") == "P(y: 2) and pi")
        let line = chapter.snippets[1].codeFirstLine + 1
        // `let x: String = piǂ1`: `pi` at column 17 stays there, the suffix (3 bytes at
        // column 19) is where `pi` ends, and columns past it move back by its length.
        #expect(scoping.originalColumn(line: line, column: 17) == 17)
        #expect(scoping.originalColumn(line: line, column: 20) == 19)
        #expect(scoping.originalColumn(line: line, column: 22) == 19)
        #expect(scoping.originalColumn(line: line, column: 23) == 20)
        #expect(scoping.originalColumn(line: line - 2, column: 23) == 23)
        let error = scoping.restore(WorkbookError(path: "chapters/x.md", line: line, column: 23, message: "cannot convert 'piǂ1'"))
        #expect(error.column == 20 && error.message == "cannot convert 'pi'")
    }

    @Test func callLabelsFitParametersWithDefaultsVariadicsAndTrailingClosures() {
        typealias P = NotebookSnippetSyntax.Parameter
        let parameters = [P(label: "a", hasDefault: false, isVariadic: false, isFunction: false),
                          P(label: "b", hasDefault: true, isVariadic: false, isFunction: false),
                          P(label: "then", hasDefault: false, isVariadic: false, isFunction: true)]
        #expect(NotebookVersions.accepts(parameters, ["a", nil]))
        #expect(NotebookVersions.accepts(parameters, ["a", "b", "then"]))
        #expect(!NotebookVersions.accepts(parameters, ["a"]))
        #expect(!NotebookVersions.accepts(parameters, ["b", nil]))
        let variadic = [P(label: nil, hasDefault: false, isVariadic: true, isFunction: false)]
        #expect(NotebookVersions.accepts(variadic, [nil, nil, nil]))
        #expect(NotebookVersions.accepts(variadic, []))
    }
}

extension NotebookScopingTests {
    @Test func definitionsInConsecutiveDefinitionListingsSeeEachOthersNewVersions() throws {
        let code = try scoped([
            "class Person { var home: Home? }\nclass Home {}",
            "class Person { var home: Home?\n var name = \"\" }",
            "class Home { var rooms = 1 }",
            "let p = Person()\nprint(p.home?.rooms as Any, Home())",
        ])
        // The second Person is read with the Home of the listing after it, and the statement
        // sees the versions in force where it runs.
        #expect(code[1] == "class Personǂ1 { var home: Homeǂ2?\n var name = \"\" }")
        #expect(code[3] == "let p = Personǂ1()\nprint(p.home?.rooms as Any, Homeǂ2())")
    }

    @Test func aStatementOrVariableEndsTheRunOfDefinitions() throws {
        let code = try scoped(["struct P {}", "func f() -> P { P() }", "let x = 1", "struct P { var y = 2 }"])
        #expect(code[1] == "func f() -> P { P() }")
    }
}
