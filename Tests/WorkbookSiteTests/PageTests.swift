import Foundation
import Testing
import WorkbookKit
@testable import WorkbookSite

@Suite struct PageTests {
    @Test func outputKindsRenderUnderTheirCode() throws {
        var fixture = SiteFixture()
        try fixture.add("01-a.md", """
        # Outputs

        ```swift
        print("plain <text>")
        ```

        ```output
        recorded, stale
        ```

        ```swift output=markdown
        print("| a | b |")
        ```

        <!-- output -->
        | old | table |
        <!-- /output -->

        ```swift output=html
        print("<svg></svg>")
        ```

        ```swift hide
        print("only the output")
        ```

        ```swift norun
        fatalError()
        ```

        ```swift output=none
        print("discarded")
        ```

        """, outputs: [
            "plain <text>\n",
            "| a | $x_1$ |\n|---|---|\n| 1 | 2 |\n",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><circle cx=\"5\" cy=\"5\" r=\"4\"/></svg>\n",
            "only the output\n",
            nil,
            "discarded\n",
        ])
        let article = try fixture.article("01-a")
        #expect(article.contains("<pre class=\"output\"><samp>plain &lt;text&gt;\n</samp></pre>"))
        #expect(!article.contains("recorded, stale"))
        #expect(!article.contains("old"))
        #expect(article.contains("<div class=\"output output-markdown\">\n<table>"))
        #expect(article.contains("<th><span class=\"math inline\">\\(x_1\\)</span></th>"))
        #expect(article.contains("<div class=\"output output-html\">\n<svg xmlns="))
        #expect(article.contains("<div class=\"snippet hidden-code\">\n<pre class=\"output\"><samp>only the output"))
        #expect(!article.contains("print(<span class=\"hl-string\">&quot;only the output"))
        #expect(article.contains("<div class=\"snippet norun\">\n<p class=\"snippet-note\">Not run</p>"))
        #expect(!article.contains("<samp>discarded"))
        #expect(article.contains("<span class=\"hl-keyword\">print</span>") == false)
        #expect(article.contains("print(<span class=\"hl-string\">&quot;plain &lt;text&gt;&quot;</span>)"))
    }

    @Test func linksToChaptersAndHeadingsBecomePageLinks() throws {
        var fixture = SiteFixture()
        try fixture.add("01-a.md", """
        # Start

        See [EWA](./02-ewa.md), [bias](./02-ewa.md#bias-correction), [again](02-ewa.md#bias-correction-1),
        [here](#start), [out](https://example.org/x.md) and [mail](mailto:a@b.c).

        """)
        try fixture.add("02-ewa.md", "# EWA\n\n## Bias correction\n\n## Bias correction\n\nBack to [start](./01-a.md#start).\n")
        let pages = try fixture.render()
        let first = pages["01-a.html"] ?? ""
        #expect(first.contains(#"<a href="02-ewa.html">EWA</a>"#))
        #expect(first.contains(#"<a href="02-ewa.html#bias-correction">bias</a>"#))
        #expect(first.contains(#"<a href="02-ewa.html#bias-correction-1">again</a>"#))
        #expect(first.contains(##"<a href="#start">here</a>"##))
        #expect(first.contains(#"<a href="https://example.org/x.md">out</a>"#))
        let second = pages["02-ewa.html"] ?? ""
        #expect(second.contains(#"<h2 id="bias-correction">"#))
        #expect(second.contains(#"<h2 id="bias-correction-1">"#))
        #expect(second.contains(#"<a href="01-a.html#start">start</a>"#))
    }

    @Test func brokenLinksAreErrorsAtTheirLines() throws {
        var fixture = SiteFixture()
        try fixture.add("01-a.md", "# A\n\nText.\n\nA [missing](./09-nope.md) chapter.\n\n| x |\n|---|\n| [bad anchor](./02-b.md#nowhere) |\n\nAnd [here](#nothing).\n")
        try fixture.add("02-b.md", "# B\n\n## Somewhere\n")
        let errors = fixture.errors()
        #expect(errors.map(\.line) == [5, 9, 11])
        #expect(errors.allSatisfy { $0.path == "chapters/01-a.md" })
        #expect(errors[0].message.contains("no chapter '09-nope.md'"))
        #expect(errors[1].message.contains("'02-b.md' has no heading '#nowhere' nor other anchor"))
        #expect(errors[1].message.contains("'#somewhere'"))
        #expect(errors[2].message.contains("'#nothing'"))
    }

    @Test(arguments: [
        ("Bias correction", "bias-correction"),
        ("What's `x̂`? (again)", "whats-x̂-again"),
        ("Über  Größe", "über--größe"),
        ("$\\mu$ and σ²", "mu-and-σ²"),
    ])
    func headingSlugsAreGitHubStyle(_ text: String, _ slug: String) {
        var slugger = HeadingSlugger()
        #expect(slugger.slug(for: text) == slug)
    }

    @Test func duplicateSlugsAreNumbered() {
        var slugger = HeadingSlugger()
        #expect(["A", "A", "A", "A-1"].map { slugger.slug(for: $0) } == ["a", "a-1", "a-2", "a-1-1"])
    }

    @Test func indexListsChaptersWithSummaries() throws {
        var fixture = SiteFixture()
        fixture.config.description = "Notes on *Batch Normalization* at test time."
        try fixture.add("01-intro.md", "# Why $\\mu$ matters\n\nBatch statistics change. The rest follows.\n\n## One\n\n### Two\n")
        try fixture.add("02-ewa.md", "No title here. Really.\n")
        let pages = try fixture.render()
        let index = pages["index.html"] ?? ""
        #expect(index.contains("<title>Test Book</title>"))
        #expect(index.contains("<em>Batch Normalization</em>"))
        #expect(index.contains(#"<span class="toc-title">Why <span class="math inline">\(\mu\)</span> matters</span>"#))
        #expect(index.contains(#"<p class="summary">Batch statistics change.</p>"#))
        #expect(index.contains(#"<p class="summary">No title here.</p>"#))
        let first = pages["01-intro.html"] ?? ""
        #expect(first.contains("<title>Why $\\mu$ matters · Test Book</title>"))
        #expect(first.contains(#"<li class="current"><a href="01-intro.html" aria-current="page">"#))
        #expect(first.contains(##"<li class="level-2"><a href="#one">One</a></li>"##))
        #expect(first.contains(##"<li class="level-3"><a href="#two">Two</a></li>"##))
        #expect(first.contains(#"<a class="next" href="02-ewa.html" rel="next">"#))
        #expect(!first.contains(#"class="previous""#))
        let second = pages["02-ewa.html"] ?? ""
        #expect(second.contains("<title>02-ewa · Test Book</title>"))
        #expect(second.contains(#"<a class="previous" href="01-intro.html" rel="prev">"#))
    }

    @Test func pagesRequestNothingFromTheNetwork() throws {
        var fixture = SiteFixture()
        try fixture.add("01-a.md", "# A\n\n[external link](https://example.org)\n")
        let page = try fixture.render()["01-a.html"] ?? ""
        let requests = page.components(separatedBy: "src=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
            + page.components(separatedBy: "<link rel=\"stylesheet\" href=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(!requests.isEmpty)
        #expect(requests.allSatisfy { !$0.contains(":") && !$0.hasPrefix("//") })
    }

    @Test func gfmExtensionsAreOn() throws {
        var fixture = SiteFixture()
        try fixture.add("01-a.md", "# A\n\n~~old~~ www.example.org\n\n- [x] done\n- [ ] todo\n\nNote[^1].\n\n[^1]: The footnote.\n")
        let article = try fixture.article("01-a")
        #expect(article.contains("<del>old</del>"))
        #expect(article.contains(#"<a href="http://www.example.org">www.example.org</a>"#))
        #expect(article.contains(#"type="checkbox" checked="" disabled="""#))
        #expect(article.contains("class=\"footnotes\""))
    }
}
