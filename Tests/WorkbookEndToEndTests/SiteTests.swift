import Foundation
import Testing

@Suite struct SiteTests {
    @Test func buildRendersPlaceholdersMathLinksAndOutputs() throws {
        let run = try WorkbookProcess.run(["build", "--date", "2026-11-21"], fixture: "site-diary")
        #expect(run.exitCode == 0, "\(run.stderr)")
        let diary = try run.root.text("site/01-diary.html")
        #expect(diary.contains("Written Saturday, November 21, 2026: day 460 since 2025-08-18, 20 since the start."))
        // Math is typeset by KaTeX when the site is built; its TeX stays in the annotation.
        #expect(diary.contains(#"<td><span class="math inline"><span class="katex">"#))
        #expect(diary.contains(#"<annotation encoding="application/x-tex">\{1\}</annotation>"#))
        #expect(diary.contains(#"<annotation encoding="application/x-tex">a_1 * b_2</annotation>"#))
        #expect(diary.contains(#"<a href="02-plot.html#the-plot">the plot</a>"#))
        #expect(diary.contains("<samp>{{DATE_ISO}} stays literal in outputs\n</samp>"))
        #expect(!diary.contains("stale recorded text"))
        let plot = try run.root.text("site/02-plot.html")
        #expect(plot.contains(#"<div class="output output-html">"#))
        #expect(plot.contains(#"<rect width="8" height="8"/>"#))
        #expect(FileManager.default.fileExists(atPath: run.root.appendingPathComponent("site/katex/katex.min.css").path))
        #expect(!FileManager.default.fileExists(atPath: run.root.appendingPathComponent("site/katex/katex.min.js").path))
        // The sources keep their placeholders.
        #expect(try run.root.text("chapters/01-diary.md").contains("{{DATE_PRETTY}}"))
    }

    @Test func aBrokenLinkFailsTheBuildAndKeepsThePreviousSite() throws {
        let first = try WorkbookProcess.run(["build"], fixture: "site-diary")
        #expect(first.exitCode == 0, "\(first.stderr)")
        let before = try first.root.text("site/01-diary.html")
        let source = try first.root.text("chapters/01-diary.md")
        try first.root.write(source.replacingOccurrences(of: "./02-plot.md#the-plot", with: "./02-plot.md#nowhere") + "\n{{TOMORROW}}\n", to: "chapters/01-diary.md")
        let second = try WorkbookProcess.run(["build"], in: first.root)
        #expect(second.exitCode != 0)
        #expect(second.stderr.contains("chapters/01-diary.md:10:5: error: link to './02-plot.md#nowhere'"))
        #expect(second.stderr.contains("'02-plot.md' has no heading '#nowhere'"))
        #expect(second.stderr.contains("chapters/01-diary.md:20:1: error: unknown placeholder '{{TOMORROW}}'"))
        #expect(try second.root.text("site/01-diary.html") == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: first.root.path).filter { $0.hasPrefix(".site") }
        #expect(leftovers.isEmpty)
    }
}
