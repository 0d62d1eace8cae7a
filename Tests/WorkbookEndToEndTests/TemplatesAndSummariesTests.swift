import Foundation
import Testing

/// Snippets shown and not run: templates (editor placeholders) and `compile` snippets; and
/// the summaries `check` prints per chapter and at the end.
@Suite struct TemplatesAndSummariesTests {
    // MARK: Templates and compile-only snippets

    @Test func templatesAreShownAndCompileSnippetsAreCompiledNotRun() throws {
        let run = try WorkbookProcess.run(["check", "--no-cache"], fixture: "doc-templates-compile")
        #expect(run.exitCode == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(run.lines.contains("chapters/01-functions.md: 3 passed; 1 compiled, not run; 1 template"), "\(run.stdout)")
        #expect(run.lines.contains("chapters/02-waiting.md: 1 passed; 2 compiled, not run"), "\(run.stdout)")
        #expect(run.lines.last { !$0.isEmpty } == "4 passed, 0 failed; 3 compiled, not run; 1 template", "\(run.stdout)")
    }

    @Test func thePageLabelsTemplatesAndCompileSnippets() throws {
        let run = try WorkbookProcess.run(["build"], fixture: "doc-templates-compile")
        #expect(run.exitCode == 0, "\(run.stderr)")
        let page = try run.root.text("site/01-functions.html")
        #expect(page.contains("<div class=\"snippet template\">\n<p class=\"snippet-note\">Template</p>"), "\(page)")
        #expect(page.contains("<div class=\"snippet compile-only\">\n<p class=\"snippet-note\">Compiled, not run</p>"), "\(page)")
        #expect(!page.contains("<samp>serving on"), "a compile snippet has no output")
        #expect(page.contains("serve is (Int) -&gt; Never"), "\(page)")
    }

    @Test func aCompileErrorInACompileSnippetIsReportedAtItsLine() throws {
        let root = try WorkbookProcess.copy(fixture: "doc-templates-compile")
        try root.write("# Broken\n\n```swift compile\nwhile true { undefinedThing() }\n```\n", to: "chapters/03-broken.md")
        let run = try WorkbookProcess.run(["check"], in: root)
        #expect(run.exitCode == 1)
        #expect(run.stderr.contains("chapters/03-broken.md:4:14: error: cannot find 'undefinedThing' in scope"), "\(run.stderr)")
        #expect(run.lines.contains("chapters/03-broken.md: 1 did not compile"), "\(run.stdout)")
        #expect(run.lines.last { !$0.isEmpty } == "4 passed, 1 failed; 3 compiled, not run; 1 template", "\(run.stdout)")
    }

    @Test func contradictoryOptionsAreErrorsAtTheFenceOrThePlaceholder() throws {
        let root = try WorkbookProcess.copy(fixture: "doc-templates-compile")
        try root.write("""
            # Wrong

            ```swift compile norun
            print(1)
            ```

            ```swift compile expect=crash
            fatalError()
            ```

            ```swift env=a
            let x = <#value#>
            ```

            """, to: "chapters/03-wrong.md")
        let run = try WorkbookProcess.run(["check"], in: root)
        #expect(run.exitCode != 0)
        #expect(run.stderr.contains("chapters/03-wrong.md:3:4: error: a snippet cannot be both 'compile' (compiled, not run) and 'norun' (neither)"), "\(run.stderr)")
        #expect(run.stderr.contains("chapters/03-wrong.md:7:4: error: a 'compile' snippet is not run, so it cannot be 'expect=crash'"), "\(run.stderr)")
        #expect(run.stderr.contains("chapters/03-wrong.md:12:9: error: the snippet is a template (its code has the editor placeholder '<#value#>'): it is shown and not run, so it cannot have 'env='"), "\(run.stderr)")
    }

    // MARK: Failed compiles and summaries

    @Test func aFailedCompileIsCachedAndReportedAgain() throws {
        let root = try WorkbookProcess.copy(fixture: "compile-error")
        let cold = try WorkbookProcess.run(["check"], in: root, privateCache: true)
        #expect(cold.exitCode == 1)
        #expect(cold.stdout.contains("chapters/01-broken.md: did not compile ("), "\(cold.stdout)")
        let warm = try WorkbookProcess.run(["check", "--timings"], in: root, privateCache: true)
        #expect(warm.exitCode == 1)
        #expect(warm.lines.contains("[1/2] chapters/01-broken.md: did not compile (cached)"), "\(warm.stdout)")
        #expect(warm.stderr == cold.stderr, "the cached failure reports the same errors")
        #expect(!warm.stdout.contains("cached or had nothing to run"), "\(warm.stdout)")
        #expect(warm.stdout.contains("No snippet ran to the end: 1 chapter failed (see the errors above), 1 cached."), "\(warm.stdout)")

        // Moving the snippet (prose above it) compiles it again, so the errors name its new lines.
        let path = "chapters/01-broken.md"
        try root.write("Added line.\n\n" + (try root.text(path)), to: path)
        let moved = try WorkbookProcess.run(["check"], in: root, privateCache: true)
        #expect(moved.stdout.contains("chapters/01-broken.md: did not compile (") && !moved.stdout.contains("did not compile (cached)"), "\(moved.stdout)")
        #expect(moved.stderr != cold.stderr, "\(moved.stderr)")
    }
}

extension TemplatesAndSummariesTests {
    @Test func aChapterWhoseProgramsPartlyCompiledSaysHowMany() throws {
        let root = try WorkbookProcess.copy(fixture: "doc-isolated")
        try root.write("""
            # Five listings

            ```swift
            print(1)
            ```

            ```output
            1
            ```

            ```swift
            let wrong: Int = "one"
            ```

            ```swift
            print(3)
            ```

            ```output
            3
            ```

            ```swift
            print(notDeclared)
            ```

            ```swift
            print(5)
            ```

            ```output
            5
            ```

            """, to: "chapters/01-constants-and-variables.md")
        let cold = try WorkbookProcess.run(["check"], in: root, privateCache: true)
        #expect(cold.exitCode == 1)
        #expect(cold.stdout.contains("[1/1] chapters/01-constants-and-variables.md: 2 of 5 programs did not compile, the other 3 ran ("), "\(cold.stdout)")
        #expect(cold.lines.contains("chapters/01-constants-and-variables.md: 3 passed, 2 did not compile"), "\(cold.stdout)")
        #expect(cold.lines.contains("3 passed, 2 failed"), "\(cold.stdout)")
        let warm = try WorkbookProcess.run(["check"], in: root, privateCache: true)
        #expect(warm.lines.contains("[1/1] chapters/01-constants-and-variables.md: 2 of 5 programs did not compile; all 5 cached"), "\(warm.stdout)")
        #expect(warm.stderr == cold.stderr, "\(warm.stderr)")
        #expect(warm.lines.contains("3 passed, 2 failed"), "\(warm.stdout)")
    }
}

extension TemplatesAndSummariesTests {
    @Test func aCrashIsCountedAsFailedAtRunTimeAndIsRunAgain() throws {
        let root = try WorkbookProcess.copy(fixture: "crash")
        let run = try WorkbookProcess.run(["check"], in: root, privateCache: true)
        #expect(run.exitCode == 1)
        #expect(run.stdout.contains("[1/1] chapters/01-crash.md: failed at run time ("), "\(run.stdout)")
        #expect(run.lines.contains("chapters/01-crash.md: 1 passed, 2 failed at run time"), "\(run.stdout)")
        #expect(run.lines.contains("1 passed, 2 failed"), "\(run.stdout)")
        let again = try WorkbookProcess.run(["check"], in: root, privateCache: true)
        #expect(!again.stdout.contains("(cached)"), "only compile failures are cached: \(again.stdout)")
    }
}
