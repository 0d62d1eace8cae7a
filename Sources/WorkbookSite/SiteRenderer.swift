import Foundation
import WorkbookKit

/// The render stage: a workbook, its executed chapters and the `SiteInputs` gathered for them
/// in, every file of the site out. Pure: it reads no file, starts no process, asks no clock and
/// no environment; the same values give the same files.
///
/// It runs in two steps, so that what the site needs from outside can be fetched in between:
/// `draft` renders every chapter once to learn its anchors, title, formulas and images; then
/// (the formulas typeset and the images read into the inputs) `render` renders every page with
/// links, math and images resolved, lays it out in the templates and adds the search index,
/// the theme's files, the images and KaTeX's assets.
enum SiteRenderer {
    /// The site drafted: each chapter rendered once, and what it needs from outside.
    struct Draft: Sendable {
        var config: WorkbookConfig
        var chapters: [ExecutedChapter]
        var pages: [ChapterDraft]
        /// The problems found while drafting (placeholders, a chapter named `index`).
        var errors: [WorkbookError]
        var descriptionFormulas: [LocatedFormula]

        /// Every formula of the site: the pages' and the description's.
        var formulas: Set<MathFormula> {
            var all = Set(descriptionFormulas.map(\.formula))
            for page in pages { all.formUnion(page.rendered.formulas.map(\.formula)) }
            return all
        }

        /// The path from the workbook root of every image the pages show, once each, in reading
        /// order (images outside the workbook are left out: the render reports them).
        var imageSources: [String] {
            var seen = Set<String>()
            var sources: [String] = []
            for page in pages {
                for image in page.rendered.images {
                    if case .success(let source) = SiteImages.source(of: image, inFile: page.chapter.path),
                       seen.insert(source).inserted {
                        sources.append(source)
                    }
                }
            }
            return sources
        }
    }

    /// Every file of the site from `inputs` (with the formulas and images it needs).
    static func render(workbook: Workbook, chapters: [ExecutedChapter], inputs: SiteInputs) throws(WorkbookErrors) -> [SiteFile] {
        try render(draft(workbook: workbook, chapters: chapters, inputs: inputs), inputs: inputs)
    }

    /// Step 1: each chapter rendered once, with the day and the repository's start of `inputs`,
    /// without links, math or images resolved.
    static func draft(workbook: Workbook, chapters: [ExecutedChapter], inputs: SiteInputs) -> Draft {
        var errors: [WorkbookError] = []
        let pages = draft(chapters, expander: inputs.expander, errors: &errors)
        return Draft(config: workbook.config, chapters: chapters, pages: pages, errors: errors,
                     descriptionFormulas: descriptionFormulas(workbook.config.description))
    }

    /// Step 2: every file of the site; the errors of the draft, the formulas, the images and
    /// the pages, in reading order, when there are any.
    static func render(_ draft: Draft, inputs: SiteInputs) throws(WorkbookErrors) -> [SiteFile] {
        var errors = draft.errors
        checkMath(draft, math: inputs.math, errors: &errors)
        let images = placeImages(of: draft, bytes: inputs.images, errors: &errors)
        let files = SitePages(config: draft.config, inputs: inputs, drafts: draft.pages, math: inputs.math.html,
                              images: (images.files, images.urls)).files(errors: &errors)
        if !errors.isEmpty { throw WorkbookErrors(inReadingOrder(errors, chapters: draft.chapters)) }
        return files + images.files + inputs.assets
    }

    /// `errors` in reading order: chapter by chapter, then by position (the sort is stable),
    /// each once.
    static func inReadingOrder(_ errors: [WorkbookError], chapters: [ExecutedChapter]) -> [WorkbookError] {
        let order = Dictionary(chapters.enumerated().map { ($1.chapter.path, $0) }, uniquingKeysWith: { first, _ in first })
        var seen = Set<String>()
        return errors.sorted {
            (order[$0.path] ?? -1, $0.line, $0.column) < (order[$1.path] ?? -1, $1.line, $1.column)
        }.filter { seen.insert($0.description).inserted }
    }

    /// Each chapter rendered once, without links, math or images resolved.
    static func draft(_ chapters: [ExecutedChapter], expander: PlaceholderExpander, errors: inout [WorkbookError]) -> [ChapterDraft] {
        let composer = PageComposer()
        return chapters.map { executed in
            let chapter = executed.chapter
            if chapter.slug == "index" {
                errors.append(WorkbookError(path: chapter.path, message: "a chapter cannot be named 'index.md': its page would replace the site's index", stage: "render"))
            }
            let rendered = composer.render(executed, lookups: PageComposer.Lookups(placeholders: expander))
            errors += rendered.problems.map {
                WorkbookError(path: chapter.path, line: $0.line, column: $0.column, message: $0.message, stage: "render")
            }
            return ChapterDraft(executed: executed, rendered: rendered, title: rendered.headings.first { $0.level == 1 })
        }
    }

    /// A formula KaTeX rejects is an error at each place it is written; formulas that could not
    /// be typeset at all are one error, at the first formula.
    private static func checkMath(_ draft: Draft, math: TypesetMath, errors: inout [WorkbookError]) {
        if let failure = math.failure {
            let first = draft.pages.lazy.compactMap { page in page.rendered.formulas.first.map { (page.chapter.path, $0) } }.first
            errors.append(WorkbookError(path: first?.0 ?? "workbook.toml", line: first?.1.line ?? 0, column: first?.1.column ?? 0, message: failure, stage: "render"))
            return
        }
        func check(_ formulas: [LocatedFormula], path: String, prefix: String) {
            for located in formulas {
                if case .error(let message)? = math.outcomes[located.formula] {
                    errors.append(WorkbookError(path: path, line: located.line, column: located.column, message: prefix + "math: " + message, stage: "render"))
                }
            }
        }
        for page in draft.pages { check(page.rendered.formulas, path: page.chapter.path, prefix: "") }
        check(draft.descriptionFormulas.map { LocatedFormula(formula: $0.formula, line: 0, column: 0) }, path: "workbook.toml", prefix: "in 'description': ")
    }

    /// The chapters' local images placed in the site, from their bytes in `bytes`.
    private static func placeImages(
        of draft: Draft, bytes: [String: Data], errors: inout [WorkbookError]
    ) -> (files: [SiteFile], urls: [String: String]) {
        var files: [SiteFile] = []
        var urls: [String: String] = [:]
        for page in draft.pages {
            let path = page.chapter.path
            for image in page.rendered.images {
                let source: String
                switch SiteImages.source(of: image, inFile: path) {
                case .success(let found): source = found
                case .failure(let error): errors.append(error); continue
                }
                if urls[source] != nil { continue }
                guard let data = bytes[source] else {
                    errors.append(SiteImages.notFound(image, source: source, inFile: path))
                    continue
                }
                let sitePath = SiteImages.sitePath(of: source, chaptersFolder: draft.config.chaptersFolder)
                urls[source] = sitePath
                files.append(SiteFile(path: sitePath, contents: data))
            }
        }
        return (files, urls)
    }

    /// The formulas of the workbook's description (shown on the index).
    static func descriptionFormulas(_ description: String) -> [LocatedFormula] {
        guard !description.isEmpty else { return [] }
        var slugger = HeadingSlugger()
        return MarkdownRenderer.render(description, environment: MarkdownEnvironment(), slugger: &slugger).formulas
    }

    static func page(of chapter: Chapter) -> String { chapter.slug + ".html" }
}
