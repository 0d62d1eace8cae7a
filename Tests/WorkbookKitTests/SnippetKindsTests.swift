import Foundation
import Testing
@testable import WorkbookKit
@testable import WorkbookSwiftEngine

/// Templates (code with an editor placeholder) and `compile` snippets: how they are found,
/// which options go with them, and how a `compile` snippet is compiled without being run.
@Suite struct SnippetKindsTests {
    func snippets(_ source: String) throws -> [Snippet] {
        try SnippetExtractor().extract(path: "chapters/x.md", source: source).snippets
    }

    func errors(_ source: String) -> [String] {
        do {
            _ = try SnippetExtractor().extract(path: "chapters/x.md", source: source)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test(arguments: [
        ("func <#name#>(<#parameters#>) -> <#return type#> {\n    <#statements#>\n}", "<#name#>"),
        ("let total = <#value#> + 1", "<#value#>"),
        ("print(\"no\")\nlet x = [<#element#>]", "<#element#>"),
    ])
    func aPlaceholderInCodeMakesATemplate(code: String, first: String) throws {
        #expect(EditorPlaceholders.first(in: code)?.text == first)
        let snippet = try #require(try snippets("```swift\n\(code)\n```\n").first)
        #expect(snippet.options.template && snippet.options.norun)
    }

    @Test(arguments: [
        "let hint = \"<#name#> is a placeholder\"",
        "// Replace <#name#> with yours.\nprint(1)",
        "/* <#name#> */ print(1)",
        "let text = \"\"\"\n<#name#>\n\"\"\"",
        "print(1 < 2, 3 > 2)",
    ])
    func aPlaceholderOutsideCodeIsText(code: String) throws {
        #expect(EditorPlaceholders.first(in: code) == nil)
        let snippet = try #require(try snippets("```swift\n\(code)\n```\n").first)
        #expect(!snippet.options.template && !snippet.options.norun)
    }

    @Test func aNorunSnippetWithAPlaceholderStaysNorun() throws {
        let snippet = try #require(try snippets("```swift norun\nlet x = <#value#>\n```\n").first)
        #expect(snippet.options.norun && !snippet.options.template)
    }

    @Test func aTemplateCannotHaveRunOptionsAndTheErrorIsAtThePlaceholder() {
        #expect(errors("# T\n\n```swift hide\nlet x = 1\nlet y = <#value#>\n```\n")
            == ["chapters/x.md:5:9: error: the snippet is a template (its code has the editor placeholder '<#value#>'): it is shown and not run, so it cannot be 'hide'"])
        #expect(errors("```swift expect=error\n<#code#>\n```\n").first?.hasSuffix("so it cannot be 'expect=error'") == true)
        #expect(errors("```swift compile\n<#code#>\n```\n").first?.hasSuffix("so it cannot be 'compile'") == true)
    }

    @Test func compileIsAnOptionThatRejectsWhatContradictsIt() throws {
        let snippet = try #require(try snippets("```swift compile env=server\nwhile true {}\n```\n").first)
        #expect(snippet.options.compileOnly && snippet.options.documentation.environment == "server" && !snippet.options.norun)
        #expect(errors("```swift compile norun\nx\n```\n") == ["chapters/x.md:1:4: error: a snippet cannot be both 'compile' (compiled, not run) and 'norun' (neither)"])
        #expect(errors("```swift hide compile\nx\n```\n") == ["chapters/x.md:1:4: error: a 'compile' snippet is not run, so 'hide' would leave it neither shown nor run"])
        #expect(errors("```swift compile expect=error\nx\n```\n") == ["chapters/x.md:1:4: error: a 'compile' snippet must compile, so it cannot be 'expect=error'"])
        #expect(errors("```swift compile expect=crash\nx\n```\n") == ["chapters/x.md:1:4: error: a 'compile' snippet is not run, so it cannot be 'expect=crash'"])
        #expect(errors("```swift compile output=html\nx\n```\n") == ["chapters/x.md:1:4: error: a 'compile' snippet is not run and prints nothing, so it cannot be 'output=html'"])
    }

    // MARK: How a compile snippet is compiled

    func program(_ source: String) throws -> ChapterProgram {
        ChapterProgram(chapter: try SnippetExtractor().extract(path: "chapters/x.md", source: source), modules: [])
    }

    @Test func theLibraryShapeDeclaresACompileSnippetsItemsAndNeverCallsItsStatements() throws {
        let program = try program("```swift compile\nfunc serve() -> Never { while true {} }\nserve()\n```\n\n```swift\nprint(1)\n```\n")
        #expect(program.shape == .library)
        #expect(program.source.contains("func serve() -> Never { while true {} }"))
        #expect(program.source.contains("func _workbookSnippet0() throws {"), "its statements are type-checked")
        #expect(!program.source.contains("_workbookRun(0,"), "and never run")
        #expect(program.source.contains("_workbookRun(1, _workbookSnippet1)"))
    }

    @Test func theScriptShapeWrapsACompileSnippetWithStatementsInAFunctionNeverCalled() throws {
        let program = try program("```swift compile\ntry await Task.sleep(for: .seconds(3600))\n```\n\n```swift compile\nstruct Kept {}\n```\n\n```swift\nprint(Kept())\n```\n")
        #expect(program.shape == .script)
        #expect(program.source.contains("func _workbookCompileOnly0() async throws {\n#sourceLocation(file: \"chapters/x.md\", line: 2)\ntry await Task.sleep"))
        #expect(!program.source.contains("_workbookCompileOnly1"), "a snippet of declarations only stays top-level code")
        #expect(!program.source.contains("begin 0") && !program.source.contains("begin 1\""), "compile snippets print no boundary")
    }

    @Test func compileJoinsTheKeysOfResultsAndPrograms() throws {
        let plain = try SnippetExtractor().extract(path: "chapters/x.md", source: "```swift\nprint(1)\n```\n")
        let compiled = try SnippetExtractor().extract(path: "chapters/x.md", source: "```swift compile\nprint(1)\n```\n")
        #expect(ResultCache.key(chapter: plain, package: nil, compilerVersion: "v") != ResultCache.key(chapter: compiled, package: nil, compilerVersion: "v"))
        #expect(ChapterProgram(chapter: plain, modules: []).identity != ChapterProgram(chapter: compiled, modules: []).identity)
    }

    // MARK: Summaries

    @Test func theSummaryCountsTemplatesAndCompileSnippetsApart() {
        var report = ComparisonReport(passed: 2, failed: 0, mismatches: [], chapters: 1)
        var tally = SnippetTally()
        tally.passed = 2
        tally.templates = 2
        tally.compiledNotRun = 1
        report.perChapter = [ChapterTally(path: "chapters/x.md", tally: tally)]
        #expect(report.summary == "2 passed, 0 failed; 1 compiled, not run; 2 templates")

        var onlyTemplates = ComparisonReport(passed: 0, failed: 0, mismatches: [], chapters: 1)
        var templates = SnippetTally()
        templates.templates = 2
        onlyTemplates.perChapter = [ChapterTally(path: "chapters/x.md", tally: templates)]
        #expect(onlyTemplates.summary == "0 passed, 0 failed: nothing ran (all 2 snippets are templates, in 1 chapter)")

        var failedOnly = ComparisonReport(passed: 0, failed: 3, mismatches: [], chapters: 2)
        var failed = SnippetTally()
        failed.didNotCompile = 3
        failedOnly.perChapter = [ChapterTally(path: "chapters/x.md", tally: failed)]
        #expect(failedOnly.summary == "0 passed, 3 failed", "it never says nothing ran when something failed")
        #expect(failedOnly.perChapter[0].line == "chapters/x.md: 3 did not compile")
    }
}
