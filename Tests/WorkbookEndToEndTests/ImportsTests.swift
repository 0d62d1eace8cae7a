import Foundation
import Testing

/// A chapter program imports what the chapter asks for and nothing else: Foundation only when a
/// snippet imports it or `imports` in `workbook.toml` names it.
@Suite struct ImportsTests {
    /// A chapter whose second snippet formats a number with Foundation's `String(format:)` at
    /// line 12 (line 13 when the first snippet starts with `firstLine`).
    static func chapter(firstLine: String? = nil) -> String {
        """
        # Formats

        ```swift
        \(firstLine.map { $0 + "\n" } ?? "")print("two thirds")
        ```

        ```output
        two thirds
        ```

        ```swift
        print(String(format: "%.3f", 2.0 / 3.0))
        ```

        ```output
        0.667
        ```

        """
    }

    func check(_ chapter: String, settings: String) throws -> WorkbookRun {
        let root = try WorkbookProcess.copy(fixture: "plain")
        try root.write("title = \"Imports\"\n" + settings, to: "workbook.toml")
        try root.write(chapter, to: "chapters/01-one.md")
        return try WorkbookProcess.run(["check", "--no-cache"], in: root)
    }

    @Test(arguments: ["", "snippets = \"notebook\"\n", "snippets = \"isolated\"\n"])
    func foundationUsedWithoutAnImportIsTheCompilersErrorAtTheChaptersLine(settings: String) throws {
        let run = try check(Self.chapter(), settings: settings)
        #expect(run.exitCode == 1, "\(run.stdout)\n\(run.stderr)")
        // Whatever the compiler calls it: no `String(format:)` without Foundation.
        let error = try #require(run.stderr.split(separator: "\n").first { $0.hasPrefix("chapters/01-one.md:12:") }, "\(run.stderr)")
        #expect(error.contains(": error: "), "\(error)")
        #expect(error.contains("no exact matches") || error.contains("cannot find"), "\(error)")
        #expect(!run.stderr.contains("main.swift"), "\(run.stderr)")
        #expect(run.stderr.contains("note: chapter programs import only what the chapter asks for: add 'import Foundation' to a snippet"),
                "\(run.stderr)")
    }

    @Test(arguments: ["", "snippets = \"notebook\"\n"])
    func anImportInAnEarlierSnippetServesTheChaptersLaterSnippets(settings: String) throws {
        let run = try check(Self.chapter(firstLine: "import Foundation"), settings: settings)
        #expect(run.exitCode == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(run.lines.contains("2 passed, 0 failed"), "\(run.stdout)")
    }

    @Test(arguments: ["", "snippets = \"notebook\"\n", "snippets = \"isolated\"\n"])
    func importsInWorkbookTomlServeEveryProgram(settings: String) throws {
        let run = try check(Self.chapter(), settings: settings + "imports = [\"Foundation\"]\n")
        #expect(run.exitCode == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(run.lines.contains("2 passed, 0 failed"), "\(run.stdout)")
    }
}
