import Foundation
import Testing
import WorkbookKit
@testable import WorkbookSite

/// The site reads KaTeX from the platform layer's location, or from the folder it is given.
@Suite struct KaTeXLocationTests {
    @Test func theSiteReadsKaTeXFromTheSystemLocationByDefault() {
        #expect(SiteGenerator.defaultKaTeXFolder == KaTeXLocation.folder)
        #expect(SiteAssets().katexFolder == KaTeXLocation.folder)
        #expect(MathTypesetter(environment: [:]).katexScript == KaTeXLocation.script())
    }

    @Test func anotherKaTeXFolderReplacesTheSystemOne() {
        let other = URL(fileURLWithPath: "/opt/katex")
        let typesetter = MathTypesetter.forWorkbook(root: URL(fileURLWithPath: "/tmp/book"), environment: [:], katexFolder: other)
        #expect(typesetter.katexScript.path == "/opt/katex/katex.js")
        #expect(throws: WorkbookErrors.self) { try SiteAssets(katexFolder: other.appendingPathComponent("missing")).files() }
    }
}
