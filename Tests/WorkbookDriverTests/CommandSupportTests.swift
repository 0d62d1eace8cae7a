import Foundation
import Testing
import WorkbookDriver
import WorkbookKit
import WorkbookSite
import WorkbookSwiftEngine

/// What the commands rely on besides the pipeline: finding the workbook, naming chapters,
/// the session with chapters selected, cleaning, annotations and timings.
@Suite struct CommandSupportTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("support-\(UUID().uuidString)", isDirectory: true)

    func write(_ text: String, to path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) }

    func session(environment: [String: String]? = nil) throws -> WorkbookSession {
        let inputs = WorkbookInputs(
            environment: environment ?? [CacheFolder.environmentVariable: root.appendingPathComponent(".cache").path],
            defaultJobs: 2)
        var session = try WorkbookSession.load(root: root, inputs: inputs)
        session.engine = EchoEngine()
        return session
    }

    @Test func theWorkbookIsFoundInTheNearestFolderUp() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write("", to: "workbook.toml")
        try write("", to: "chapters/deep/folder/.keep")
        let found = try WorkbookLocator.root(containing: root.appendingPathComponent("chapters/deep/folder"))
        #expect(found.path == root.standardizedFileURL.path)
        try write("", to: "chapters/deep/workbook.toml")
        #expect(try WorkbookLocator.root(containing: root.appendingPathComponent("chapters/deep/folder")).lastPathComponent == "deep")
    }

    @Test func noWorkbookAnywhereUpSaysSoAndSuggestsInit() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write("", to: "a/b/.keep")
        let folder = root.appendingPathComponent("a/b")
        do {
            _ = try WorkbookLocator.root(containing: folder)
            Issue.record("a workbook was found above \(folder.path)")
        } catch {
            let message = error.errors.first?.description ?? ""
            #expect(message.contains("no workbook.toml in '\(folder.path)' or any parent folder; run `workbook init`"), "\(message)")
        }
    }

    @Test func chapterArgumentsResolveRelativeToTheCurrentFolder() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write("", to: "workbook.toml")
        try write("# One\n", to: "chapters/01-one.md")
        try write("# Two\n", to: "chapters/02-two.md")
        let workbook = try session().workbook
        #expect(try ChapterSelection.resolve([], in: workbook, relativeTo: root) == nil)
        #expect(try ChapterSelection.resolve(["chapters/02-two.md"], in: workbook, relativeTo: root) == ["chapters/02-two.md"])
        #expect(try ChapterSelection.resolve(["01-one.md", "./02-two.md"], in: workbook,
                                             relativeTo: root.appendingPathComponent("chapters")) == ["chapters/01-one.md", "chapters/02-two.md"])
        #expect(try ChapterSelection.resolve([root.appendingPathComponent("chapters/01-one.md").path], in: workbook,
                                             relativeTo: URL(fileURLWithPath: "/")) == ["chapters/01-one.md"])
        do {
            _ = try ChapterSelection.resolve(["chapters/03-three.md", "workbook.toml"], in: workbook, relativeTo: root)
            Issue.record("unknown chapters were accepted")
        } catch {
            #expect(error.errors.map(\.path) == ["chapters/03-three.md", "workbook.toml"])
            #expect(error.errors.first?.description.contains("chapters/03-three.md: error: not a chapter of the workbook") == true)
        }
    }

    let unpromoted = "# One\n\n```swift\nhello\n```\n"

    @Test func checkAndPromoteLookAtTheSelectedChaptersOnly() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write(unpromoted, to: "chapters/01-one.md")
        try write(unpromoted, to: "chapters/02-two.md")
        let selected: Set<String> = ["chapters/02-two.md"]
        let check = try await session().check(RunSettings(chapters: selected))
        #expect(check.execution.chapters.map(\.chapter.path) == ["chapters/02-two.md"])
        #expect(check.comparison.failed == 1)
        let promote = try await session().promote(RunSettings(chapters: selected))
        #expect(promote.written == ["chapters/02-two.md"])
        #expect(try read("chapters/01-one.md") == unpromoted)
    }

    @Test func buildRendersEveryChapterRunningOnlyTheSelected() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write("# One\n\n```swift\nfresh\n```\n\n```output\nrecorded\n```\n", to: "chapters/01-one.md")
        try write(unpromoted, to: "chapters/02-two.md")
        let outcome = try await session().build(BuildRequest(date: CalendarDay(iso: "2026-11-21")),
                                                settings: RunSettings(chapters: ["chapters/02-two.md"]))
        #expect(outcome.succeeded, "\(outcome.errors)")
        #expect(outcome.execution.chapters.map(\.provenance) == [.recorded, .ran])
        #expect(try read("site/01-one.html").contains("recorded"))
        #expect(try read("site/02-two.html").contains("hello"))
    }

    @Test func cleanRemovesTheCacheAndAMarkedSite() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write("", to: "workbook.toml")
        try write("# One\n", to: "chapters/01-one.md")
        try write("{}", to: ".workbook-cache/results/ab/x.json")
        try write("", to: "site/\(WorkbookCleaner.siteMarkerName)")
        try write("<p>", to: "site/index.html")
        let outcome = try session(environment: [:]).clean()
        #expect(outcome.succeeded)
        #expect(outcome.removed.count == 2)
        #expect(!exists(".workbook-cache") && !exists("site"))
        #expect(exists("chapters/01-one.md") && exists("workbook.toml"))
        let again = try session(environment: [:]).clean()
        #expect(again.succeeded && again.removed.isEmpty && again.notes.isEmpty)
    }

    @Test func cleanKeepsASiteFolderItDidNotMakeAndAMovedCache() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write("# One\n", to: "chapters/01-one.md")
        try write("mine", to: "site/notes.txt")
        try write("{}", to: "shared-cache/results/x.json")
        let outcome = try session(environment: [CacheFolder.environmentVariable: root.appendingPathComponent("shared-cache").path]).clean()
        #expect(!outcome.succeeded)
        #expect(outcome.errors.map(\.path) == ["site"])
        #expect(outcome.errors.first?.message.contains("no .workbook-site file") == true)
        #expect(outcome.notes.count == 1)
        #expect(try read("site/notes.txt") == "mine")
        #expect(exists("shared-cache/results/x.json"))
    }

    @Test func cleanTakesThisWorkbooksOwnEntriesFromAMovedCacheAndWhatItLeftBesideTheSite() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write("package = \"Pkg\"\nproducts = [\"P\"]\n", to: "workbook.toml")
        try write("// swift-tools-version: 6.0\n", to: "Pkg/Package.swift")
        try write("# One\n", to: "chapters/01-one.md")
        let shared = root.appendingPathComponent("shared-cache", isDirectory: true)
        let session = try session(environment: [CacheFolder.environmentVariable: shared.path])
        let cache = CacheFolder(url: shared)
        let site = session.siteFolder(BuildRequest())
        let own = try #require(PackageCore.workFolder(of: session.workbook, cache: cache))
        let stamps = SiteGenerator.cacheFiles(of: session.workbook, output: site, cache: cache)
        #expect(stamps.count == 2, "the render stamp and the prose formulas' memo")
        func put(_ url: URL) throws {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: url)
        }
        for url in [own.appendingPathComponent("build.json")] + stamps { try put(url) }
        try write("x", to: "shared-cache/results/ab/\(String(repeating: "a", count: 64))")
        try write("x", to: "shared-cache/packages/Other-0123456789abcdef/build.json")
        try write("x", to: ".workbook-cache/results/ab/x")
        try write("x", to: ".site.new-2147483646-1/index.html")
        try write("x", to: ".site.new-mine/notes.txt")
        // `clean` renames a folder aside (`.NAME.removing-UUID`) before removing it.
        try write("x", to: "..workbook-cache.removing-\(UUID().uuidString)/results/x")
        try write("x", to: "..workbook-cache.removing-mine/notes.txt")

        let outcome = session.clean()
        #expect(outcome.succeeded, "\(outcome.errors)")
        #expect(outcome.notes.count == 1 && outcome.notes.first?.contains("may be shared") == true, "\(outcome.notes)")
        #expect(!FileManager.default.fileExists(atPath: own.path), "the package's build folder is this workbook's alone")
        #expect(stamps.allSatisfy { !FileManager.default.fileExists(atPath: $0.path) })
        #expect(exists("shared-cache/results/ab/\(String(repeating: "a", count: 64))"), "results are kept by content, for any workbook")
        #expect(exists("shared-cache/packages/Other-0123456789abcdef/build.json"), "another workbook's package build")
        #expect(!exists(".workbook-cache"), "the workbook's own cache, left from runs before the cache moved")
        #expect(!exists(".site.new-2147483646-1"), "a killed build's staging folder")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.contains(".removing-") }
        #expect(leftovers == ["..workbook-cache.removing-mine"], "an interrupted clean's leftover goes; a name workbook does not make is kept")
        #expect(exists(".site.new-mine/notes.txt"))
        #expect(outcome.removed.count == 6, "\(outcome.removed)")
    }

    @Test func annotationsFollowGitHubsWorkflowCommandFormat() throws {
        let inputs = WorkbookInputs(environment: ["GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": "/repo"], defaultJobs: 1)
        #expect(inputs.isGitHubActions)
        #expect(!WorkbookInputs(environment: ["GITHUB_ACTIONS": "false"], defaultJobs: 1).isGitHubActions)
        let annotations = GitHubAnnotations(root: URL(fileURLWithPath: "/repo/docs"), inputs: inputs)
        let error = WorkbookError(path: "chapters/01-a.md", line: 12, column: 5, message: "100% wrong: a, b", details: "line one\nline two")
        #expect(annotations.line(for: error) == "::error file=docs/chapters/01-a.md,line=12,col=5::100%25 wrong: a, b%0Aline one%0Aline two")
        let whole = WorkbookError(path: "workbook.toml", message: "bad")
        #expect(annotations.line(for: whole) == "::error file=docs/workbook.toml::bad")
        let chapter = try SnippetExtractor().extract(path: "chapters/01-a.md", source: "# A\n\n```swift\nprint(2)\n```\n\n```output\n1\n```\n")
        let mismatch = try #require(OutputComparison().compare(chapter.snippets[0], actual: "2\n", path: chapter.path))
        let expected = "::error file=docs/chapters/01-a.md,line=3::" + GitHubAnnotationsTestSupport.escaped(mismatch.reason + "\n" + mismatch.diff)
        #expect(annotations.line(for: mismatch) == expected)
        #expect(expected.contains("%0A-1%0A+2"))
        let outside = GitHubAnnotations(root: URL(fileURLWithPath: "/elsewhere"), inputs: inputs)
        #expect(outside.line(for: whole) == "::error file=workbook.toml::bad")
    }

    @Test func timingsListChaptersAndTheTenSlowestSnippets() throws {
        var source = "# T\n"
        for index in 0..<12 { source += "\n```swift\nprint(\(index))\n```\n" }
        let chapter = try SnippetExtractor().extract(path: "chapters/01-t.md", source: source)
        var ran = ExecutedChapter(chapter: chapter, outputs: [], provenance: .ran, seconds: 0.5)
        ran.compileSeconds = 0.31
        ran.runSeconds = 0.19
        for index in 0..<12 { ran.snippetSeconds[index] = Double(index) / 100 }
        let cached = ExecutedChapter(chapter: try SnippetExtractor().extract(path: "chapters/02-long-name.md", source: "# C\n"),
                                     outputs: [], provenance: .cached, seconds: 0)
        let report = TimingReport(ExecutionReport(chapters: [ran, cached], errors: []))
        #expect(report.chapters == ["chapters/01-t.md          compile 0.31 s, run 0.19 s", "chapters/02-long-name.md  cached"])
        #expect(report.slowest.count == 10)
        #expect(report.slowest.first == TimingReport.SlowSnippet(location: "chapters/01-t.md:\(chapter.snippets[11].fenceLine)", seconds: 0.11))
        #expect(report.slowest.map(\.seconds) == (2..<12).reversed().map { Double($0) / 100 })
        #expect(report.lines.contains("  chapters/01-t.md:\(chapter.snippets[11].fenceLine)  0.110 s"))
    }

    @Test func timingsCountTheProgramsCompiledAgainAfterAShortcutFailed() throws {
        let chapter = try SnippetExtractor().extract(path: "chapters/01-t.md", source: "# T\n\n```swift\nprint(1)\n```\n")
        var ran = ExecutedChapter(chapter: chapter, outputs: ["1\n"], provenance: .ran, seconds: 0.5)
        ran.compileSeconds = 0.31
        ran.runSeconds = 0.19
        let clean = ran
        ran.compileFallbacks = [.directLink, .compilerJob, .directLink]
        let report = TimingReport(ExecutionReport(chapters: [ran, clean], errors: []))
        #expect(report.chapters == ["chapters/01-t.md  compile 0.31 s, run 0.19 s, fell back to plain swiftc (compiler job 1, direct link 2)",
                                    "chapters/01-t.md  compile 0.31 s, run 0.19 s"])
        #expect(report.lines.contains("3 programs were compiled again with plain swiftc after a compile shortcut failed: compiler job 1, direct link 2."))
        #expect(report.lines[3] == report.fallbackLine, "after the chapters")
        let none = TimingReport(ExecutionReport(chapters: [clean], errors: []))
        #expect(none.fallbackLine == nil)
        #expect(!none.lines.contains { $0.contains("plain swiftc") })
    }

    @Test func timingsWithoutSnippetTimesSayWhichChaptersFailedRatherThanThatAllWereCached() throws {
        let chapter = try SnippetExtractor().extract(path: "chapters/01-t.md", source: "# T\n\n```swift\nprint(1)\n```\n")
        var failed = ExecutedChapter(chapter: chapter, outputs: [nil], provenance: .cached, seconds: 0)
        failed.errors = [WorkbookError(path: chapter.path, line: 4, column: 1, message: "cannot find 'x' in scope", stage: "compile")]
        let cached = ExecutedChapter(chapter: chapter, outputs: ["1\n"], provenance: .cached, seconds: 0)
        let report = TimingReport(ExecutionReport(chapters: [failed, failed, cached], errors: failed.errors))
        #expect(report.lines.last == "No snippet ran to the end: 2 chapters failed (see the errors above), 1 cached.")
        #expect(TimingReport(ExecutionReport(chapters: [cached], errors: [])).lines.last == "No snippet ran to the end: 1 cached.")
    }
}

enum GitHubAnnotationsTestSupport {
    /// GitHub's escaping of a message, written out independently of the code under test.
    static func escaped(_ text: String) -> String {
        var text = text
        while text.hasSuffix("\n") { text.removeLast() }
        return text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\n", with: "%0A")
    }
}
