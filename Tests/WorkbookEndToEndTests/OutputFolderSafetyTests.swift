import Foundation
import Synchronization
import Testing

/// `build` replaces only a folder it made: everything else at the output path is refused with a
/// located error, before anything runs, and left untouched.
@Suite struct OutputFolderSafetyTests {
    static func configured(output: String) throws -> URL {
        let root = try WorkbookProcess.copy(fixture: "plain")
        try root.write("title = \"Plain\"\ncore = []\noutput = \"\(output)\"\n", to: "workbook.toml")
        return root
    }

    /// Names and sizes of everything below `folder` (hidden files included).
    static func snapshot(_ folder: URL) -> [String: Int] {
        var entries: [String: Int] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.fileSizeKey])
        while let url = enumerator?.nextObject() as? URL {
            entries[url.path] = (try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? -1
        }
        return entries
    }

    @Test(arguments: [".", "./", "chapters", ".workbook-cache", "theme"])
    func configuredOutputThatWouldReplaceTheWorkbookIsRefused(output: String) throws {
        let root = try Self.configured(output: output)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("theme"), withIntermediateDirectories: true)
        try root.write("p { }\n", to: "theme/style.css")
        let before = Self.snapshot(root)
        let run = try WorkbookProcess.run(["build"], in: root, privateCache: true)
        #expect(run.exitCode != 0)
        #expect(run.stderr.hasPrefix("workbook.toml:3:1: error: 'output'"), "\(run.stderr)")
        #expect(!run.stdout.contains("[1/1]"), "nothing runs before the refusal")
        #expect(Self.snapshot(root) == before)
    }

    @Test func outputAboveTheWorkbookIsRefused() throws {
        let parent = try WorkbookProcess.copy(fixture: "plain")
        let sibling = parent.appendingPathComponent("sibling-project")
        try FileManager.default.createDirectory(at: sibling, withIntermediateDirectories: true)
        try parent.write("keep me\n", to: "sibling-project/README.md")
        let root = parent.appendingPathComponent("inner")
        try FileManager.default.copyItem(at: WorkbookProcess.fixtures.appendingPathComponent("plain"), to: root)
        try root.write("core = []\noutput = \"..\"\n", to: "workbook.toml")
        let run = try WorkbookProcess.run(["build"], in: root)
        #expect(run.exitCode != 0)
        #expect(run.stderr.contains("workbook.toml:2:1: error: 'output' (..) is the workbook folder or a folder above it"), "\(run.stderr)")
        #expect(try parent.text("sibling-project/README.md") == "keep me\n")
        let option = try WorkbookProcess.run(["build", "--output", ".."], in: root)
        #expect(option.stderr.hasPrefix("..: error: '--output ..' is the workbook folder"), "\(option.stderr)")
        #expect(try parent.text("sibling-project/README.md") == "keep me\n")
    }

    @Test func outputThatIsAFileIsRefused() throws {
        let root = try WorkbookProcess.copy(fixture: "plain")
        try root.write("my notes\n", to: "NOTES.txt")
        let run = try WorkbookProcess.run(["build", "--output", "NOTES.txt"], in: root)
        #expect(run.exitCode != 0)
        #expect(run.stderr == "NOTES.txt: error: '--output NOTES.txt' is a file, not a folder; the site is written to a folder of its own\n")
        #expect(try root.text("NOTES.txt") == "my notes\n")
    }

    @Test func handWrittenFolderIsRefusedWithAWayOut() throws {
        let root = try Self.configured(output: "docs")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("docs"), withIntermediateDirectories: true)
        try root.write("# Guide\n", to: "docs/guide.md")
        let run = try WorkbookProcess.run(["build"], in: root)
        #expect(run.exitCode != 0)
        #expect(run.stderr.contains("workbook.toml:3:1: error: 'output' (docs) is a folder that workbook did not make"))
        #expect(run.stderr.contains("remove it or pick another output folder"))
        #expect(try root.text("docs/guide.md") == "# Guide\n")
    }

    @Test func aSiteWorkbookMadeIsMarkedAndReplacedAndAnEmptyFolderIsUsed() throws {
        let root = try Self.configured(output: "docs")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("docs"), withIntermediateDirectories: true)
        let first = try WorkbookProcess.run(["build"], in: root)
        #expect(first.exitCode == 0, "\(first.stderr)")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("docs/.workbook-site").path))
        try root.write("stale\n", to: "docs/old.html")
        let second = try WorkbookProcess.run(["build"], in: root)
        #expect(second.exitCode == 0, "\(second.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("docs/old.html").path))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("docs/01-one.html").path))
    }

    @Test func whatAKilledBuildLeftBesideTheSiteIsRemoved() throws {
        let root = try WorkbookProcess.copy(fixture: "plain")
        // Process ids above the kernel's limit (4194304) never run.
        let leftovers = [".site.new-99999999-12345", ".site.old-99999999-67890"]
        for name in leftovers {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(name), withIntermediateDirectories: true)
            try root.write("<p>old</p>\n", to: "\(name)/index.html")
        }
        try root.write("half\n", to: "chapters/.01-one.md.99999999-\(UUID().uuidString).tmp")
        try root.write("half\n", to: "chapters/.01-one.md.\(UUID().uuidString).tmp")
        try root.write("mine\n", to: "chapters/.notes.tmp")
        let run = try WorkbookProcess.run(["build"], in: root)
        #expect(run.exitCode == 0, "\(run.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: root.path)
        #expect(!names.contains { $0.hasPrefix(".site.") }, "\(names)")
        let chapterNames = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("chapters").path)
        #expect(chapterNames.sorted() == [".notes.tmp", "01-one.md"])
    }
}

/// Two `build`s of one workbook at once (two CI steps, or `serve` beside a `build`) both
/// succeed: they take turns at swapping the site in.
@Suite struct ConcurrentBuildTests {
    @Test func twoBuildsOfOneWorkbookAtOnceBothSucceed() throws {
        let root = try WorkbookProcess.copy(fixture: "plain")
        try root.write("# Today\n\nWritten on {{DATE_ISO}}.\n", to: "chapters/02-today.md")
        #expect(try WorkbookProcess.run(["build"], in: root).exitCode == 0)
        // Each build's site differs from the one before (another date), so every build swaps
        // a new site in; a few rounds give the two many chances to meet.
        for round in 1...4 {
            let dates = ["2026-01-\(10 + 2 * round)", "2026-01-\(11 + 2 * round)"]
            let runs = Mutex<[WorkbookRun?]>([nil, nil])
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                let run = try? WorkbookProcess.run(["build", "--date", dates[index]], in: root)
                runs.withLock { $0[index] = run }
            }
            for run in runs.withLock({ $0 }) {
                #expect(run?.exitCode == 0, "\(run?.stderr ?? "did not run")")
            }
            let page = try root.text("site/02-today.html")
            #expect(dates.contains { page.contains("Written on \($0).") }, "one build's whole site is in place")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".site.") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }
}
