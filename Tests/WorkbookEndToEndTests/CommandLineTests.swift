import Foundation
import Testing

/// The command-line experience: `init`, finding the workbook, `--version`, `clean`, chapter
/// arguments, the package-build progress line, GitHub annotations and `--timings`.
@Suite struct CommandLineTests {
    /// A new, empty folder for tests that start from nothing.
    func emptyFolder() throws -> URL {
        let folder = WorkbookProcess.copies.appendingPathComponent("empty-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    func exists(_ path: String, in root: URL) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
    }

    @Test func initMakesAWorkbookThatChecksAndBuildsAtOnce() throws {
        let folder = try emptyFolder()
        let created = try WorkbookProcess.run(["init", "my-notes"], in: folder)
        #expect(created.exitCode == 0, "\(created.stderr)")
        #expect(created.lines.contains("created my-notes/workbook.toml"), "\(created.stdout)")
        let root = folder.appendingPathComponent("my-notes")
        let toml = try root.text("workbook.toml")
        #expect(toml.contains("# "), "the settings are commented")
        #expect(try root.text(".gitignore").contains("/.workbook-cache/"))
        #expect(try root.text(".gitignore").contains("/site/"))

        let check = try WorkbookProcess.run(["check"], in: root)
        #expect(check.exitCode == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.lines.contains("1 passed, 0 failed"), "\(check.stdout)")
        let build = try WorkbookProcess.run(["build"], in: root)
        #expect(build.exitCode == 0, "\(build.stderr)")
        #expect(exists("site/01-first.html", in: root))
    }

    @Test func initRefusesToOverwriteAnything() throws {
        let root = try emptyFolder()
        try root.write("title = \"Mine\"\n", to: "workbook.toml")
        let run = try WorkbookProcess.run(["init"], in: root)
        #expect(run.exitCode == 1)
        #expect(run.stderr.contains("workbook.toml: error: refusing to overwrite an existing file"), "\(run.stderr)")
        #expect(try root.text("workbook.toml") == "title = \"Mine\"\n")
        #expect(!exists("chapters", in: root) && !exists(".gitignore", in: root), "nothing at all is written")
    }

    @Test func commandsFindTheWorkbookFromASubfolder() throws {
        let root = try WorkbookProcess.copy(fixture: "notebook")
        let run = try WorkbookProcess.run(["check"], in: root.appendingPathComponent("chapters"))
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.lines.contains("9 passed, 0 failed"), "\(run.stdout)")
    }

    @Test func withoutAWorkbookTheErrorSaysSoAndSuggestsInit() throws {
        let folder = try emptyFolder()
        let run = try WorkbookProcess.run(["build"], in: folder)
        #expect(run.exitCode == 64)
        #expect(run.stderr == "\(folder.path): error: no workbook.toml in '\(folder.path)' or any parent folder; run `workbook init` to start a workbook here, or pass --root\n", "\(run.stderr)")
        #expect(!exists("site", in: folder))
    }

    @Test func versionIsPrinted() throws {
        let run = try WorkbookProcess.run(["--version"], in: try emptyFolder())
        #expect(run.exitCode == 0)
        #expect(run.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(run.stdout)")
    }

    @Test func cleanRemovesTheCacheAndASiteWorkbookMadeOnly() throws {
        let root = try WorkbookProcess.copy(fixture: "tiny-package")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("site"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".workbook-cache/results/ab"), withIntermediateDirectories: true)
        try root.write("made by workbook\n", to: "site/.workbook-site")
        try root.write("<p>old</p>\n", to: "site/index.html")
        try root.write("{}\n", to: ".workbook-cache/results/ab/entry.json")
        let run = try WorkbookProcess.run(["clean"], in: root, privateCache: true)
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(!exists("site", in: root) && !exists(".workbook-cache", in: root))
        #expect(exists("chapters/01-double.md", in: root) && exists("workbook.toml", in: root))
        #expect(exists("Tiny/Package.swift", in: root) && exists("Tiny/Sources/Tiny/Tiny.swift", in: root), "the package is the user's")
        let again = try WorkbookProcess.run(["clean"], in: root, privateCache: true)
        #expect(again.lines.contains("Nothing to clean."), "\(again.stdout)")
    }

    @Test func cleanKeepsASiteFolderItDidNotMake() throws {
        let root = try WorkbookProcess.copy(fixture: "notebook")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("site"), withIntermediateDirectories: true)
        try root.write("my own notes\n", to: "site/notes.txt")
        let run = try WorkbookProcess.run(["clean"], in: root, privateCache: true)
        #expect(run.exitCode == 1)
        #expect(run.stderr.contains("site: error: kept: it has no .workbook-site file, so workbook did not make it"), "\(run.stderr)")
        #expect(try root.text("site/notes.txt") == "my own notes\n")
    }

    @Test func checkAndPromoteRunOnlyTheNamedChapters() throws {
        let root = try WorkbookProcess.copy(fixture: "unpromoted")
        let check = try WorkbookProcess.run(["check", "chapters/02-isolated.md"], in: root)
        #expect(check.lines.contains { $0.hasPrefix("[1/1] chapters/02-isolated.md: ") }, "\(check.stdout)")
        #expect(!check.stdout.contains("01-basics"), "\(check.stdout)")
        let before = try root.text("chapters/01-basics.md")
        let promote = try WorkbookProcess.run(["promote", "02-isolated.md"], in: root.appendingPathComponent("chapters"))
        #expect(promote.exitCode == 0, "\(promote.stderr)")
        #expect(promote.lines.contains("promoted chapters/02-isolated.md"), "\(promote.stdout)")
        #expect(try root.text("chapters/01-basics.md") == before)
        let recheck = try WorkbookProcess.run(["check", "chapters/02-isolated.md"], in: root)
        #expect(recheck.exitCode == 0, "\(recheck.stdout)")
    }

    @Test func anUnknownChapterArgumentIsAUsageError() throws {
        let run = try WorkbookProcess.run(["check", "chapters/09-missing.md"], fixture: "notebook")
        #expect(run.exitCode == 64)
        #expect(run.stderr.hasPrefix("chapters/09-missing.md: error: not a chapter of the workbook"), "\(run.stderr)")
    }

    @Test func buildWithNamedChaptersRendersTheWholeSite() throws {
        let root = try WorkbookProcess.copy(fixture: "notebook")
        let path = "chapters/01-basics.md"
        // An edit nobody ran: an unselected chapter that is not cached shows its recorded outputs.
        try root.write(try root.text(path).replacingOccurrences(of: "bump(by: 2)", with: "bump(by: 7)"), to: path)
        let run = try WorkbookProcess.run(["build", "chapters/02-isolated.md"], in: root, privateCache: true)
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.lines.contains("[1/2] chapters/01-basics.md: not selected, not cached: recorded outputs used"), "\(run.stdout)")
        #expect(run.lines.contains { $0.hasPrefix("[2/2] chapters/02-isolated.md: compiled") }, "\(run.stdout)")
        #expect(try root.text("site/01-basics.html").contains("total = 42"))
        #expect(exists("site/02-isolated.html", in: root))
    }

    @Test func aProgressLineNamesThePackageProductWhileItBuilds() throws {
        let root = try WorkbookProcess.copy(fixture: "tiny-package")
        let first = try WorkbookProcess.run(["check"], in: root, privateCache: true)
        #expect(first.exitCode == 0, "\(first.stdout)\(first.stderr)")
        #expect(first.lines.first == "Building package product Tiny…", "\(first.stdout)")
        #expect(first.lines.contains { $0.range(of: #"^Built package product Tiny in \d+\.\d\d s$"#, options: .regularExpression) != nil },
                "\(first.stdout)")
        let path = "chapters/02-isolated.md"
        try root.write(try root.text(path).replacingOccurrences(of: "var total = double(1)", with: "var total = double(1) // again"), to: path)
        let second = try WorkbookProcess.run(["check"], in: root, privateCache: true)
        #expect(second.exitCode == 0, "\(second.stdout)\(second.stderr)")
        #expect(second.lines.contains { $0.hasPrefix("[2/2] chapters/02-isolated.md: compiled") }, "a chapter runs: \(second.stdout)")
        #expect(!second.stdout.contains("package product"), "a built package is not built again: \(second.stdout)")
    }

    @Test func inGitHubActionsErrorsAndMismatchesAreAlsoAnnotations() throws {
        let root = try WorkbookProcess.copy(fixture: "notebook")
        let path = "chapters/01-basics.md"
        try root.write(try root.text(path).replacingOccurrences(of: "bump(by: 2)", with: "bump(by: 3)"), to: path)
        let plain = try WorkbookProcess.run(["check"], in: root)
        #expect(!plain.stdout.contains("::error"))
        let run = try WorkbookProcess.run(["check"], in: root, environment: ["GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": root.path])
        #expect(run.exitCode == 1)
        #expect(run.lines.contains { $0.hasPrefix("::error file=chapters/01-basics.md,line=18::the recorded output differs from the actual output%0A") },
                "\(run.stdout)")

        let crash = try WorkbookProcess.copy(fixture: "compile-error")
        let failed = try WorkbookProcess.run(["check"], in: crash, environment: ["GITHUB_ACTIONS": "true"])
        #expect(failed.exitCode != 0)
        #expect(failed.lines.contains { $0.range(of: #"^::error file=chapters/[^,]+\.md,line=\d+,col=\d+::"#, options: .regularExpression) != nil },
                "\(failed.stdout)\(failed.stderr)")
    }

    @Test func timingsListEachChapterAndTheSlowestSnippets() throws {
        let root = try WorkbookProcess.copy(fixture: "notebook")
        try root.write("# Slow\n\n```swift\nimport Foundation\nThread.sleep(forTimeInterval: 0.3)\nprint(\"slept\")\n```\n\n```output\nslept\n```\n",
                       to: "chapters/03-slow.md")
        let run = try WorkbookProcess.run(["check", "--timings", "--no-cache"], in: root)
        #expect(run.exitCode == 0, "\(run.stderr)")
        let lines = run.lines
        let header = try #require(lines.firstIndex(of: "Timings (compile and run, per chapter):"), "\(run.stdout)")
        #expect(lines[header + 1].range(of: #"^  chapters/01-basics\.md +compile \d+\.\d\d s, run \d+\.\d\d s$"#, options: .regularExpression) != nil,
                "\(run.stdout)")
        let slowest = try #require(lines.firstIndex(of: "Slowest snippets (run time measured by the chapter's program):"))
        let listed = lines[(slowest + 1)...].prefix { $0.hasPrefix("  chapters/") }
        #expect(listed.count == 10, "the notebook has more than ten snippets: \(run.stdout)")
        // Slowest first; the snippet that sleeps 0.3 s is listed with at least that (its sleep
        // guarantees the lower bound; no upper bound depends on the machine's load).
        let seconds = listed.map { Double($0.split(separator: " ").dropLast().last ?? "") ?? -1 }
        #expect(seconds.allSatisfy { $0 >= 0 } && seconds == seconds.sorted(by: >), "\(run.stdout)")
        let slow = try #require(listed.first { $0.hasPrefix("  chapters/03-slow.md:3  ") }, "\(run.stdout)")
        #expect((Double(slow.split(separator: " ").dropLast().last ?? "") ?? 0) >= 0.3, "\(slow)")
    }
}
