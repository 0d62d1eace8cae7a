import Foundation
import Testing
import WorkbookKit
@testable import WorkbookSite

@Suite struct ThemeAndWriterTests {
    @Test func aWorkbookThemeReplacesBuiltInFiles() throws {
        var fixture = SiteFixture()
        let theme = fixture.root.appendingPathComponent("theme")
        try FileManager.default.createDirectory(at: theme, withIntermediateDirectories: true)
        try "<!DOCTYPE html><title>{{pageTitle}}</title><main>{{{content}}}</main>".write(to: theme.appendingPathComponent("page.mustache"), atomically: true, encoding: .utf8)
        try "body { color: red; }".write(to: theme.appendingPathComponent("style.css"), atomically: true, encoding: .utf8)
        try fixture.add("01-a.md", "# A\n\nHello.\n")
        let pages = try fixture.render()
        #expect(pages["01-a.html"]?.hasPrefix("<!DOCTYPE html><title>A</title><main><h1 id=\"a\">") == true)
        #expect(pages["style.css"] == "body { color: red; }")
        #expect(pages["search.js"]?.contains("workbookSearchIndex") == true)
        #expect(pages["math.js"] == nil)
    }

    @Test func aBrokenTemplateIsAnError() throws {
        var fixture = SiteFixture()
        let theme = fixture.root.appendingPathComponent("theme")
        try FileManager.default.createDirectory(at: theme, withIntermediateDirectories: true)
        try "{{#open}} never closed".write(to: theme.appendingPathComponent("page.mustache"), atomically: true, encoding: .utf8)
        try fixture.add("01-a.md", "# A\n")
        let error = fixture.errors().first
        #expect(error?.description == "theme/page.mustache:1:23: error: the template does not parse: a section is never closed (a '{{/name}}' is missing)")
    }

    @Test func aFailedBuildLeavesThePreviousSite() throws {
        var fixture = SiteFixture()
        try fixture.add("01-a.md", "# A\n\nFirst version.\n")
        let output = fixture.options().outputFolder
        let summary = try fixture.generator.generate(workbook: fixture.workbook, chapters: fixture.chapters, options: fixture.options())
        #expect(summary.pageCount == 2)
        let before = try String(contentsOf: output.appendingPathComponent("01-a.html"), encoding: .utf8)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("katex/fonts/KaTeX_Main-Regular.woff2").path))

        fixture.chapters = []
        try fixture.add("01-a.md", "# A\n\nSecond version with {{BROKEN}}.\n")
        #expect(throws: WorkbookErrors.self) {
            try fixture.generator.generate(workbook: fixture.workbook, chapters: fixture.chapters, options: fixture.options())
        }
        #expect(try String(contentsOf: output.appendingPathComponent("01-a.html"), encoding: .utf8) == before)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: fixture.root.path).sorted()
        #expect(siblings == ["site"])

        fixture.chapters = []
        try fixture.add("01-b.md", "# B\n\nThird version.\n")
        _ = try fixture.generator.generate(workbook: fixture.workbook, chapters: fixture.chapters, options: fixture.options())
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("01-a.html").path))
        #expect(try String(contentsOf: output.appendingPathComponent("01-b.html"), encoding: .utf8).contains("Third version."))
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.root.path).sorted() == ["site"])
    }

    @Test func missingKaTeXNamesTheDebianPackage() {
        let assets = SiteAssets(katexFolder: URL(fileURLWithPath: "/nonexistent/katex"))
        #expect(throws: WorkbookErrors.self) { try assets.files() }
        do { _ = try assets.files() } catch { #expect(error.description.contains("libjs-katex")) }
    }

    @Test func swiftIsHighlighted() {
        let html = SwiftHighlighter().highlight("// note\nlet x: Double = 1.5e3 // ok\n@MainActor func f() { print(\"a \\(x) <b>\") }\n#if DEBUG\n")
        #expect(html.contains(#"<span class="hl-comment">// note</span>"#))
        #expect(html.contains(#"<span class="hl-keyword">let</span> x: <span class="hl-type">Double</span> = <span class="hl-number">1.5e3</span>"#))
        #expect(html.contains(#"<span class="hl-attribute">@MainActor</span> <span class="hl-keyword">func</span>"#))
        #expect(html.contains(#"<span class="hl-string">&quot;a \(x) &lt;b&gt;&quot;</span>"#))
        #expect(html.contains(#"<span class="hl-keyword">#if</span>"#))
    }
}
