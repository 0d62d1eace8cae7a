import Foundation
import Testing

/// `snippets = "notebook"`: listings that continue and redeclare like REPL cells, each failing
/// alone; and `imports`, the modules every program imports unseen.
@Suite struct NotebookTests {
    @Test func listingsContinueRedeclareAndFailAlone() throws {
        let run = try WorkbookProcess.run(["check", "--no-cache"], fixture: "doc-notebook")
        #expect(run.exitCode == 1)
        // Redeclared constants, functions, structs, an extension and a conformance of the
        // struct in force, an operator, `expect=error`, `expect=crash` and `env=` all pass;
        // the deliberate error, the snippet that needed its constant and the trap fail.
        #expect(run.lines.contains("17 passed, 4 failed"), "\(run.stdout)\n\(run.stderr)")
        // Listings that fail at their `// Error` lines pass, and keep their other declarations.
        #expect(!run.stderr.contains("'two'") && !run.stderr.contains("twice"), "\(run.stderr)")
        #expect(run.stderr.contains("chapters/01-session.md:49:18: error: cannot convert value of type 'String' to specified type 'Int'"), "\(run.stderr)")
        #expect(run.stderr.contains("chapters/01-session.md:54:7: error: cannot find 'bonus' in scope ('bonus' is declared by the snippet at chapters/01-session.md:48, which failed)"), "\(run.stderr)")
        #expect(run.stderr.contains("chapters/01-session.md:59: error: the snippet crashed"), "\(run.stderr)")
        #expect(run.stderr.contains("Precondition failed: A person's age can't be less than zero."), "\(run.stderr)")
        #expect(!run.stderr.contains("cannot find 'age'"), "\(run.stderr)")
        // No version suffix ever shows.
        #expect(!run.stdout.contains("ǂ") && !run.stderr.contains("ǂ"))
    }

    @Test func theSameChapterSharedFailsAsOneProgram() throws {
        let root = try WorkbookProcess.copy(fixture: "doc-notebook")
        try root.write("title = \"Notebook scoping\"\nprints = \"check\"\n", to: "workbook.toml")
        let run = try WorkbookProcess.run(["check", "--no-cache"], in: root)
        #expect(run.exitCode == 1)
        #expect(run.stderr.contains("invalid redeclaration of 'pi'"), "\(run.stderr)")
    }

    @Test func implicitImportsAreImportedByEveryProgramAndUnknownOnesAreErrorsAtTheKey() throws {
        let root = try WorkbookProcess.copy(fixture: "doc-notebook")
        try root.write("""
            snippets = "notebook"
            imports = ["RegexBuilder"]
            """, to: "workbook.toml")
        try root.write("""
            ```swift
            let word = Regex { OneOrMore(.word) }
            print("a bc".firstMatch(of: word)!.output)
            ```

            ```output
            a
            ```

            ```swift expect=error
            let other: Int = Regex { OneOrMore(.digit) }
            ```

            ```output
            chapters/01-session.md:11:18: error: cannot convert value of type 'Regex<Substring>' to specified type 'Int'
            ```

            """, to: "chapters/01-session.md")
        let run = try WorkbookProcess.run(["check", "--no-cache"], in: root)
        #expect(run.exitCode == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(run.lines.contains("2 passed, 0 failed"), "\(run.stdout)")

        try root.write("imports = [\"RegexBuilder\", \"NoSuchModule\"]\n", to: "workbook.toml")
        let bad = try WorkbookProcess.run(["check", "--no-cache"], in: root)
        #expect(bad.exitCode != 0)
        #expect(bad.stderr.contains("workbook.toml:1:1: error: 'NoSuchModule' in 'imports' is neither a module of the package's products nor a module of the Swift toolchain"), "\(bad.stderr)")
    }
}

extension NotebookTests {
    @Test func aListingInsideANoteRunsAndTheNoteIsShownWhole() throws {
        let root = try WorkbookProcess.copy(fixture: "doc-notebook")
        try root.write("snippets = \"notebook\"\nprints = \"check\"\n", to: "workbook.toml")
        try root.write("""
            # Notes

            ```swift
            let numbers = [3, 1, 2]
            ```

            > Note: A trailing closure can follow any call:
            >
            > ```swift
            > let sorted = numbers.sorted { $0 < $1 }
            > print(sorted)  // Prints "[1, 2, 3]"
            > ```

            ```swift
            print(sorted.count)
            // Prints "3"
            ```

            """, to: "chapters/01-session.md")
        let check = try WorkbookProcess.run(["check", "--no-cache"], in: root)
        #expect(check.exitCode == 0, "\(check.stdout)\n\(check.stderr)")
        #expect(check.lines.contains("3 passed, 0 failed"), "\(check.stdout)")

        try root.write(try root.text("chapters/01-session.md").replacingOccurrences(of: "// Prints \"[1, 2, 3]\"", with: "// Prints \"[3, 2, 1]\""),
                       to: "chapters/01-session.md")
        let mismatch = try WorkbookProcess.run(["check"], in: root)
        #expect(mismatch.exitCode == 1)
        #expect(mismatch.stdout.contains("chapters/01-session.md:11:"), "\(mismatch.stdout)")
        let promote = try WorkbookProcess.run(["promote"], in: root)
        #expect(try root.text("chapters/01-session.md").contains("> print(sorted)  // Prints \"[3, 2, 1]\""), "\(promote.stdout)")

        try root.write(try root.text("chapters/01-session.md").replacingOccurrences(of: "[3, 2, 1]", with: "[1, 2, 3]"),
                       to: "chapters/01-session.md")
        let build = try WorkbookProcess.run(["build"], in: root)
        #expect(build.exitCode == 0, "\(build.stderr)")
        let page = try root.text("site/01-session.html")
        #expect(page.components(separatedBy: "numbers.sorted").count == 2, "the listing is shown once, inside its note")
        #expect(page.contains("<blockquote") || page.contains("callout"), "\(page)")
    }
}

extension NotebookTests {
    @Test func aCompileOnlyListingIsNotBlamedForAnotherListingsError() throws {
        let root = try WorkbookProcess.copy(fixture: "doc-notebook")
        try root.write("snippets = \"notebook\"\nprints = \"check\"\n", to: "workbook.toml")
        try root.write("""
            ```swift compile
            func serve(port: Int) -> Never {
                while true { sleep(1) }
            }
            serve(port: 8080)
            ```

            ```swift
            let port = 9090
            print(port)
            // Prints "9090"
            ```

            ```swift
            serve(port: "eighty")
            ```

            """, to: "chapters/01-session.md")
        let run = try WorkbookProcess.run(["check", "--no-cache"], in: root)
        #expect(run.exitCode == 1)
        #expect(run.lines.contains("chapters/01-session.md: 1 passed, 1 did not compile; 1 compiled, not run"), "\(run.stdout)\n\(run.stderr)")
        #expect(run.stderr.contains("chapters/01-session.md:15:13: error: cannot convert value of type 'String' to expected argument type 'Int'"), "\(run.stderr)")
    }
}

extension NotebookTests {
    @Test func aGlobalOfAnotherDeclarationsOpaqueTypeRunsAsTopLevelCode() throws {
        let root = try WorkbookProcess.copy(fixture: "doc-notebook")
        try root.write("prints = \"check\"\n", to: "workbook.toml")
        try root.write("""
            ```swift
            protocol Shape { func draw() -> String }
            struct Square: Shape { func draw() -> String { "■" } }
            func makeShape() -> some Shape { Square() }
            let shape = makeShape()
            print(shape.draw())
            // Prints "■"
            ```

            """, to: "chapters/01-session.md")
        let run = try WorkbookProcess.run(["check", "--no-cache"], in: root)
        #expect(run.exitCode == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(run.lines.contains("1 passed, 0 failed"), "\(run.stdout)")
    }
}
