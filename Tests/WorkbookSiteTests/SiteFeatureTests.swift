import Foundation
import Testing
import WorkbookKit
@testable import WorkbookSite

@Suite struct LinkResolutionTests {
    @Test func onlyLinksThatResolveToAChapterAreRewritten() throws {
        var fixture = SiteFixture()
        try fixture.add("01-a.md", """
        # A

        [same](./02-b.md), [plain](02-b.md), [via root](../chapters/02-b.md#b),
        [sub](./sub/02-b.md), [other](../../other-project/02-b.md), [up](../02-b.md).

        """)
        try fixture.add("02-b.md", "# B\n")
        let article = try fixture.article("01-a")
        #expect(article.contains(#"<a href="02-b.html">same</a>"#))
        #expect(article.contains(#"<a href="02-b.html">plain</a>"#))
        #expect(article.contains(#"<a href="02-b.html#b">via root</a>"#))
        #expect(article.contains(#"<a href="./sub/02-b.md">sub</a>"#))
        #expect(article.contains(#"<a href="../../other-project/02-b.md">other</a>"#))
        #expect(article.contains(#"<a href="../02-b.md">up</a>"#))
    }

    @Test func linksMayNameAnyIdOfThePage() throws {
        var fixture = SiteFixture()
        try fixture.add("01-a.md", "# A\n\n<a id=\"here\"></a>Text[^n] and [x](#here), [fn](#fn-n), [far](02-b.md#box).\n\n[^n]: A note.\n")
        try fixture.add("02-b.md", "# B\n\n<div id=\"box\">x</div>\n")
        let article = try fixture.article("01-a")
        #expect(article.contains(##"<a href="#here">x</a>"##))
        #expect(article.contains(##"<a href="#fn-n">fn</a>"##))
        #expect(article.contains(#"<a href="02-b.html#box">far</a>"#))
    }

    @Test func fragmentsMatchAnchorsIgnoringCase() throws {
        var fixture = SiteFixture()
        try fixture.add("01-a.md", "# A\n\n## Nested Functions\n\n[x](#Nested-Functions) and [y](02-b.md#Other-Part).\n")
        try fixture.add("02-b.md", "# B\n\n## Other part\n")
        let article = try fixture.article("01-a")
        #expect(article.contains(##"<a href="#nested-functions">x</a>"##))
        #expect(article.contains(#"<a href="02-b.html#other-part">y</a>"#))
    }

    @Test func docCLinksResolveByFileNameOrTitle() throws {
        var fixture = SiteFixture()
        try fixture.add("01-functions.md", "# Functions\n\n## Nested Functions\n\nSee <doc:Closures> and <doc:closures#Capturing-Values>, and [the intro](<doc:The Basics>).\n")
        try fixture.add("02-closures.md", "# Closures\n\n## Capturing Values\n")
        try fixture.add("03-intro.md", "# The Basics\n\nBack to <doc:Functions#Nested-Functions>.\n")
        let pages = try fixture.render()
        let first = pages["01-functions.html"] ?? ""
        #expect(first.contains(#"<a href="02-closures.html">Closures</a>"#))
        #expect(first.contains(#"<a href="02-closures.html#capturing-values">Closures</a>"#))
        #expect(first.contains(#"<a href="03-intro.html">the intro</a>"#))
        #expect(pages["03-intro.html"]?.contains(#"<a href="01-functions.html#nested-functions">Functions</a>"#) == true)
    }

    @Test func aDocCLinkToNothingIsALocatedError() throws {
        var fixture = SiteFixture()
        try fixture.add("01-a.md", "# A\n\nSee <doc:Nothing> and\n<doc:b#nowhere>.\n")
        try fixture.add("02-b.md", "# B\n")
        let errors = fixture.errors()
        #expect(errors.map(\.line) == [3, 4])
        #expect(errors.first?.message.contains("no chapter is named 'Nothing'") == true)
        #expect(errors.last?.message.contains("has no heading '#nowhere' nor other anchor") == true)
    }
}

@Suite struct ImageAndOutlineTests {
    @Test func localImagesAreCopiedAndMissingOnesAreErrors() throws {
        var fixture = SiteFixture()
        let images = fixture.root.appendingPathComponent("chapters/images")
        try FileManager.default.createDirectory(at: images, withIntermediateDirectories: true)
        try Data("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8).write(to: images.appendingPathComponent("plot.svg"))
        try FileManager.default.createDirectory(at: fixture.root.appendingPathComponent("assets"), withIntermediateDirectories: true)
        try Data([1, 2]).write(to: fixture.root.appendingPathComponent("assets/x.png"))
        try fixture.add("01-a.md", "# A\n\n![plot](images/plot.svg) ![x](../assets/x.png) ![web](https://example.org/a.png)\n")
        let (files, _) = try fixture.generator.render(workbook: fixture.workbook, chapters: fixture.chapters, options: fixture.options())
        let paths = Set(files.map(\.path))
        #expect(paths.contains("images/plot.svg"))
        #expect(paths.contains("files/assets/x.png"))
        let article = try fixture.article("01-a")
        #expect(article.contains(#"<img src="images/plot.svg" alt="plot" />"#))
        #expect(article.contains(#"<img src="files/assets/x.png" alt="x" />"#))
        #expect(article.contains(#"<img src="https://example.org/a.png" alt="web" />"#))

        var broken = SiteFixture()
        try broken.add("01-a.md", "# A\n\nText\nand ![gone](images/gone.png).\n")
        #expect(broken.errors().map(\.description) == ["chapters/01-a.md:4:5: error: image 'images/gone.png' not found (no file 'chapters/images/gone.png')"])
    }

    @Test func headingsOfMarkdownOutputsGetAnchorsAndJoinTheOutline() throws {
        var fixture = SiteFixture()
        try fixture.add("01-a.md", """
        # A

        ## Before

        ```swift output=markdown
        print("## Results\\n\\ntext")
        ```

        ## After

        """, outputs: ["## Results\n\n### Before\n\ntext $x$\n"])
        let page = try fixture.render()["01-a.html"] ?? ""
        #expect(page.contains("<h2 id=\"results\">\nResults <a class=\"anchor\" href=\"#results\""))
        #expect(page.contains("<h3 id=\"before-1\">"))
        let outline = page.components(separatedBy: "href=\"#").dropFirst().map { $0.prefix(while: { $0 != "\"" }) }
        #expect(outline.filter { $0 != "content" }.prefix(4) == ["before", "results", "before-1", "after"])
    }

    @Test func theSearchIndexHoldsProseHeadingsAndOutputs() throws {
        var fixture = SiteFixture()
        try fixture.add("01-a.md", """
        # Alpha

        Intro words on {{DATE_ISO}}.

        ## Running means

        ```swift
        print("momentum 0.9")
        ```

        """, outputs: ["momentum 0.9\n"])
        let (files, _) = try fixture.generator.render(workbook: fixture.workbook, chapters: fixture.chapters, options: fixture.options())
        let script = files.first { $0.path == "search-index.js" }.map { String(decoding: $0.contents, as: UTF8.self) } ?? ""
        #expect(script.hasPrefix("window.workbookSearchIndex = ["))
        #expect(script.contains(#"{"chapter":"Alpha","heading":"Alpha","text":"Intro words on 2026-11-21.","url":"01-a.html#alpha"}"#))
        #expect(script.contains(#"{"chapter":"Alpha","heading":"Running means","text":"momentum 0.9","url":"01-a.html#running-means"}"#))
        let page = String(decoding: files.first { $0.path == "01-a.html" }?.contents ?? Data(), as: UTF8.self)
        #expect(page.contains(#"<script defer src="search-index.js"></script>"#))
        #expect(page.contains(#"id="search-input""#))
        #expect(!page.contains("katex.min.js") && !page.contains("math.js"))
    }
}

/// KaTeX under Node.js, as `workbook build` runs it (needs Debian's `nodejs` and `libjs-katex`).
@Suite(.serialized) struct MathTypesetterTests {
    private func fixture(cache: URL) throws -> SiteFixture {
        var fixture = SiteFixture()
        fixture.typesetter = MathTypesetter(cacheFolder: cache, environment: ProcessInfo.processInfo.environment)
        return fixture
    }

    @Test func formulasAreTypesetWhenTheSiteIsBuiltAndCached() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("katex-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        var fixture = try fixture(cache: cache)
        try fixture.add("01-a.md", "# Mean $\\mu$\n\nThe mean $\\mu = \\frac{1}{m}\\sum_i x_i$.\n\n$$\n\\sigma^2\n$$\n")
        let (files, typeset) = try fixture.generator.render(workbook: fixture.workbook, chapters: fixture.chapters, options: fixture.options())
        #expect(typeset == 3)
        let page = String(decoding: files.first { $0.path == "01-a.html" }?.contents ?? Data(), as: UTF8.self)
        #expect(page.contains(#"<span class="math inline"><span class="katex"><span class="katex-mathml"><math"#))
        #expect(page.contains(#"<span class="math display"><span class="katex-display">"#))
        #expect(page.contains(#"<annotation encoding="application/x-tex">\mu = \frac{1}{m}\sum_i x_i</annotation>"#))
        #expect(!page.contains("katex-error"))
        // The title in the sidebar is typeset too.
        #expect(page.contains(#"<p class="sidebar-title">"#))
        // A warm build starts no Node process: the typesetter is not even runnable.
        fixture.typesetter.environment = ["PATH": "/nonexistent"]
        let (_, warm) = try fixture.generator.render(workbook: fixture.workbook, chapters: fixture.chapters, options: fixture.options())
        #expect(warm == 0)
    }

    @Test func aTeXErrorIsABuildErrorAtTheFormula() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("katex-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        var fixture = try fixture(cache: cache)
        try fixture.add("01-a.md", "# A\n\nFine $x$ then\nbroken $\\frac{1$ and $\\nosuchmacro x$.\n")
        let errors = fixture.errors()
        #expect(errors.map { "\($0.line):\($0.column)" } == ["4:8", "4:22"])
        #expect(errors.first?.message.hasPrefix("math: KaTeX parse error: ") == true)
        #expect(errors.last?.description == "chapters/01-a.md:4:22: error: math: KaTeX parse error: Undefined control sequence: \\nosuchmacro at position 1: \\nosuchmacro x")
        // Cached errors are still errors.
        fixture.typesetter.environment = ["PATH": "/nonexistent"]
        #expect(fixture.errors().count == 2)
    }

    @Test func missingNodeIsNamed() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("katex-cache-\(UUID().uuidString)")
        var fixture = try fixture(cache: cache)
        fixture.typesetter.environment = ["PATH": "/nonexistent"]
        try fixture.add("01-a.md", "# A\n\nSee $x$.\n")
        let errors = fixture.errors()
        #expect(errors.map(\.description) == ["chapters/01-a.md:3:5: error: math needs Node.js to be typeset, and 'node' is not on PATH; install the Debian package 'nodejs' (make site does)"])
    }
}
