import Foundation
import Testing
import WorkbookKit
@testable import WorkbookSite

/// A build whose render inputs and site are unchanged renders and writes nothing; any change
/// to an input or to the site renders again.
@Suite struct RenderStampTests {
    /// A workbook with an image, built once.
    private func builtFixture() throws -> SiteFixture {
        var fixture = SiteFixture()
        try FileManager.default.createDirectory(at: fixture.root.appendingPathComponent(".workbook-cache"), withIntermediateDirectories: true)
        try fixture.add("01-a.md", "# A\n\nSee ![plot](p.png).\n\n```swift\nprint(1)\n```\n", outputs: ["1\n"])
        try fixture.add("02-b.md", "# B\n\nDay {{DATE_ISO}}.\n")
        try FileManager.default.createDirectory(at: fixture.root.appendingPathComponent("chapters"), withIntermediateDirectories: true)
        try Data("PNG1".utf8).write(to: fixture.root.appendingPathComponent("chapters/p.png"))
        #expect(try build(fixture).reusedPreviousSite == false)
        return fixture
    }

    private func build(_ fixture: SiteFixture, date: String? = "2026-11-21", output: String = "site", useCache: Bool = true) throws -> SiteSummary {
        var options = fixture.options(date: date)
        options.outputFolder = fixture.root.appendingPathComponent(output)
        options.useCache = useCache
        return try fixture.generator.generate(workbook: fixture.workbook, chapters: fixture.chapters, options: options)
    }

    private func read(_ fixture: SiteFixture, _ path: String) throws -> String {
        try String(contentsOf: fixture.root.appendingPathComponent("site/\(path)"), encoding: .utf8)
    }

    @Test func anUnchangedBuildKeepsTheSiteAsItIs() throws {
        let fixture = try builtFixture()
        let before = try FileManager.default.attributesOfItem(atPath: fixture.root.appendingPathComponent("site/01-a.html").path)
        let summary = try build(fixture)
        #expect(summary == SiteSummary(pageCount: 3, formulasTypeset: 0, reusedPreviousSite: true))
        let after = try FileManager.default.attributesOfItem(atPath: fixture.root.appendingPathComponent("site/01-a.html").path)
        #expect(before[.systemFileNumber] as? Int == after[.systemFileNumber] as? Int)
        #expect(try read(fixture, "02-b.html").contains("Day 2026-11-21."))
    }

    @Test func aChangedChapterOutputOrSettingIsRendered() throws {
        var fixture = try builtFixture()
        try fixture.add("03-c.md", "# C\n")
        #expect(try build(fixture).reusedPreviousSite == false)
        #expect(try build(fixture).reusedPreviousSite == true)

        fixture.chapters[0].outputs = ["2\n"]
        #expect(try build(fixture).reusedPreviousSite == false)
        #expect(try read(fixture, "01-a.html").contains("<samp>2\n</samp>"))

        fixture.config.title = "Another Book"
        #expect(try build(fixture).reusedPreviousSite == false)
        #expect(try read(fixture, "index.html").contains("Another Book"))

        #expect(try build(fixture, date: "2026-11-22").reusedPreviousSite == false)
        #expect(try read(fixture, "02-b.html").contains("Day 2026-11-22."))

        #expect(try build(fixture, date: "2026-11-22", output: "public").reusedPreviousSite == false)
        #expect(try build(fixture, date: "2026-11-22", output: "public").reusedPreviousSite == true)
    }

    @Test func aChangedFileTheRenderReadsIsRendered() throws {
        let fixture = try builtFixture()
        // The same size, written in place.
        try Data("PNG2".utf8).write(to: fixture.root.appendingPathComponent("chapters/p.png"))
        #expect(try build(fixture).reusedPreviousSite == false)
        #expect(try read(fixture, "p.png") == "PNG2")

        let theme = fixture.root.appendingPathComponent("theme")
        try FileManager.default.createDirectory(at: theme, withIntermediateDirectories: true)
        try Data("body { color: red; }\n".utf8).write(to: theme.appendingPathComponent("style.css"))
        #expect(try build(fixture).reusedPreviousSite == false)
        #expect(try read(fixture, "style.css") == "body { color: red; }\n")
        #expect(try build(fixture).reusedPreviousSite == true)
    }

    @Test func aChangedSiteIsWrittenAgain() throws {
        let fixture = try builtFixture()
        let page = try read(fixture, "01-a.html")
        let url = fixture.root.appendingPathComponent("site/01-a.html")
        // Edited in place with the same size.
        try Data(page.replacingOccurrences(of: "See", with: "SEE").utf8).write(to: url)
        #expect(try build(fixture).reusedPreviousSite == false)
        #expect(try read(fixture, "01-a.html") == page)

        try FileManager.default.removeItem(at: url)
        #expect(try build(fixture).reusedPreviousSite == false)
        #expect(try read(fixture, "01-a.html") == page)

        let extra = fixture.root.appendingPathComponent("site/katex/extra.txt")
        try Data("x".utf8).write(to: extra)
        #expect(try build(fixture).reusedPreviousSite == false)
        #expect(!FileManager.default.fileExists(atPath: extra.path))
        #expect(try build(fixture).reusedPreviousSite == true)
    }

    @Test func noCacheRendersTheSiteAgainAndStampsItForTheNextBuild() throws {
        let fixture = try builtFixture()
        #expect(try build(fixture, useCache: false).reusedPreviousSite == false, "--no-cache reuses no stamp")
        #expect(try build(fixture).reusedPreviousSite == true, "the stamp --no-cache wrote serves the next build")
    }

    @Test func aDamagedStampRendersTheSiteAgain() throws {
        let fixture = try builtFixture()
        let stamp = RenderStamp(cache: CacheFolder(url: fixture.root.appendingPathComponent(".workbook-cache")),
                                output: fixture.root.appendingPathComponent("site"))
        let entry = stamp.store.location(of: stamp.entry)
        let text = try String(contentsOf: entry, encoding: .utf8)
        try text.replacingOccurrences(of: "pages 3", with: "pages 4").write(to: entry, atomically: true, encoding: .utf8)
        #expect(try build(fixture).reusedPreviousSite == false)
        #expect(try build(fixture).reusedPreviousSite == true)
    }

    @Test func theProgramsCodeIsAnInput() throws {
        let program = RenderStamp.programFiles()
        let executable = try #require(FileIdentity(path: "/proc/self/exe"))
        #expect(program.contains { $0.identity == executable })
        #expect(program.contains { $0.path.contains("libcmark-gfm") })
    }
}
