import WorkbookKit

/// An entry of a chapter's outline.
struct OutlineEntry: Equatable {
    var level: Int
    var anchor: String
    var titleHTML: String
}

/// A chapter parsed, its placeholders expanded and its headings anchored; its links wait for
/// every chapter's anchors.
struct ChapterDraft {
    var executed: ExecutedChapter
    var document: MarkdownDocument
    var math: MathProtector
    /// The page's title as text (first `#` heading, else the file name) and as HTML.
    var title: String
    var titleHTML: String
    /// Every heading's anchor, in order.
    var anchors: [String]
    /// The `##` and `###` headings.
    var outline: [OutlineEntry]
    /// The first sentence of the first paragraph, as HTML.
    var summaryHTML: String

    var chapter: Chapter { executed.chapter }
}

/// Turns a chapter's blocks and actual outputs into the body of its page.
///
/// The chapter's prose is parsed as one Markdown document (so footnotes and link reference
/// definitions work across snippets), with each snippet replaced by a marker line and padded
/// with blank lines so cmark's line numbers are the source's.
struct PageComposer {
    let prosePreparer: ProsePreparer
    let outputPreparer = ProsePreparer(expander: nil)
    let highlighter = SwiftHighlighter()

    static let markerPrefix = "<!--workbook-snippet:"
    static let markerSuffix = "-->"

    /// Parses the chapter and settles its headings; placeholder errors are returned located.
    func draft(_ executed: ExecutedChapter) -> (ChapterDraft, [WorkbookError]) {
        let chapter = executed.chapter
        let prepared = prosePreparer.prepare(Self.proseWithMarkers(chapter))
        let errors = prepared.problems.map {
            WorkbookError(path: chapter.path, line: $0.line, column: $0.column, message: $0.message, stage: "render")
        }
        let document = MarkdownDocument(utf8: prepared.bytes)
        let math = prepared.math
        var slugger = HeadingSlugger()
        var anchors: [String] = []
        var outline: [OutlineEntry] = []
        var title: String? = nil
        var titleHTML: String? = nil
        for heading in document.headings {
            let anchor = slugger.slug(for: math.restore(inPlainText: heading.text))
            anchors.append(anchor)
            let html = math.restore(inHTML: HTMLEscaping.text(heading.text))
            if heading.level == 1 && title == nil {
                title = math.restore(inPlainText: heading.text)
                titleHTML = html
            } else if heading.level == 2 || heading.level == 3 {
                outline.append(OutlineEntry(level: heading.level, anchor: anchor, titleHTML: html))
            }
        }
        document.setHeadingAnchors(anchors)
        let summary = Self.firstSentence(of: document.firstParagraphText ?? "")
        return (ChapterDraft(
            executed: executed, document: document, math: math,
            title: title ?? chapter.slug, titleHTML: titleHTML ?? HTMLEscaping.text(chapter.slug),
            anchors: anchors, outline: outline,
            summaryHTML: math.restore(inHTML: HTMLEscaping.text(summary))), errors)
    }

    /// The page body: prose with links rewritten, snippets with their actual outputs.
    func body(of draft: ChapterDraft, links: LinkRewriter) -> (String, [WorkbookError]) {
        let chapter = draft.chapter
        var errors: [WorkbookError] = []
        draft.document.rewriteLinks { _, link in
            switch links.rewrite(link.destination, fromFile: chapter.fileName) {
            case .success(let destination): return destination
            case .failure(let problem):
                errors.append(WorkbookError(path: chapter.path, line: link.line, column: link.column, message: problem.message, stage: "render"))
                return nil
            }
        }
        let prose = draft.document.withRenderedHTML { draft.math.restore(inHTML: $0) }
        let snippets = chapter.snippets
        var html = ""
        html.reserveCapacity(prose.utf8.count + snippets.count * 256)
        var rest = prose[...]
        while let marker = rest.range(of: Self.markerPrefix) {
            html += rest[..<marker.lowerBound]
            let afterPrefix = rest[marker.upperBound...]
            guard let close = afterPrefix.range(of: Self.markerSuffix),
                  let index = Int(afterPrefix[..<close.lowerBound]), index < snippets.count else {
                html += rest[marker]
                rest = afterPrefix
                continue
            }
            let output = index < draft.executed.outputs.count ? draft.executed.outputs[index] : nil
            let (snippetHTML, snippetErrors) = self.snippetHTML(snippets[index], output: output, chapter: chapter, links: links)
            html += snippetHTML
            errors += snippetErrors
            rest = afterPrefix[close.upperBound...]
            if rest.first == "\n" { rest = rest.dropFirst() }
        }
        html += rest
        return (html, errors)
    }

    /// One snippet: its code (unless hidden), then its actual output by kind.
    func snippetHTML(_ snippet: Snippet, output: String?, chapter: Chapter, links: LinkRewriter) -> (String, [WorkbookError]) {
        var errors: [WorkbookError] = []
        var classes = "snippet"
        if snippet.options.norun { classes += " norun" }
        if snippet.options.hide { classes += " hidden-code" }
        var html = "<div class=\"\(classes)\">\n"
        if !snippet.options.hide {
            if snippet.options.norun { html += "<p class=\"snippet-note\">Not run</p>\n" }
            html += "<pre class=\"code\"><code class=\"language-swift\">\(highlighter.highlight(snippet.code))</code></pre>\n"
        }
        if let output, !output.isEmpty, !snippet.options.norun {
            switch snippet.options.output {
            case .text:
                html += "<pre class=\"output\"><samp>\(HTMLEscaping.text(output))</samp></pre>\n"
            case .markdown:
                let prepared = outputPreparer.prepare(output)
                let document = MarkdownDocument(utf8: prepared.bytes)
                document.rewriteLinks { _, link in
                    switch links.rewrite(link.destination, fromFile: chapter.fileName) {
                    case .success(let destination): return destination
                    case .failure(let problem):
                        errors.append(WorkbookError(path: chapter.path, line: snippet.fenceLine, column: 1, message: "in the snippet's output: " + problem.message, stage: "render"))
                        return nil
                    }
                }
                html += "<div class=\"output output-markdown\">\n\(document.withRenderedHTML { prepared.math.restore(inHTML: $0) })</div>\n"
            case .html:
                html += "<div class=\"output output-html\">\n\(output)</div>\n"
            case .none:
                break
            }
        }
        html += "</div>\n"
        return (html, errors)
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
                text += prose.text
                var lines = prose.text.utf8.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
                if !prose.text.hasSuffix("\n") {
                    text += "\n"
                    lines += 1
                }
                nextLine = prose.firstLine + lines
            case .snippet(let snippet):
                pad(to: snippet.fenceLine)
                text += "\(markerPrefix)\(snippet.index)\(markerSuffix)\n"
                nextLine = snippet.fenceLine + 1
            }
        }
        return text
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
        return text.trimmingCharacters(in: " ")
    }
}

extension String {
    fileprivate func trimmingCharacters(in character: Character) -> String {
        var text = self[...]
        while text.first == character { text = text.dropFirst() }
        while text.last == character { text = text.dropLast() }
        return String(text)
    }
}
