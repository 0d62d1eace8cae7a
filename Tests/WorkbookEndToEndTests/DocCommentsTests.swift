import Foundation
import Testing

/// `doc_comments = "check"` through the `workbook` binary, on the `doc-comments` fixture: a
/// package (the workbook's own folder) whose doc comments hold every kind of example: fenced,
/// indented, two sharing a variable, a `/** */` block, a template, a signature, a shell and a
/// JSON block, examples that must fail (`expect=crash`, `// Error`), and in `Errata.swift` a
/// `// Prints` mismatch and an example that is wrong against the library.
@Suite struct DocCommentsTests {
    static let shelf = "Sources/Shelf/Shelf.swift"
    static let errata = "Sources/Shelf/Errata.swift"

    /// Each file's word on its progress line (`compiled`, `cached`), by path.
    func provenances(_ run: WorkbookRun) -> [String: String] {
        var words: [String: String] = [:]
        for line in run.lines where line.hasPrefix("[") {
            let parts = line.split(separator: ":", maxSplits: 2).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count >= 2 else { continue }
            let path = String(parts[0].split(separator: " ").last ?? "")
            words[path] = String(parts[1].split(separator: " ").first ?? "")
        }
        return words
    }

    @Test func examplesAreCheckedAtTheirSourceLinesAndCachedPerExample() throws {
        let root = try WorkbookProcess.copy(fixture: "doc-comments")
        let first = try WorkbookProcess.run(["check"], in: root, privateCache: true,
                                            environment: ["GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": root.path])
        #expect(first.exitCode == 1, "\(first.stdout)\n\(first.stderr)")
        #expect(first.lines.contains("\(Self.shelf): 7 examples ran, 7 passed, 0 failed; 1 template; 1 signature"), "\(first.stdout)")
        #expect(first.lines.contains("\(Self.errata): 2 examples ran, 0 passed, 2 failed"), "\(first.stdout)")
        #expect(first.lines.contains("Doc comment examples in 2 files: 9 examples ran, 7 passed, 2 failed; 1 template; 1 signature"),
                "\(first.stdout)")
        // The example wrong against the library, at its own line and column of the source file.
        #expect(first.stderr.contains("\(Self.errata):12:25: error: cannot call value of non-function type 'String?'"), "\(first.stderr)")
        // The `// Prints` mismatch, at the comment's line, with its diff.
        #expect(first.stdout.contains("\(Self.errata):5:"), "\(first.stdout)")
        #expect(first.stdout.contains("-false\n+true"), "\(first.stdout)")
        #expect(first.stdout.contains("::error file=\(Self.errata),line=12,col=25::"), "\(first.stdout)")
        #expect(!first.stdout.contains("swift build") && !first.stderr.contains("swift build"), "shell blocks never run")

        let warm = try WorkbookProcess.run(["check"], in: root, privateCache: true)
        #expect(warm.exitCode == 1)
        #expect(!warm.stdout.contains("Building"), "\(warm.stdout)")
        #expect(provenances(warm)[Self.shelf] == "cached", "\(warm.stdout)")

        // An edit to one doc comment runs that comment's example only.
        try root.write(try root.text(Self.errata).replacingOccurrences(of: "// Prints \"false\"", with: "// Prints \"true\""), to: Self.errata)
        let fixed = try WorkbookProcess.run(["check"], in: root, privateCache: true)
        #expect(fixed.lines.contains("\(Self.errata): 2 examples ran, 1 passed, 1 failed"), "\(fixed.stdout)")
        #expect(provenances(fixed)[Self.shelf] == "cached", "\(fixed.stdout)")

        // An edit to the library runs every example again, against the new code.
        try root.write(try root.text(Self.shelf).replacingOccurrences(of: "titles.joined(separator: \", \")", with: "titles.joined(separator: \" / \")"),
                       to: Self.shelf)
        let edited = try WorkbookProcess.run(["check"], in: root, privateCache: true)
        #expect(edited.stdout.contains("Building package product Shelf"), "\(edited.stdout)")
        #expect(provenances(edited)[Self.shelf] != "cached", "\(edited.stdout)")
        #expect(edited.stdout.contains("-Dune, Emma\n+Dune / Emma"), "\(edited.stdout)")
        #expect(edited.lines.contains("\(Self.shelf): 7 examples ran, 6 passed, 1 failed; 1 template; 1 signature"), "\(edited.stdout)")
    }

    @Test func initWritesTheSettingsAndPromoteNeverRewritesASourceFile() throws {
        let root = try WorkbookProcess.copy(fixture: "doc-comments")
        try FileManager.default.removeItem(at: root.appendingPathComponent("workbook.toml"))
        let initialized = try WorkbookProcess.run(["init", "--package", "."], in: root)
        #expect(initialized.exitCode == 0, "\(initialized.stderr)")
        let settings = try root.text("workbook.toml")
        #expect(settings.contains("package = \".\"\n") && settings.contains("products = [\"Shelf\"]\n")
                && settings.contains("doc_comments = \"check\"\n"), "\(settings)")
        let again = try WorkbookProcess.run(["init", "--package", "."], in: root)
        #expect(again.exitCode != 0 && again.stderr.contains("refusing to overwrite"), "\(again.stderr)")

        let before = try [Self.shelf, Self.errata].map { try root.text($0) }
        let promoted = try WorkbookProcess.run(["promote"], in: root, privateCache: true)
        #expect(promoted.exitCode == 1, "\(promoted.stdout)\n\(promoted.stderr)")
        #expect(try [Self.shelf, Self.errata].map { try root.text($0) } == before, "source files are never rewritten")
        #expect(promoted.stdout.contains("-false\n+true"), "\(promoted.stdout)")
        #expect(promoted.stderr.contains("\(Self.errata):12:25: error: "), "\(promoted.stderr)")
        #expect(promoted.stdout.contains("promote does not rewrite source files"), "\(promoted.stdout)")
    }

    /// The README's source file example, in a package of its own, passes as written.
    @Test func theReadmeExampleRunsAsDocumented() throws {
        let text = try String(contentsOf: ReadmeExamplesTests.readme, encoding: .utf8)
        let start = try #require(text.range(of: "\n**A doc comment example.**"))
        let open = try #require(text.range(of: "\n````swift\n", range: start.upperBound..<text.endIndex))
        let close = try #require(text.range(of: "\n````\n", range: open.upperBound..<text.endIndex))
        let root = try WorkbookProcess.copy(fixture: "doc-comments")
        try FileManager.default.removeItem(at: root.appendingPathComponent("Sources"))
        try FileManager.default.removeItem(at: root.appendingPathComponent("workbook.toml"))
        try root.write(try root.text("Package.swift").replacingOccurrences(of: "Shelf", with: "Temperature"), to: "Package.swift")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Sources/Temperature"), withIntermediateDirectories: true)
        try root.write(String(text[open.upperBound..<close.lowerBound]) + "\n", to: "Sources/Temperature/Celsius.swift")
        let initialized = try WorkbookProcess.run(["init", "--package", "."], in: root)
        #expect(initialized.exitCode == 0, "\(initialized.stderr)")
        let run = try WorkbookProcess.run(["check"], in: root, privateCache: true)
        #expect(run.exitCode == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(run.lines.contains("Sources/Temperature/Celsius.swift: 5 examples ran, 5 passed, 0 failed"), "\(run.stdout)")
    }
}
