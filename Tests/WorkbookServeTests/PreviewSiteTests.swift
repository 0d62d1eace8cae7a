import Testing
@testable import WorkbookServe

@Suite struct PreviewSiteTests {
    static func page(_ text: String) -> [UInt8] { Array("<html><body><p>\(text)</p></body></html>".utf8) }

    static func build(_ pages: [String: String], css: String = "body{}", problems: [PreviewProblem] = [],
                      stale: Set<String> = [], mismatches: Int = 0) -> PreviewBuild {
        var files = pages.mapValues(page)
        files["style.css"] = Array(css.utf8)
        return PreviewBuild(files: files, stalePages: stale, problems: problems, mismatchCount: mismatches)
    }

    @Test func onlyPagesWhoseBytesChangedGetANewRevision() {
        var site = PreviewSite()
        #expect(site.apply(Self.build(["a.html": "one", "b.html": "two"])) == ["a.html", "b.html"])
        let before = site.revisions
        #expect(site.apply(Self.build(["a.html": "one, edited", "b.html": "two"])) == ["a.html"])
        #expect(site.revisions["b.html"] == before["b.html"])
        #expect(site.revisions["a.html"]! > before["a.html"]!)
        #expect(site.apply(Self.build(["a.html": "one, edited", "b.html": "two"])) == [])
    }

    @Test func aChangedSharedFileChangesEveryPage() {
        var site = PreviewSite()
        _ = site.apply(Self.build(["a.html": "one", "b.html": "two"]))
        #expect(site.apply(Self.build(["a.html": "one", "b.html": "two"], css: "body{color:red}")) == ["a.html", "b.html"])
    }

    @Test func aChangedSearchIndexAloneReloadsNoPageButIsServed() {
        var site = PreviewSite()
        var first = Self.build(["a.html": "one", "b.html": "two"])
        first.files?["search-index.js"] = Array("index(1)".utf8)
        _ = site.apply(first)
        var second = Self.build(["a.html": "one, edited", "b.html": "two"])
        second.files?["search-index.js"] = Array("index(2)".utf8)
        #expect(site.apply(second) == ["a.html"])
        #expect(site.served("search-index.js") == Array("index(2)".utf8))
    }

    @Test func aDeletedPageIsReportedAndNoLongerServed() {
        var site = PreviewSite()
        _ = site.apply(Self.build(["a.html": "one", "b.html": "two"]))
        #expect(site.apply(Self.build(["a.html": "one"])) == ["b.html"])
        #expect(site.served("b.html") == nil)
        #expect(site.revisions["b.html"] == nil)
    }

    @Test func problemsShowOverTheLastGoodPagesAndGoAwayWhenFixed() throws {
        var site = PreviewSite()
        _ = site.apply(Self.build(["a.html": "good"]))
        let problem = PreviewProblem(location: "chapters/a.md:7:3", message: "cannot find 'x' in scope",
                                     details: "let y = x\n        ^")
        #expect(site.apply(PreviewBuild(files: nil, problems: [problem])) == ["a.html"])
        let shown = String(decoding: try #require(site.served("a.html")), as: UTF8.self)
        #expect(shown.contains("<p>good</p>"))
        #expect(shown.contains("id=\"workbook-overlay\""))
        #expect(shown.contains("<code class=\"workbook-location\">chapters/a.md:7:3</code>"))
        #expect(shown.contains("cannot find 'x' in scope"))
        #expect(shown.contains("let y = x"))
        #expect(site.apply(Self.build(["a.html": "good"])) == ["a.html"])
        let fixed = String(decoding: try #require(site.served("a.html")), as: UTF8.self)
        #expect(!fixed.contains("workbook-overlay"))
    }

    @Test func theFailedChaptersPageKeepsItsLastGoodVersion() throws {
        var site = PreviewSite()
        _ = site.apply(Self.build(["a.html": "good", "b.html": "other"]))
        let problem = PreviewProblem(location: "chapters/a.md:3", message: "crashed")
        _ = site.apply(Self.build(["a.html": "no outputs", "b.html": "other, edited"], problems: [problem], stale: ["a.html"]))
        let a = String(decoding: try #require(site.served("a.html")), as: UTF8.self)
        let b = String(decoding: try #require(site.served("b.html")), as: UTF8.self)
        #expect(a.contains("<p>good</p>"))
        #expect(b.contains("<p>other, edited</p>"))
    }

    @Test(arguments: [(1, "1 output differs from the recorded one: run <code>workbook promote</code>"),
                      (2, "2 outputs differ from the recorded ones: run <code>workbook promote</code>")])
    func mismatchesShowAsABadge(count: Int, text: String) throws {
        var site = PreviewSite()
        _ = site.apply(Self.build(["a.html": "one"], mismatches: count))
        let shown = String(decoding: try #require(site.served("a.html")), as: UTF8.self)
        #expect(shown.contains(text))
        #expect(!shown.contains("workbook-overlay\""))
    }

    @Test func servedPagesCarryTheirRevisionAndTheReloadScript() throws {
        var site = PreviewSite()
        _ = site.apply(Self.build(["a.html": "one"]))
        let shown = String(decoding: try #require(site.served("a.html")), as: UTF8.self)
        let revision = try #require(site.revisions["a.html"])
        #expect(shown.contains("window.workbookLive = {page: \"a.html\", revision: \(revision)};"))
        #expect(shown.hasSuffix("<script src=\"/__workbook/live.js\"></script>\n</body></html>"))
        #expect(site.served("style.css") == Array("body{}".utf8))
    }
}
