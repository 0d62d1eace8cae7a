import Testing
import WorkbookKit
@testable import WorkbookSite

/// The prose of a DocC catalog's page: comments and directives out, images by bare name, line
/// for line.
@Suite struct DocCProseTests {
    func chapter(_ source: String) -> Chapter {
        var chapter = Chapter(path: "Book.docc/Guide/Page.md", source: source, blocks: [])
        chapter.catalogImages = ["UTF8": CatalogImage(light: "Assets/UTF8@2x.png", dark: "Assets/UTF8~dark@2x.png")]
        return chapter
    }

    @Test func commentsAndDirectivesBecomeBlankLinesAndTheRestStays() {
        let text = "# Page\n@Metadata {\n  @PageKind(article)\n}\n<!--\n  - test: `x`\n-->\nText.\n@Row {\n  Shown.\n}\n```\n@notADirective\n```\n"
        let shown = DocCProse.shown(text, chapter: chapter(text))
        #expect(shown == "# Page\n\n\n\n\n\n\nText.\n\n  Shown.\n\n```\n@notADirective\n```\n")
    }

    @Test func anImageByBareNameIsItsLightAndDarkVariants() {
        let text = "See ![UTF-8](UTF8) and ![other](other.png).\n"
        #expect(DocCProse.shown(text, chapter: chapter(text))
                == "See ![UTF-8](../Assets/UTF8@2x.png)![UTF-8](../Assets/UTF8~dark@2x.png) and ![other](other.png).\n")
        let html = "<p><img src=\"a@2x.png\" alt=\"A\" /><img src=\"a~dark@2x.png\" alt=\"A\" /> <img src=\"b.png\" alt=\"\" /></p>"
        #expect(DocCProse.pictures(in: html)
                == "<p><picture><source srcset=\"a~dark@2x.png\" media=\"(prefers-color-scheme: dark)\" /><img src=\"a@2x.png\" alt=\"A\" /></picture> <img src=\"b.png\" alt=\"\" /></p>")
    }
}
