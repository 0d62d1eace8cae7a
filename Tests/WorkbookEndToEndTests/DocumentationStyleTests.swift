import Foundation
import Testing

/// Chapters written the way Swift documentation is: independent listings, deliberate
/// failures, `// Prints` comments, outputs that vary.
@Suite struct DocumentationStyleTests {
    // MARK: Fences and empty runs

    @Test func capitalizedSwiftFencesRun() throws {
        let run = try WorkbookProcess.run(["check"], fixture: "doc-fence-case")
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.lines.contains("2 passed, 0 failed"), "\(run.stdout)")
    }

    @Test func aWorkbookWhereNothingRanSaysSo() throws {
        let run = try WorkbookProcess.run(["check"], fixture: "doc-nothing-ran")
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.lines.contains("0 passed, 0 failed: nothing ran (the only snippet is 'norun', in 2 chapters)"), "\(run.stdout)")
    }

    // MARK: Ellipses and filters

    @Test func ellipsesLetVaryingOutputsPassAndTheRestIsStillChecked() throws {
        let run = try WorkbookProcess.run(["check", "--no-cache"], fixture: "doc-ellipsis")
        #expect(run.exitCode == 1)
        #expect(run.lines.contains("3 passed, 1 failed"), "\(run.stdout)")
        #expect(run.lines.filter { $0.contains(": the recorded output differs") }.count == 1, "\(run.stdout)")
        #expect(run.stdout.contains("chapters/02-still-checked.md:6: the recorded output differs from the actual output"), "\(run.stdout)")
        #expect(run.stdout.contains("-Summed to 5051 in ... seconds\n+Summed to 5050 in "), "\(run.stdout)")
    }

    @Test func promoteKeepsTheEllipsesThatStillMatch() throws {
        let root = try WorkbookProcess.copy(fixture: "doc-ellipsis")
        try FileManager.default.removeItem(at: root.appendingPathComponent("chapters/02-still-checked.md"))
        let path = "chapters/01-outputs-that-vary.md"
        let before = try root.text(path)
        try root.write(before.replacingOccurrences(of: "print(\"Done.\")", with: "print(\"Finished.\")"), to: path)
        let promote = try WorkbookProcess.run(["promote"], in: root)
        #expect(promote.exitCode == 0, "\(promote.stderr)")
        let after = try root.text(path)
        #expect(after.contains("```output\nThermostat at 0x...\n```"), "\(after)")
        #expect(after.contains("```output\nReport generated on ...T...Z\n```"), "\(after)")
        #expect(after.contains("```output\nReadings:\n...\nFinished.\n```"), "\(after)")
        #expect(try WorkbookProcess.run(["check", "--no-cache"], in: root).exitCode == 0)
    }

    @Test func filtersLetVaryingOutputsPassAndTheRestIsStillChecked() throws {
        let run = try WorkbookProcess.run(["check", "--no-cache"], fixture: "doc-filters")
        #expect(run.exitCode == 1)
        #expect(run.lines.contains("2 passed, 1 failed"), "\(run.stdout)")
        #expect(run.stdout.contains("chapters/02-still-checked.md:6: the recorded output differs from the actual output"), "\(run.stdout)")
        #expect(run.stdout.contains("-Summed to 5051 in … seconds\n+Summed to 5050 in … seconds\n"), "\(run.stdout)")
    }

    @Test func aBadFilterIsAnErrorAtItsKey() throws {
        let root = try WorkbookProcess.copy(fixture: "doc-filters")
        try root.write("core = []\nfilters = [{ pattern = \"(\", replacement = \"x\" }]\n", to: "workbook.toml")
        let run = try WorkbookProcess.run(["check"], in: root)
        #expect(run.exitCode != 0)
        #expect(run.stderr.contains("workbook.toml:2:1: error: filter 1 of 'filters': the filter pattern '(' is not a valid regular expression"), "\(run.stderr)")
    }

    // MARK: Stable hashing

    @Test func setsAndDictionariesPrintTheSameOnEveryRun() throws {
        let root = try WorkbookProcess.copy(fixture: "doc-hashing")
        for _ in 1...3 {
            let run = try WorkbookProcess.run(["check", "--no-cache"], in: root)
            #expect(run.exitCode == 0, "\(run.stdout)\(run.stderr)")
            #expect(run.lines.contains("3 passed, 0 failed"), "\(run.stdout)")
        }
    }

    // MARK: // Prints comments

    @Test func aPrintsMismatchIsReportedAtTheComment() throws {
        let run = try WorkbookProcess.run(["check"], fixture: "doc-prints")
        #expect(run.exitCode == 1)
        #expect(run.stdout.contains("chapters/01-strings-and-characters.md:56:1: the snippet's output differs from its '// Prints' comments\n--- // Prints\n+++ actual\n"), "\(run.stdout)")
        #expect(run.stdout.contains("-unusualMenagerie has 42 characters\n+unusualMenagerie has 40 characters\n"), "\(run.stdout)")
        #expect(run.lines.contains("4 passed, 1 failed"), "\(run.stdout)")
    }

    @Test func promoteRewritesThePrintsComments() throws {
        let root = try WorkbookProcess.copy(fixture: "doc-prints")
        let promote = try WorkbookProcess.run(["promote"], in: root)
        #expect(promote.exitCode == 0, "\(promote.stderr)")
        let path = "chapters/01-strings-and-characters.md"
        #expect(try root.text(path) == WorkbookProcess.fixtures.appendingPathComponent("doc-prints-promoted").text(path))
        let check = try WorkbookProcess.run(["check"], in: root)
        #expect(check.exitCode == 0, "\(check.stdout)")
        #expect(check.lines.contains("5 passed, 0 failed"), "\(check.stdout)")
        #expect(try WorkbookProcess.run(["promote"], in: root).stdout.contains("Nothing to promote."))
    }

    // MARK: Environments

    @Test func isolatedSnippetsMayRedeclareNames() throws {
        let run = try WorkbookProcess.run(["check"], fixture: "doc-isolated")
        #expect(run.exitCode == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.lines.contains("7 passed, 0 failed"), "\(run.stdout)")
    }

    @Test func anEnvironmentIsItsOwnProgram() throws {
        let run = try WorkbookProcess.run(["check"], fixture: "doc-environments")
        #expect(run.exitCode == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.lines.contains("4 passed, 0 failed"), "\(run.stdout)")
    }

    @Test func sixtyIsolatedListingsPass() throws {
        let run = try WorkbookProcess.run(["check"], fixture: "doc-sixty-isolated")
        #expect(run.exitCode == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.lines.contains("60 passed, 0 failed"), "\(run.stdout)")
    }

    @Test func editingOneIsolatedSnippetRunsOnlyItsProgram() throws {
        let root = try WorkbookProcess.copy(fixture: "doc-isolated")
        let results = root.appendingPathComponent(".workbook-cache/results")
        func entries() -> Set<String> {
            let files = FileManager.default.enumerator(atPath: results.path)?.compactMap { $0 as? String } ?? []
            return Set(files.filter { $0.split(separator: "/").last?.count == 64 })
        }
        let cold = try WorkbookProcess.run(["check"], in: root, privateCache: true)
        #expect(cold.exitCode == 0, "\(cold.stdout)\(cold.stderr)")
        #expect(entries().count == 6, "one cached result per program: five isolated snippets and the environment")

        let before = entries()
        let path = "chapters/01-constants-and-variables.md"
        try root.write(try root.text(path).replacingOccurrences(of: "return 42", with: "return 42 // the answer"), to: path)
        let edited = try WorkbookProcess.run(["check"], in: root, privateCache: true)
        #expect(edited.exitCode == 0, "\(edited.stdout)\(edited.stderr)")
        #expect(entries().subtracting(before).count == 1, "the edit ran one program")
        #expect(edited.lines.contains("7 passed, 0 failed"), "\(edited.stdout)")
    }

    // MARK: Expected failures

    @Test func compileErrorsAndTrapsAreRecordedAndChecked() throws {
        let run = try WorkbookProcess.run(["check", "--no-cache"], fixture: "doc-failures")
        #expect(run.exitCode == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.lines.contains("6 passed, 0 failed"), "\(run.stdout)")
    }

    @Test func aSnippetThatCompilesFineOrDoesNotTrapIsAMismatch() throws {
        let root = try WorkbookProcess.copy(fixture: "doc-failures")
        let path = "chapters/01-assertions-and-errors.md"
        try root.write(try root.text(path)
            .replacingOccurrences(of: "let age: Int = \"forty-two\"", with: "let age: Int = 42")
            .replacingOccurrences(of: "let age = -3", with: "let age = 3"), to: path)
        let run = try WorkbookProcess.run(["check"], in: root)
        #expect(run.exitCode == 1)
        #expect(run.stdout.contains("chapters/01-assertions-and-errors.md:10:"), "\(run.stdout)")
        #expect(run.stdout.contains("chapters/01-assertions-and-errors.md:46:"), "\(run.stdout)")
        #expect(run.lines.contains("4 passed, 2 failed"), "\(run.stdout)")
        #expect(!run.stdout.contains(root.path) && !run.stderr.contains(root.path))
    }

    @Test func aCachedExpectedFailureFollowsItsLinesWhenProseMoves() throws {
        let root = try WorkbookProcess.copy(fixture: "doc-failures")
        let path = "chapters/01-assertions-and-errors.md"
        let first = try WorkbookProcess.run(["check"], in: root)
        #expect(first.exitCode == 0, "\(first.stdout)\(first.stderr)")
        // One more line of prose moves every snippet down: the recorded diagnostics name the
        // old lines, which check accepts as moved, from the cache exactly as without it.
        let source = try root.text(path)
        let firstBreak = try #require(source.firstIndex(of: "\n"))
        try root.write(String(source[...firstBreak]) + "\nOne more line of prose.\n" + String(source[source.index(after: firstBreak)...]), to: path)
        let cached = try WorkbookProcess.run(["check"], in: root)
        let fresh = try WorkbookProcess.run(["check", "--no-cache"], in: root)
        #expect(cached.exitCode == 0, "\(cached.stdout)")
        #expect(fresh.exitCode == 0, "\(fresh.stdout)")
        #expect(cached.lines.last == fresh.lines.last, "\(cached.stdout)\n---\n\(fresh.stdout)")
        // promote writes the lines where the snippets now are, and check still agrees.
        #expect(try WorkbookProcess.run(["promote"], in: root).exitCode == 0)
        #expect(try root.text(path).contains("\n\(path):13:16: error: cannot convert"))
        #expect(try WorkbookProcess.run(["check"], in: root).exitCode == 0)
    }

    @Test func promoteRecordsDiagnosticsWithoutAbsolutePathsOrColours() throws {
        let root = try WorkbookProcess.copy(fixture: "doc-failures")
        let path = "chapters/01-assertions-and-errors.md"
        let expected = try root.text(path)
        try root.write(expected.replacingOccurrences(of: "chapters/01-assertions-and-errors.md:11:16: error", with: "stale"), to: path)
        let promote = try WorkbookProcess.run(["promote", "--no-cache"], in: root)
        #expect(promote.exitCode == 0, "\(promote.stderr)")
        let text = try root.text(path)
        #expect(text == expected, "\(text)")
        #expect(!text.contains("\u{1B}["))
    }
}
