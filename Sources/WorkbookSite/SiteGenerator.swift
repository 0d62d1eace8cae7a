import Foundation
import WorkbookKit

/// What `workbook build` passes to the site generator.
public struct SiteOptions: Sendable {
    /// The folder the site is written to (replaced atomically).
    public var outputFolder: URL
    /// `--date YYYY-MM-DD`: the day placeholders are expanded for, overriding the clock.
    public var date: String?
    /// The process environment, read for `SOURCE_DATE_EPOCH`.
    public var environment: [String: String]

    public init(outputFolder: URL, date: String?, environment: [String: String]) {
        self.outputFolder = outputFolder
        self.date = date
        self.environment = environment
    }
}

/// What a successful build wrote.
public struct SiteSummary: Sendable, Equatable {
    /// The number of HTML pages written (chapters and the index).
    public var pageCount: Int

    public init(pageCount: Int) { self.pageCount = pageCount }
}

/// Turns executed chapters into a static site: one page per chapter, an index, the theme and
/// the KaTeX assets, written atomically.
///
/// The stages, in order: resolve today's date, load the theme, draft every chapter (expand
/// placeholders, protect math, parse, anchor headings), compose every page body (rewrite and
/// check links, splice snippet outputs), lay pages out through the templates, write.
public struct SiteGenerator: Sendable {
    /// Where KaTeX is read from (Debian's `libjs-katex`).
    var katexFolder = URL(fileURLWithPath: "/usr/share/javascript/katex")
    /// Replaces the clock when set (tests).
    var now: Date? = nil

    public init() {}

    /// Renders every executed chapter and writes the site atomically.
    public func generate(
        workbook: Workbook, chapters: [ExecutedChapter], options: SiteOptions
    ) throws(WorkbookErrors) -> SiteSummary {
        let files = try render(workbook: workbook, chapters: chapters, options: options)
        try SiteWriter().write(files, to: options.outputFolder)
        return SiteSummary(pageCount: files.filter { $0.path.hasSuffix(".html") }.count)
    }

    /// Every file of the site, in memory; nothing is written.
    public func render(workbook: Workbook, chapters: [ExecutedChapter], options: SiteOptions) throws(WorkbookErrors) -> [SiteFile] {
        let config = workbook.config
        let date = try BuildDate.resolve(date: options.date, environment: options.environment, config: config, now: now ?? Date())
        let theme = try ThemeLoader().load(workbookRoot: workbook.root)
        let expander = PlaceholderExpander(date: date, repositoryStart: RepositoryStart(root: workbook.root, configured: config.repoStart))
        let composer = PageComposer(prosePreparer: ProsePreparer(expander: expander))
        var errors: [WorkbookError] = []

        var drafts: [ChapterDraft] = []
        for executed in chapters {
            if executed.chapter.slug == "index" {
                errors.append(WorkbookError(path: executed.chapter.path, message: "a chapter cannot be named 'index.md': its page would replace the site's index", stage: "render"))
            }
            let (draft, draftErrors) = composer.draft(executed)
            drafts.append(draft)
            errors += draftErrors
        }
        var targets: [String: LinkRewriter.Target] = [:]
        for draft in drafts {
            targets[draft.chapter.fileName] = LinkRewriter.Target(page: Self.page(of: draft.chapter), anchors: Set(draft.anchors))
        }
        let links = LinkRewriter(targets: targets)
        var bodies: [String] = []
        for draft in drafts {
            let (body, bodyErrors) = composer.body(of: draft, links: links)
            bodies.append(body)
            errors += bodyErrors
        }
        let descriptionHTML = renderDescription(config.description, links: links, errors: &errors)
        if !errors.isEmpty {
            // In reading order: chapter by chapter, then by position (the sort is stable).
            let order = Dictionary(chapters.enumerated().map { ($1.chapter.path, $0) }, uniquingKeysWith: { first, _ in first })
            throw WorkbookErrors(errors.sorted {
                (order[$0.path] ?? -1, $0.line, $0.column) < (order[$1.path] ?? -1, $1.line, $1.column)
            })
        }

        var files: [SiteFile] = []
        for (index, draft) in drafts.enumerated() {
            var context = baseContext(config: config, drafts: drafts, current: index)
            context["pageTitle"] = draft.title
            context["content"] = bodies[index]
            context["hasPager"] = true
            context["previous"] = index > 0 ? link(to: drafts[index - 1]) : nil
            context["next"] = index + 1 < drafts.count ? link(to: drafts[index + 1]) : nil
            files.append(SiteFile(path: Self.page(of: draft.chapter), text: theme.render("page", context.compactMapValues { $0 })))
        }
        var indexContext = baseContext(config: config, drafts: drafts, current: nil)
        indexContext["descriptionHTML"] = descriptionHTML.isEmpty ? nil : descriptionHTML
        indexContext["pageTitle"] = config.title
        indexContext["isIndex"] = true
        indexContext["content"] = theme.render("index", indexContext.compactMapValues { $0 })
        files.append(SiteFile(path: "index.html", text: theme.render("page", indexContext.compactMapValues { $0 })))
        files += theme.files
        files += try SiteAssets(katexFolder: katexFolder).files()
        return files
    }

    static func page(of chapter: Chapter) -> String { chapter.slug + ".html" }

    private func link(to draft: ChapterDraft) -> [String: Any] {
        ["href": Self.page(of: draft.chapter), "titleHTML": draft.titleHTML]
    }

    private func baseContext(config: WorkbookConfig, drafts: [ChapterDraft], current: Int?) -> [String: Any?] {
        let chapters: [[String: Any]] = drafts.enumerated().map { index, draft in
            let outline: [[String: Any]] = draft.outline.map { ["level": $0.level, "anchor": $0.anchor, "titleHTML": $0.titleHTML] }
            return [
                "href": Self.page(of: draft.chapter), "number": index + 1, "titleHTML": draft.titleHTML,
                "title": draft.title, "summaryHTML": draft.summaryHTML, "current": index == current,
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

    private func renderDescription(_ markdown: String, links: LinkRewriter, errors: inout [WorkbookError]) -> String {
        guard !markdown.isEmpty else { return "" }
        let prepared = ProsePreparer(expander: nil).prepare(markdown)
        let document = MarkdownDocument(utf8: prepared.bytes)
        document.rewriteLinks { _, link in
            switch links.rewrite(link.destination, fromFile: "") {
            case .success(let destination): return destination
            case .failure(let problem):
                errors.append(WorkbookError(path: "workbook.toml", message: "in 'description': " + problem.message, stage: "render"))
                return nil
            }
        }
        return document.withRenderedHTML { prepared.math.restore(inHTML: $0) }
    }

    /// The description's first line without Markdown punctuation, for the `description` meta tag.
    private static func plainDescription(_ markdown: String) -> String {
        let firstLine = markdown.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return String(firstLine.filter { !"*_`#[]".contains($0) })
    }
}
