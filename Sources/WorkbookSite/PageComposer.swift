import WorkbookKit
import NoteKit

/// An entry of a chapter's outline.
struct OutlineEntry: Equatable, Sendable {
    var level: Int
    var anchor: String
    var pieces: [InlinePiece]
}

/// A chapter read once through the renderer, as values: what other pages need to know of it
/// (its anchors, title, outline) and what the build must fetch for it (formulas, images).
struct ChapterDraft: Sendable {
    var executed: ExecutedChapter
    var rendered: RenderedMarkdown
    /// The first `#` heading, if any.
    var title: RenderedHeading?
    var chapter: Chapter { executed.chapter }
    /// The `##` and `###` headings, those of Markdown outputs included.
    var outline: [OutlineEntry] {
        rendered.headings.filter { $0.level == 2 || $0.level == 3 }.map { OutlineEntry(level: $0.level, anchor: $0.anchor, pieces: $0.pieces) }
    }
    var titleText: String { title?.text ?? chapter.slug }
    var titlePieces: [InlinePiece] { title?.pieces ?? [.text(chapter.slug)] }
}

/// Turns a chapter's blocks and actual outputs into the body of its page.
///
/// The chapter's prose is parsed as one Markdown document (so footnotes and link reference
/// definitions work across snippets), each snippet replaced by a marker line (an HTML comment)
/// and padded with blank lines so cmark's line numbers are the source's. The prose itself
/// reaches cmark-gfm as written.
struct PageComposer {
    let highlighter = SwiftHighlighter()

    /// What rendering a chapter may look up (see `MarkdownEnvironment`).
    struct Lookups {
        var placeholders: PlaceholderExpander
        var math: [MathFormula: String] = [:]
        var links: LinkRewriter?
        var images: [String: String] = [:]
    }

    /// The chapter rendered with `lookups`: its body, headings (outputs' included), formulas,
    /// images and problems, located in the chapter.
    func render(_ executed: ExecutedChapter, lookups: Lookups) -> RenderedMarkdown {
        let chapter = executed.chapter
        var environment = MarkdownEnvironment(placeholders: lookups.placeholders, math: lookups.math)
        if let links = lookups.links {
            environment.rewriteLink = { links.rewrite($0, fromFile: chapter.path) }
        }
        environment.rewriteImage = { destination in
            guard ImageReference.isLocal(destination) else { return .success(nil) }
            return .success(lookups.images[SiteImages.sourcePath(of: destination, inFile: chapter.path) ?? ""])
        }
        environment.snippet = { index, slugger in
            guard index < chapter.snippets.count else { return RenderedMarkdown() }
            let output = index < executed.outputs.count ? executed.outputs[index] : nil
            return snippet(chapter.snippets[index], output: output, chapter: chapter, lookups: lookups, slugger: &slugger)
        }
        var slugger = HeadingSlugger()
        var rendered = MarkdownRenderer.render(Self.proseWithMarkers(chapter), environment: environment, slugger: &slugger)
        if chapter.inCatalog { rendered.html = DocCProse.pictures(in: rendered.html) }
        let lines = chapter.source.split(separator: "\n", omittingEmptySubsequences: false)
        rendered.problems = rendered.problems.map { problem in
            var problem = problem
            problem.column = Self.characterColumn(problem.column, line: problem.line, of: lines)
            return problem
        }
        rendered.formulas = rendered.formulas.map { formula in
            var formula = formula
            formula.column = Self.characterColumn(formula.column, line: formula.line, of: lines)
            return formula
        }
        return rendered
    }

    /// The label over a snippet's code that is shown and not run: `Template` (code with an
    /// editor placeholder), `Compiled, not run` (`compile`), `Not run` (`norun`).
    static func note(_ options: SnippetOptions) -> String? {
        if options.template { return "Template" }
        if options.compileOnly { return "Compiled, not run" }
        // Signatures are shown as the package's API, checked by `check`, never run.
        if options.signature { return "Signatures" }
        if options.norun { return "Not run" }
        return nil
    }

    /// One snippet: its code (unless hidden), then its actual output by kind.
    func snippet(_ snippet: Snippet, output: String?, chapter: Chapter, lookups: Lookups, slugger: inout HeadingSlugger) -> RenderedMarkdown {
        var result = RenderedMarkdown()
        var classes = "snippet"
        // A listing its `swifttest` blocks test is shown as the book shows it: its test runs it.
        if snippet.options.template { classes += " template" } else if snippet.options.norun && !snippet.tested { classes += " norun" }
        if snippet.options.compileOnly { classes += " compile-only" }
        if snippet.options.hide { classes += " hidden-code" }
        var html = "<div class=\"\(classes)\">\n"
        if !snippet.options.hide {
            if !snippet.tested, let note = Self.note(snippet.options) { html += "<p class=\"snippet-note\">\(note)</p>\n" }
            html += "<pre class=\"code\"><code class=\"language-swift\">\(highlighter.highlight(snippet.code))</code></pre>\n"
        }
        if let output, !output.isEmpty, !snippet.options.norun {
            switch snippet.options.output {
            case .text:
                html += "<pre class=\"output\"><samp>\(HTMLEscaping.text(output))</samp></pre>\n"
                result.sections[0].text = output
            case .markdown:
                var environment = MarkdownEnvironment(placeholders: nil, math: lookups.math)
                if let links = lookups.links {
                    environment.rewriteLink = { links.rewrite($0, fromFile: chapter.path) }
                }
                let rendered = MarkdownRenderer.render(output, environment: environment, slugger: &slugger)
                html += "<div class=\"output output-markdown\">\n\(rendered.html)</div>\n"
                result.headings = rendered.headings
                result.sections = rendered.sections
                result.problems = rendered.problems.map {
                    MarkdownProblem(line: snippet.fenceLine, column: 1, message: "in the snippet's output: " + $0.message, kind: $0.kind)
                }
                result.formulas = rendered.formulas.map { LocatedFormula(formula: $0.formula, line: snippet.fenceLine, column: 1) }
            case .html:
                html += "<div class=\"output output-html\">\n\(output)</div>\n"
            case .none:
                break
            }
        }
        html += "</div>\n"
        result.html = html
        return result
    }

    /// The chapter's prose with each snippet (and its recorded output) replaced by a marker line
    /// and blank lines, so every prose line keeps its line number.
    static func proseWithMarkers(_ chapter: Chapter) -> String {
        var text = ""
        text.reserveCapacity(chapter.source.utf8.count)
        var nextLine = 1
        func pad(to line: Int) {
            while nextLine < line {
                text += "\n"
                nextLine += 1
            }
        }
        for block in chapter.blocks {
            switch block {
            case .prose(let prose):
                pad(to: prose.firstLine)
                text += chapter.inCatalog ? DocCProse.shown(prose.text, chapter: chapter) : prose.text
                var lines = prose.text.utf8.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
                if !prose.text.hasSuffix("\n") {
                    text += "\n"
                    lines += 1
                }
                nextLine = prose.firstLine + lines
            case .snippet(let snippet) where snippet.inProse:
                // Shown by the prose around it, as written (inside its quote or list item).
                continue
            case .snippet(let snippet):
                pad(to: snippet.fenceLine)
                text += "\(MarkdownRenderer.markerPrefix)\(snippet.index)\(MarkdownRenderer.markerSuffix)\n"
                nextLine = snippet.fenceLine + 1
            }
        }
        return text
    }

    /// A 1-based byte column of `line` as a column in characters.
    static func characterColumn(_ byteColumn: Int, line: Int, of lines: [Substring]) -> Int {
        guard line >= 1, line <= lines.count, byteColumn > 1 else { return byteColumn }
        let text = lines[line - 1].utf8
        let end = text.index(text.startIndex, offsetBy: min(byteColumn - 1, text.count))
        return Substring(text[..<end]).count + 1
    }

    /// The text up to the first sentence end (`.`, `!` or `?` followed by a space), or all of it.
    static func firstSentence(of text: String) -> String {
        var previous: Character? = nil
        for index in text.indices {
            let character = text[index]
            if character == " ", let previous, previous == "." || previous == "!" || previous == "?" {
                return String(text[..<index])
            }
            previous = character
        }
        return String(text.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }

    /// The first sentence of a paragraph's pieces.
    static func firstSentence(of pieces: [InlinePiece]) -> [InlinePiece] {
        var result: [InlinePiece] = []
        for piece in pieces {
            guard case .text(let text) = piece else {
                result.append(piece)
                continue
            }
            let sentence = firstSentence(of: text)
            if sentence.count < text.trimmingSpaces.count {
                result.append(.text(sentence))
                return result
            }
            result.append(.text(text))
        }
        return result
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
