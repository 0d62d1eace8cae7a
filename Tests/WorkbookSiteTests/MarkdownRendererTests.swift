import Testing
@testable import WorkbookSite

@Suite struct MarkdownRendererTests {
    private func render(_ markdown: String, _ environment: MarkdownEnvironment = MarkdownEnvironment()) -> RenderedMarkdown {
        var slugger = HeadingSlugger()
        return MarkdownRenderer.render(markdown, environment: environment, slugger: &slugger)
    }

    /// Footnotes are parsed only in texts holding `[^` (which every footnote needs).
    @Test func footnotesRenderWhereverTheTextHoldsOne() {
        let html = render("Text[^n].\n\n[^n]: A note.\n").html
        #expect(html.contains("<section class=\"footnotes\""))
        #expect(html.contains("href=\"#fn-n\""))
        let atTheEnd = render("[^1]: Defined first.\n\nUsed last[^1]").html
        #expect(atTheEnd.contains("href=\"#fn-1\""))
        #expect(render("No note, a bracket at the very end [").html == "<p>No note, a bracket at the very end [</p>\n")
        #expect(render("[^x] with no definition stays text.").html == "<p>[^x] with no definition stays text.</p>\n")
    }

    @Test func rendersAGFMTableThroughCMarkGFM() {
        let html = render("| a | b |\n|---|--:|\n| 1 | 2 |\n").html
        #expect(html.contains("<table>"))
        #expect(html.contains("<td>1</td>"))
        #expect(html.contains("style=\"text-align: right\""))
    }

    @Test func reportsHeadingsAndRewritesLinks() {
        var environment = MarkdownEnvironment()
        environment.rewriteLink = { .success($0 + ".html") }
        let rendered = render("# Title\n\nSome text\nand [a link](./02-ewa.md#bias) here.\n\n## Second *part*\n\n| x |\n|---|\n| [t](x.md) |\n", environment)
        #expect(rendered.headings.map(\.text) == ["Title", "Second part"])
        #expect(rendered.headings.map(\.anchor) == ["title", "second-part"])
        #expect(rendered.html.contains("<h2 id=\"second-part\">\nSecond <em>part</em> <a class=\"anchor\" href=\"#second-part\""))
        #expect(rendered.html.contains("<a href=\"./02-ewa.md#bias.html\">a link</a>"))
        #expect(rendered.html.contains("<a href=\"x.md.html\">t</a>"))
    }

    @Test func brokenLinksAreLocated() {
        var environment = MarkdownEnvironment()
        environment.rewriteLink = { _ in .failure(LinkProblem(message: "broken")) }
        let rendered = render("# T\n\ntext\nand [a](b.md) here.\n", environment)
        #expect(rendered.problems == [MarkdownProblem(line: 4, column: 5, message: "broken", kind: .link)])
    }

    @Test func inlineHTMLInAnchoredHeadingsSurvives() {
        // Inline literals point into the heading's text; the heading must outlive rendering.
        for _ in 0..<20 {
            let html = render("# A <b class=\"x\">bold</b> heading and `code`\n\ntext\n").html
            #expect(html.contains("<h1 id=\"a-bold-heading-and-code\">\nA <b class=\"x\">bold</b> heading and <code>code</code>"))
        }
    }

    @Test func idsOfEveryKindAreFound() {
        let rendered = render("# T\n\n<a id=\"here\"></a>x[^n]\n\n<div id=\"box\">y</div>\n\n[^n]: note\n")
        #expect(rendered.ids == ["t", "here", "fnref-n", "box", "fn-n"])
    }

    @Test(arguments: [
        ("> [!NOTE]\n> Read this.\n", "note", "<p>Read this.</p>"),
        ("> [!tip]\n> Try $x$.\n", "tip", "<p>Try <span class=\"math inline\">"),
        ("> [!IMPORTANT]\n>\n> Alone.\n", "important", "<p>Alone.</p>"),
        ("> [!WARNING]\n> Careful.\n", "warning", "<p>Careful.</p>"),
        ("> [!CAUTION]\n> Hot.\n", "caution", "<p>Hot.</p>"),
        ("> Note: Read this.\n", "note", "<p>Read this.</p>"),
        ("> Tip: Try *this*.\n", "tip", "<p>Try <em>this</em>.</p>"),
        ("> Important: Mind it.\n", "important", "<p>Mind it.</p>"),
        ("> Warning: Careful.\n", "warning", "<p>Careful.</p>"),
    ])
    func asidesBecomeCallouts(_ markdown: String, _ kind: String, _ body: String) {
        let html = render(markdown).html
        #expect(html.contains("<aside class=\"callout callout-\(kind)\">\n<p class=\"callout-title\">\(kind.prefix(1).uppercased() + kind.dropFirst())</p>"))
        #expect(html.contains(body))
        #expect(!html.contains("[!") && !html.contains("blockquote"))
    }

    @Test func ordinaryQuotesStayQuotes() {
        for markdown in ["> A quote.\n", "> [!UNKNOWN]\n> x\n", "> Notes: x\n", "> [!NOTE] more\n"] {
            #expect(render(markdown).html.contains("<blockquote>"))
        }
    }

    @Test func placeholdersAreLeftAloneInOutputs() {
        let rendered = render("Braces {{DATE_ISO}} stay.\n")
        #expect(rendered.html == "<p>Braces {{DATE_ISO}} stay.</p>\n")
        #expect(rendered.problems.isEmpty)
    }
}
