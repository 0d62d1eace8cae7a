import Foundation
import Testing

/// The site through the real binary: output kinds, GFM extensions, the date's sources and
/// time zone, literal braces, and a workbook's own theme.
@Suite struct SiteKindsTests {
    @Test func everyOutputKindAndGFMExtensionReachesThePage() throws {
        let run = try WorkbookProcess.run(["build", "--date", "2026-11-21"], fixture: "site-kinds")
        #expect(run.exitCode == 0, "\(run.stderr)")
        let page = try run.root.text("site/01-kinds.html")
        // hide: the output is shown, the code is not.
        #expect(page.contains("hidden setup ran"))
        #expect(!page.contains("let rows = "))
        // output=markdown becomes a real table.
        #expect(page.contains("<td>a</td>"))
        #expect(page.contains("<td style=\"text-align: right\">2</td>"))
        // norun: shown, never run; output=none: run, output discarded.
        #expect(page.contains("never runs"))
        #expect(page.contains("print(") && !page.contains("<samp>discarded"))
        // GFM extensions.
        #expect(page.contains("<del>struck</del>"))
        #expect(page.contains("type=\"checkbox\""))
        #expect(page.contains("class=\"footnotes\""))
        // Placeholders: expanded in prose, literal when escaped or in code.
        #expect(page.contains("Today is 2026-11-21, 21 November 2026; {{DATE_ISO}} is written literally"))
        #expect(page.contains("<code>{{DATE_ISO}}</code>"))
    }

    @Test func theWorkbooksThemeReplacesTheBuiltInTemplate() throws {
        let run = try WorkbookProcess.run(["build"], fixture: "site-kinds")
        #expect(run.exitCode == 0, "\(run.stderr)")
        let page = try run.root.text("site/01-kinds.html")
        #expect(page.contains("<p id=\"custom-theme\">custom page template</p>"))
        // The built-in stylesheet is still there, since the theme does not replace it.
        #expect(FileManager.default.fileExists(atPath: run.root.appendingPathComponent("site/style.css").path))
    }

    @Test func sourceDateEpochIsTakenInTheWorkbooksTimeZoneAndRebuildsAreIdentical() throws {
        // 831859200 is 1996-05-12T00:00:00Z, already the 12th in Auckland (UTC+12).
        let first = try WorkbookProcess.run(["build"], fixture: "site-kinds", pinDate: false)
        #expect(first.exitCode == 0, "\(first.stderr)")
        let page = try first.root.text("site/01-kinds.html")
        #expect(page.contains("Today is 1996-05-12, 12 May 1996"))
        let second = try WorkbookProcess.run(["build"], in: first.root, pinDate: false)
        #expect(second.exitCode == 0)
        #expect(try second.root.text("site/01-kinds.html") == page)
        #expect(try second.root.text("site/index.html") == first.root.text("site/index.html"))
    }
}
