import Foundation
import Testing
import WorkbookDriver
import WorkbookKit
import WorkbookSite

/// The typesetting stage starts with the formulas of the prose while the chapters run (needs
/// Debian's `nodejs` and `libjs-katex`, as `workbook build` does).
@Suite(.serialized) struct TypesetAheadTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("prefetch-\(UUID().uuidString)", isDirectory: true)
    var cache: URL { root.appendingPathComponent(".cache", isDirectory: true) }

    func write(_ text: String, to path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func build(path: String = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin") async throws -> BuildOutcome {
        let inputs = WorkbookInputs(environment: [CacheFolder.environmentVariable: cache.path, "PATH": path], defaultJobs: 2)
        var session = try WorkbookSession.load(root: root, inputs: inputs)
        session.engine = EchoEngine()
        return await session.build(BuildRequest(date: CalendarDay(year: 2026, month: 11, day: 21)), settings: RunSettings())
    }

    let chapter = "# Mean $\\mu$\n\nThe mean $\\mu = \\frac{1}{m}\\sum_i x_i$.\n\n```swift\nhello\n```\n\n$$\n\\sigma^2\n$$\n"

    @Test func formulasTypesetWhileChaptersRunGiveTheSamePage() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write("description = \"About $x$.\"\n", to: "workbook.toml")
        try write(chapter, to: "chapters/01-one.md")
        let cold = try await build()
        #expect(cold.errors == [])
        #expect(cold.site?.formulasTypeset == 0, "the render found every formula of the prose cached")
        let page = try read("site/01-one.html")
        let index = try read("site/index.html")
        #expect(page.contains(#"<annotation encoding="application/x-tex">\mu = \frac{1}{m}\sum_i x_i</annotation>"#))
        #expect(index.contains(#"<annotation encoding="application/x-tex">x</annotation>"#))

        // The same build with the formulas typeset by the render itself: the memo says the
        // chapters are unchanged, so nothing runs ahead, and the KaTeX cache is gone.
        for name in try FileManager.default.contentsOfDirectory(atPath: cache.path) where name.hasPrefix("katex-0") {
            try FileManager.default.removeItem(at: cache.appendingPathComponent(name))
        }
        try FileManager.default.removeItem(at: root.appendingPathComponent("site"))
        let late = try await build()
        #expect(late.errors == [])
        #expect(late.site?.formulasTypeset == 4)
        #expect(try read("site/01-one.html") == page)
        #expect(try read("site/index.html") == index)
    }

    @Test func onlyTheChaptersThatChangedAreReadAgain() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write("title = \"T\"\n", to: "workbook.toml")
        try write(chapter, to: "chapters/01-one.md")
        try write("# Two\n\nSee $a + b$.\n", to: "chapters/02-two.md")
        _ = try await build()
        let inputs = WorkbookInputs(environment: [CacheFolder.environmentVariable: cache.path], defaultJobs: 2)
        var workbook = try WorkbookSession.load(root: root, inputs: inputs).workbook
        let typesetting = MathTypesetting(workbook: workbook, environment: inputs.environment)
        #expect(!typesetting.isNeeded(for: workbook), "nothing changed since every formula was cached")

        try write("# Two\n\nSee $a + c$.\n", to: "chapters/02-two.md")
        workbook = try WorkbookSession.load(root: root, inputs: inputs).workbook
        #expect(typesetting.isNeeded(for: workbook))
        #expect(typesetting.ahead(workbook).count == 1, "only the edited chapter is read again")
        #expect(!typesetting.isNeeded(for: workbook))
    }

    @Test func formulasOnlyInNewOutputsAreTypesetByTheRender() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        // The snippet prints `$y$` as Markdown (EchoEngine prints the code); nothing is recorded.
        try write("# A\n\nSee $x$.\n\n```swift output=markdown\n$y$\n```\n", to: "chapters/01-a.md")
        let outcome = try await build()
        #expect(outcome.errors == [])
        #expect(outcome.site?.formulasTypeset == 1)
        #expect(try read("site/01-a.html").contains(#"<annotation encoding="application/x-tex">y</annotation>"#))
    }

    @Test func withoutNodeTheErrorIsReportedOnceAsBefore() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write("# A\n\nSee $x$ and $\\frac{1$.\n", to: "chapters/01-a.md")
        let outcome = try await build(path: "/nonexistent")
        #expect(outcome.errors.map(\.description) == [
            "chapters/01-a.md:3:5: error: math needs Node.js to be typeset, and 'node' is not on PATH; install the Debian package 'nodejs' (make site does)",
        ])
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("site").path))
    }

    @Test func aFormulaKaTeXRejectsIsReportedOnceAtItsPlace() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write("# A\n\nSee $x$ and\n$\\nosuchmacro y$.\n", to: "chapters/01-a.md")
        let outcome = try await build()
        #expect(outcome.errors.map(\.description) == [
            "chapters/01-a.md:4:1: error: math: KaTeX parse error: Undefined control sequence: \\nosuchmacro at position 1: \\nosuchmacro y",
        ])
    }
}
