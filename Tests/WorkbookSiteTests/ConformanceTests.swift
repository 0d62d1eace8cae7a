import Foundation
import Testing
import WorkbookKit
@testable import WorkbookSite

/// Every example of the GFM spec (`Tests/Conformance/spec.txt`) through the site's renderer,
/// against cmark-gfm's own rendering of it (same extensions and options, without the math and
/// placeholder extensions), heading anchors aside. Then each example again with prose words
/// replaced by `$x$` or `{{DATE_ISO}}`: the structure must not change.
@Suite struct ConformanceTests {
    struct Example {
        var number: Int
        var markdown: String
    }

    static let examples: [Example] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Conformance/spec.txt")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        var examples: [Example] = []
        var markdown: String? = nil
        let fence = String(repeating: "`", count: 32)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(fence + " example") {
                markdown = ""
            } else if var current = markdown {
                if line == "." {
                    examples.append(Example(number: examples.count + 1, markdown: current.replacingOccurrences(of: "→", with: "\t")))
                    markdown = nil
                } else {
                    current += line + "\n"
                    markdown = current
                }
            }
        }
        return examples
    }()

    static let expander = PlaceholderExpander(
        date: BuildDate(today: CalendarDay(year: 2026, month: 11, day: 21), pretty: "Saturday"),
        repositoryStart: .success(CalendarDay(year: 2026, month: 1, day: 1)))

    /// cmark-gfm's rendering.
    static func cmark(_ markdown: String) -> String {
        MarkdownDocument(markdown, math: false, placeholders: false).renderHTML()
    }

    /// The site's rendering, heading anchors removed; with `keepingSource`, math and
    /// placeholders are written back as they were typed.
    static func site(_ markdown: String, keepingSource: Bool = false) -> String {
        var environment = MarkdownEnvironment(placeholders: expander)
        environment.keepsSource = keepingSource
        var slugger = HeadingSlugger()
        let html = MarkdownRenderer.render(markdown, environment: environment, slugger: &slugger).html
        return withoutAnchors(html)
    }

    static func withoutAnchors(_ html: String) -> String {
        html.replacingOccurrences(of: #"<h([1-6]) id="[^"]*">\n"#, with: "<h$1>", options: .regularExpression)
            .replacingOccurrences(of: ##" <a class="anchor" href="#[^"]*" aria-label="Link to this section">#</a>\n</h([1-6])>"##, with: "</h$1>", options: .regularExpression)
    }

    @Test func everyExampleRendersAsCMarkGFMRendersIt() {
        #expect(Self.examples.count == 673)
        let different = Self.examples.filter { Self.site($0.markdown) != Self.cmark($0.markdown) }
        #expect(different.map(\.number) == [], "\(different.first.map { Self.site($0.markdown) + " vs " + Self.cmark($0.markdown) } ?? "")")
    }

    /// The words of an example that cmark-gfm reads as prose: in text nodes, outside links.
    static func proseWords(_ markdown: String) -> [String] {
        let document = MarkdownDocument(markdown, math: false, placeholders: false)
        var words: [String] = []
        var next = document.root.firstChild
        while let node = next {
            if node.kind == .text, !node.isInsideLink {
                for word in node.literal.split(whereSeparator: { !$0.isLetter }) where word.count >= 3 && word.allSatisfy(\.isASCII) {
                    if !words.contains(String(word)) { words.append(String(word)) }
                }
            }
            next = node.nextInDocumentOrder(within: document.root)
        }
        return words
    }

    /// `markdown` with every whole-word `word` replaced.
    static func replacing(_ word: String, with replacement: String, in markdown: String) -> String {
        markdown.replacingOccurrences(of: "(?<![A-Za-z0-9_\\\\])\(word)(?![A-Za-z0-9_])", with: NSRegularExpression.escapedTemplate(for: replacement), options: .regularExpression)
    }

    @Test(arguments: ["$x$", "{{DATE_ISO}}"])
    func mathAndPlaceholdersInProseNeverChangeTheStructure(_ replacement: String) {
        var mutated = 0
        var wrong: [String] = []
        for example in Self.examples {
            for word in Self.proseWords(example.markdown).prefix(3) {
                let markdown = Self.replacing(word, with: replacement, in: example.markdown)
                guard markdown != example.markdown else { continue }
                mutated += 1
                if Self.site(markdown, keepingSource: true) != Self.cmark(markdown) {
                    wrong.append("example \(example.number), '\(word)': \(markdown)")
                }
            }
        }
        #expect(mutated > 600)
        #expect(wrong == [])
    }
}
