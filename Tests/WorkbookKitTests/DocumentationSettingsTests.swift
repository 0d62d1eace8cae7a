import Testing
import TOMLKit
@testable import WorkbookKit

@Suite struct DocumentationOptionsTests {
    @Test func environmentAndExpectationAreRead() {
        var options = DocumentationOptions()
        #expect(options.read("env=shapes") == .read)
        #expect(options.read("expect=crash") == .read)
        #expect(options.read("hide") == .notDocumentation)
        #expect(options == DocumentationOptions(environment: "shapes", expect: .crash))
    }

    @Test(arguments: [
        (["env="], "needs a name"),
        (["env=a b"], "may only use"),
        (["env=é"], "may only use"),
        (["env=a", "env=b"], "given twice"),
        (["expect=warning"], "unknown expectation 'warning' (known: error, crash)"),
        (["expect=error", "expect=crash"], "given twice"),
    ])
    func badWordsAreInvalid(words: [String], message: String) {
        var options = DocumentationOptions()
        let results = words.map { options.read(Substring($0)) }
        guard case .invalid(let text) = results.last else {
            Issue.record("expected an invalid word, got \(results)")
            return
        }
        #expect(text.contains(message), "\(text)")
    }

    @Test func conflictsWithOtherOptionsAreProblems() {
        #expect(DocumentationOptions(environment: "a").problems(with: SnippetOptions(norun: true)).count == 1)
        #expect(DocumentationOptions(expect: .error).problems(with: SnippetOptions(output: .html)).count == 1)
        #expect(DocumentationOptions(environment: "a", expect: .crash).problems(with: SnippetOptions(hide: true)) == [])
    }
}

@Suite struct DocumentationConfigTests {
    func read(_ toml: String) throws -> DocumentationConfig {
        let table = try TOMLTable(string: toml)
        var config = DocumentationConfig()
        for key in table.keys { try config.read(key: key, value: table[key]!) }
        return config
    }

    @Test func defaultsAreSharedIgnoredUnfiltered() {
        #expect(DocumentationConfig() == DocumentationConfig(snippets: .shared, prints: .ignore, filters: []))
    }

    @Test func theKeysAreRead() throws {
        let config = try read("""
            snippets = "isolated"
            prints = "check"
            filters = [
              { pattern = "0x[0-9a-f]+", replacement = "0x…" },
              { pattern = "[0-9.]+ ms", replacement = "… ms" },
            ]
            """)
        #expect(config.snippets == .isolated)
        #expect(config.prints == .check)
        #expect(config.filters.map(\.pattern) == ["0x[0-9a-f]+", "[0-9.]+ ms"])
        #expect(config.comparison.prints)
    }

    @Test(arguments: [
        ("snippets = \"separate\"", "'snippets' must be \"shared\", \"isolated\" or \"notebook\", not \"separate\""),
        ("prints = true", "'prints' must be \"ignore\" or \"check\""),
        ("filters = \"x\"", "must be a list of tables"),
        ("filters = [{ pattern = \"(\", replacement = \"\" }]", "filter 1 of 'filters': the filter pattern '(' is not a valid regular expression"),
        ("filters = [{ pattern = \"a\" }]", "needs a 'replacement'"),
        ("filters = [{ pattern = \"a\", replacement = \"b\", flags = \"i\" }]", "unknown key 'flags'"),
    ])
    func badValuesAreProblems(toml: String, message: String) {
        do {
            _ = try read(toml)
            Issue.record("no problem for \(toml)")
        } catch let problem as DocumentationConfig.Problem {
            #expect(problem.message.contains(message), "\(problem.message)")
        } catch {
            Issue.record("\(error)")
        }
    }
}

@Suite struct NothingRanTests {
    func report(_ sources: [String]) throws -> ComparisonReport {
        let chapters = try sources.enumerated().map { index, source in
            let chapter = try SnippetExtractor().extract(path: "chapters/0\(index)-x.md", source: source)
            return ExecutedChapter(chapter: chapter, outputs: chapter.snippets.map { _ in nil }, provenance: .nothingToRun, seconds: 0)
        }
        return OutputComparison().compare(chapters)
    }

    @Test func aWorkbookWithoutSnippetsSaysNothingRan() throws {
        #expect(try report(["# Prose\n", "```python\nprint(1)\n```\n"]).summary
            == "0 passed, 0 failed: nothing ran (no ```swift snippet in 2 chapters)")
    }

    @Test func onlyNorunSnippetsSaySo() throws {
        #expect(try report(["```swift norun\nx\n```\n```swift norun\ny\n```\n"]).summary
            == "0 passed, 0 failed: nothing ran (all 2 snippets are 'norun', in 1 chapter)")
    }

    @Test func aCapitalizedLanguageIsASnippet() throws {
        let chapter = try SnippetExtractor().extract(path: "c.md", source: "```Swift\nprint(1)\n```\n\n```SWIFT hide\nprint(2)\n```\n")
        #expect(chapter.snippets.count == 2)
        #expect(chapter.snippets[1].options.hide)
    }
}
