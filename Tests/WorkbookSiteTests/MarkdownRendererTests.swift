import Testing
@testable import WorkbookSite

@Suite struct MarkdownRendererTests {
    @Test func rendersAGFMTableThroughCMarkGFM() {
        let html = MarkdownDocument(markdown: "| a | b |\n|---|--:|\n| 1 | 2 |\n").renderHTML()
        #expect(html.contains("<table>"))
        #expect(html.contains("<td>1</td>"))
        #expect(html.contains("style=\"text-align: right\""))
    }

    @Test func reportsHeadingsAndLinksWithLines() {
        let document = MarkdownDocument(markdown: "# Title\n\nSome text\nand [a link](./02-ewa.md#bias) here.\n\n## Second *part*\n\n| x |\n|---|\n| [t](x.md) |\n")
        #expect(document.headings.map(\.text) == ["Title", "Second part"])
        #expect(document.headings.map(\.line) == [1, 6])
        #expect(document.links.map(\.destination) == ["./02-ewa.md#bias", "x.md"])
        document.setHeadingAnchors(["title", "second-part"])
        document.rewriteLinks { _, link in link.destination + ".html" }
        let html = document.renderHTML()
        #expect(html.contains("<h2 id=\"second-part\">\nSecond <em>part</em> <a class=\"anchor\" href=\"#second-part\""))
    }

    @Test func inlineHTMLInAnchoredHeadingsSurvives() {
        // Inline literals point into the heading's text; the heading must outlive rendering.
        for _ in 0..<20 {
            let document = MarkdownDocument(markdown: "# A <b class=\"x\">bold</b> heading and `code`\n\ntext\n")
            document.setHeadingAnchors(["a-bold-heading"])
            let html = document.renderHTML()
            #expect(html.contains("<h1 id=\"a-bold-heading\">\nA <b class=\"x\">bold</b> heading and <code>code</code>"))
        }
    }
}
