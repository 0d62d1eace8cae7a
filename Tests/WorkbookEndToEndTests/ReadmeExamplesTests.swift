import Foundation
import Testing

/// The README's examples of documentation-style chapters, run as written: the first
/// ````markdown block after each feature's paragraph is a chapter that must pass `check`.
@Suite struct ReadmeExamplesTests {
    static let readme = WorkbookProcess.fixtures.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md")

    /// The text of the first ````markdown block after the paragraph starting with `heading`.
    static func example(after heading: String) throws -> String {
        let text = try String(contentsOf: readme, encoding: .utf8)
        let start = try #require(text.range(of: "\n" + heading), "no paragraph '\(heading)' in the README")
        let open = try #require(text.range(of: "\n````markdown\n", range: start.upperBound..<text.endIndex))
        let close = try #require(text.range(of: "\n````\n", range: open.upperBound..<text.endIndex))
        return String(text[open.upperBound..<close.lowerBound]) + "\n"
    }

    @Test(arguments: [
        ("**Notebook scoping.**", "snippets = \"notebook\"\nprints = \"check\"\n", "2 passed, 0 failed"),
        ("**Apple's `// Error` comments.**", "snippets = \"notebook\"\nprints = \"check\"\n", "2 passed, 0 failed"),
        ("**Listings in notes and lists.**", "snippets = \"notebook\"\nprints = \"check\"\n", "1 passed, 0 failed"),
        ("**Implicit imports.**", "snippets = \"notebook\"\nprints = \"check\"\nimports = [\"RegexBuilder\"]\n", "1 passed, 0 failed"),
    ])
    func theExampleRunsAsDocumented(heading: String, settings: String, summary: String) throws {
        let root = try WorkbookProcess.copy(fixture: "doc-notebook")
        try root.write(settings, to: "workbook.toml")
        try root.write(try Self.example(after: heading), to: "chapters/01-session.md")
        let run = try WorkbookProcess.run(["check", "--no-cache"], in: root)
        #expect(run.exitCode == 0, "\(heading)\n\(run.stdout)\n\(run.stderr)")
        #expect(run.lines.contains(summary), "\(heading)\n\(run.stdout)")
    }
}
