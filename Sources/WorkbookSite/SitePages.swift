import WorkbookKit
import NoteKit

/// The pages of `SiteRenderer.render`: every page rendered from the drafts, typeset formulas and images, laid
/// out in the theme's templates, with the search index. Pure: reads nothing, writes nothing.
struct SitePages {
    let config: WorkbookConfig
    let inputs: SiteInputs
    let drafts: [ChapterDraft]
    let math: [MathFormula: String]
    let images: (files: [SiteFile], urls: [String: String])

    func files(errors: inout [WorkbookError]) -> [SiteFile] {
        let links = Self.links(to: drafts)
        let composer = PageComposer()
        var files: [SiteFile] = []
        var search: [SearchIndex.Entry] = []
        for (index, draft) in drafts.enumerated() {
            let lookups = PageComposer.Lookups(placeholders: inputs.expander, math: math, links: links, images: images.urls)
            let rendered = composer.render(draft.executed, lookups: lookups)
            errors += rendered.problems.map {
                WorkbookError(path: draft.chapter.path, line: $0.line, column: $0.column, message: $0.message, stage: "render")
            }
            let page = SiteRenderer.page(of: draft.chapter)
            var context = baseContext(current: index)
            context["pageTitle"] = draft.titleText
            context["content"] = Self.docCTitles(in: rendered.html, links: links)
            context["hasPager"] = true
            context["previous"] = index > 0 ? link(to: drafts[index - 1]) : nil
            context["next"] = index + 1 < drafts.count ? link(to: drafts[index + 1]) : nil
            files.append(SiteFile(path: page, text: inputs.theme.render("page", context.compactMapValues { $0 })))
            search += SearchIndex.entries(page: page, chapterTitle: draft.titleText, sections: rendered.sections)
        }
        var indexContext = baseContext(current: nil)
        let description = renderDescription(links: links, errors: &errors)
        indexContext["descriptionHTML"] = description.isEmpty ? nil : description
        indexContext["pageTitle"] = config.title
        indexContext["isIndex"] = true
        indexContext["content"] = inputs.theme.render("index", indexContext.compactMapValues { $0 })
        files.append(SiteFile(path: "index.html", text: inputs.theme.render("page", indexContext.compactMapValues { $0 })))
        files.append(SiteFile(path: "search-index.js", text: SearchIndex.script(search)))
        files += inputs.theme.files
        return files
    }

    /// The links of every page: to the chapters of `drafts`, their anchors and titles.
    static func links(to drafts: [ChapterDraft]) -> LinkRewriter {
        LinkRewriter(targets: drafts.map {
            LinkRewriter.Target(path: $0.chapter.path, page: SiteRenderer.page(of: $0.chapter), anchors: $0.rendered.ids, title: $0.titleText)
        })
    }

    private func html(_ pieces: [InlinePiece]) -> String { MarkdownRenderer.html(of: pieces, typeset: math) }

    private func link(to draft: ChapterDraft) -> [String: Any] {
        ["href": SiteRenderer.page(of: draft.chapter), "titleHTML": html(draft.titlePieces)]
    }

    private func baseContext(current: Int?) -> [String: Any?] {
        let chapters: [[String: Any]] = drafts.enumerated().map { index, draft in
            let outline: [[String: Any]] = draft.outline.map { ["level": $0.level, "anchor": $0.anchor, "titleHTML": html($0.pieces)] }
            let summary = PageComposer.firstSentence(of: draft.rendered.firstParagraph ?? [])
            return [
                "href": SiteRenderer.page(of: draft.chapter), "number": index + 1, "titleHTML": html(draft.titlePieces),
                "title": draft.titleText, "summaryHTML": html(summary), "current": index == current,
                "outline": outline, "hasOutline": !outline.isEmpty,
            ]
        }
        return [
            "workbookTitle": config.title,
            "description": config.description.isEmpty ? nil : Self.plainDescription(config.description),
            "chapters": chapters,
            "isIndex": false,
        ]
    }

    private func renderDescription(links: LinkRewriter, errors: inout [WorkbookError]) -> String {
        guard !config.description.isEmpty else { return "" }
        let rendered = Self.renderDescription(config, math: math, links: links)
        errors += Self.descriptionErrors(rendered.problems)
        return Self.docCTitles(in: rendered.html, links: links)
    }

    /// The workbook's description (shown on the index) rendered with its links resolved.
    static func renderDescription(_ config: WorkbookConfig, math: [MathFormula: String], links: LinkRewriter) -> RenderedMarkdown {
        var environment = MarkdownEnvironment(placeholders: nil, math: math)
        let base = config.chaptersFolder.isEmpty ? "index" : config.chaptersFolder + "/index"
        environment.rewriteLink = { links.rewrite($0, fromFile: base) }
        environment.anchorsHeadings = false
        var slugger = HeadingSlugger()
        return MarkdownRenderer.render(config.description, environment: environment, slugger: &slugger)
    }

    /// The description's problems as errors of `workbook.toml`.
    static func descriptionErrors(_ problems: [MarkdownProblem]) -> [WorkbookError] {
        problems.map { WorkbookError(path: "workbook.toml", message: "in 'description': " + $0.message, stage: "render") }
    }

    /// A DocC link written `<doc:Name>` shows its chapter's title instead of `doc:Name`.
    static func docCTitles(in html: String, links: LinkRewriter) -> String {
        guard html.containsBytes(of: ">doc:") else { return html }
        var result = ""
        var rest = html[...]
        while let text = rest.range(of: ">doc:") {
            guard let close = rest[text.upperBound...].range(of: "</a>") else { break }
            let name = "doc:" + rest[text.upperBound..<close.lowerBound]
            result += rest[..<text.lowerBound]
            if let title = links.title(ofDocCLink: HTMLEscaping.unescape(String(name))) {
                result += ">" + HTMLEscaping.text(title)
            } else {
                result += ">" + name
            }
            rest = rest[close.lowerBound...]
        }
        return result + rest
    }

    /// The description's first line without Markdown punctuation, for the `description` meta tag.
    private static func plainDescription(_ markdown: String) -> String {
        let firstLine = markdown.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return String(firstLine.filter { !"*_`#[]".contains($0) })
    }
}
