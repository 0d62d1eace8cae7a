import Foundation
import WorkbookKit

/// What `workbook build` passes to the site generator.
public struct SiteOptions: Sendable {
    /// The folder the site is written to (replaced atomically).
    public var outputFolder: URL
    /// `--date YYYY-MM-DD`: the day placeholders are expanded for, overriding the clock.
    public var date: String?
    /// The process environment: `SOURCE_DATE_EPOCH`, `WORKBOOK_CACHE_DIR`, and `PATH` for `node`.
    public var environment: [String: String]
    /// Whether what earlier builds stored may be reused (the render stamp that spares an
    /// unchanged site its render); `--no-cache` turns it off.
    public var useCache: Bool

    public init(outputFolder: URL, date: String?, environment: [String: String], useCache: Bool = true) {
        self.outputFolder = outputFolder
        self.date = date
        self.environment = environment
        self.useCache = useCache
    }

    /// The workbook's cache, under this build's policy.
    func cache(root: URL) -> CacheFolder {
        var cache = CacheFolder.resolve(root: root, environment: environment)
        cache.reusesEntries = useCache
        return cache
    }
}

/// What a successful build wrote.
public struct SiteSummary: Sendable, Equatable {
    /// The number of HTML pages written (chapters and the index).
    public var pageCount: Int
    /// The number of formulas KaTeX rendered in this build (0 when every one was cached).
    public var formulasTypeset: Int
    /// Whether the site already in the output folder was kept as it is, nothing rendered: it
    /// was rendered from the same inputs by the last build, and has not changed since.
    public var reusedPreviousSite: Bool
    /// Whether another build was writing the same site and this one waited for it to finish.
    public var waitedForAnotherBuild: Bool

    public init(pageCount: Int, formulasTypeset: Int = 0, reusedPreviousSite: Bool = false, waitedForAnotherBuild: Bool = false) {
        self.pageCount = pageCount
        self.formulasTypeset = formulasTypeset
        self.reusedPreviousSite = reusedPreviousSite
        self.waitedForAnotherBuild = waitedForAnotherBuild
    }
}

/// Turns executed chapters into a static site: one page per chapter, an index, the theme, the
/// search index and KaTeX's style sheet and fonts, written atomically.
///
/// The stages, in order (I/O only where marked):
/// 1. gather the inputs (I/O): the day, the repository's first commit, the theme, KaTeX's assets;
/// 2. draft every chapter: render it once to learn its anchors, title, formulas and images;
/// 3. typeset the formulas (I/O: the cache, else one Node.js process) and read the images (I/O);
/// 4. render every page with links, math and images resolved, and lay it out in the templates;
/// 5. write the site (I/O).
public struct SiteGenerator: Sendable {
    /// Where KaTeX is read from (Debian's `libjs-katex`).
    var katexFolder = Self.defaultKaTeXFolder
    static let defaultKaTeXFolder = KaTeXLocation.folder
    /// Replaces the clock when set (tests).
    var now: Date? = nil
    /// Replaces KaTeX under Node.js when set (tests).
    var typesetter: MathTypesetter? = nil

    public init() {}

    /// Renders every executed chapter and writes the site atomically; renders and writes
    /// nothing when the last build's site was rendered from the same inputs and is unchanged
    /// (see `RenderStamp`).
    public func generate(
        workbook: Workbook, chapters: [ExecutedChapter], options: SiteOptions
    ) throws(WorkbookErrors) -> SiteSummary {
        let now = now ?? Date()
        let typesetter = typesetter ?? MathTypesetter.forWorkbook(root: workbook.root, environment: options.environment, katexFolder: katexFolder)
        let stamp = RenderStamp(cache: options.cache(root: workbook.root), output: options.outputFolder)
        let key = RenderStamp.key(workbook: workbook, chapters: chapters, options: options,
                                  katexFolder: katexFolder, typesetter: typesetter, now: now)
        if let key, let pages = stamp.unchangedSite(key: key) {
            let output = options.outputFolder
            StaleTemporaryFiles.removeSiteFolders(of: output.lastPathComponent, in: output.deletingLastPathComponent())
            return SiteSummary(pageCount: pages, formulasTypeset: 0, reusedPreviousSite: true)
        }
        // Identities are taken before the files are read: a file changed meanwhile is read again next time.
        let inputs = key == nil ? [] : RenderStamp.inputFiles(root: workbook.root, katexFolder: katexFolder, typesetter: typesetter)
        let site = try renderSite(workbook: workbook, chapters: chapters, options: options, now: now, typesetter: typesetter)
        stamp.remove()
        let waited = try SiteWriter().write(site.files, to: options.outputFolder)
        let pages = site.files.filter { $0.path.hasSuffix(".html") }.count
        if let key {
            stamp.record(key: key, pages: pages, inputs: inputs + site.images, output: options.outputFolder)
        }
        return SiteSummary(pageCount: pages, formulasTypeset: site.typeset, waitedForAnotherBuild: waited)
    }

    /// Every file of the site, in memory, and how many formulas Node typeset; nothing is written.
    public func render(workbook: Workbook, chapters: [ExecutedChapter], options: SiteOptions) throws(WorkbookErrors) -> ([SiteFile], Int) {
        let site = try renderSite(workbook: workbook, chapters: chapters, options: options, now: now ?? Date(), typesetter: typesetter)
        return (site.files, site.typeset)
    }

    /// A rendered site: its files, how many formulas Node typeset, and the images it read with
    /// their identities before reading.
    struct RenderedSite {
        var files: [SiteFile]
        var typeset: Int
        var images: [(path: String, identity: FileIdentity?)]
    }

    func renderSite(workbook: Workbook, chapters: [ExecutedChapter], options: SiteOptions, now: Date, typesetter: MathTypesetter?) throws(WorkbookErrors) -> RenderedSite {
        let inputs = try SiteInputs.gather(workbook: workbook, options: options, katexFolder: katexFolder, now: now, typesetter: typesetter)
        var errors: [WorkbookError] = []
        let drafts = Self.draft(chapters, expander: inputs.expander, errors: &errors)
        let (math, typesetCount) = typeset(drafts, description: workbook.config.description, inputs: inputs, errors: &errors)
        let images = readImages(of: drafts, root: workbook.root, chaptersFolder: workbook.config.chaptersFolder, errors: &errors)
        let files = SitePages(config: workbook.config, inputs: inputs, drafts: drafts, math: math, images: (images.files, images.urls)).files(errors: &errors)
        if !errors.isEmpty { throw WorkbookErrors(Self.inReadingOrder(errors, chapters: chapters)) }
        return RenderedSite(files: files + images.files + inputs.assets, typeset: typesetCount, images: images.read)
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

    /// Stage 2: each chapter rendered once, without links, math or images resolved.
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

    /// Stage 3a: every formula of every page through KaTeX; a formula KaTeX rejects is an error
    /// at each place it is written.
    private func typeset(_ drafts: [ChapterDraft], description: String, inputs: SiteInputs, errors: inout [WorkbookError]) -> ([MathFormula: String], Int) {
        let descriptionFormulas = Self.descriptionFormulas(description)
        var all = Set(descriptionFormulas.map(\.formula))
        for draft in drafts { all.formUnion(draft.rendered.formulas.map(\.formula)) }
        let report: MathTypesetter.Report
        do {
            report = try inputs.typesetter.typeset(all)
        } catch {
            let first = drafts.lazy.compactMap { draft in draft.rendered.formulas.first.map { (draft.chapter.path, $0) } }.first
            errors.append(WorkbookError(path: first?.0 ?? "workbook.toml", line: first?.1.line ?? 0, column: first?.1.column ?? 0, message: error.message, stage: "render"))
            return ([:], 0)
        }
        var html: [MathFormula: String] = [:]
        for (formula, outcome) in report.typeset {
            if case .html(let typeset) = outcome { html[formula] = typeset }
        }
        func check(_ formulas: [LocatedFormula], path: String, prefix: String) {
            for located in formulas {
                if case .error(let message)? = report.typeset[located.formula] {
                    errors.append(WorkbookError(path: path, line: located.line, column: located.column, message: prefix + "math: " + message, stage: "render"))
                }
            }
        }
        for draft in drafts { check(draft.rendered.formulas, path: draft.chapter.path, prefix: "") }
        check(descriptionFormulas.map { LocatedFormula(formula: $0.formula, line: 0, column: 0) }, path: "workbook.toml", prefix: "in 'description': ")
        return (html, report.rendered)
    }

    /// Stage 3b: the chapters' local images, read from the workbook.
    private func readImages(
        of drafts: [ChapterDraft], root: URL, chaptersFolder: String, errors: inout [WorkbookError]
    ) -> (files: [SiteFile], urls: [String: String], read: [(path: String, identity: FileIdentity?)]) {
        var files: [SiteFile] = []
        var urls: [String: String] = [:]
        var read: [(path: String, identity: FileIdentity?)] = []
        for draft in drafts {
            for image in draft.rendered.images {
                let path = draft.chapter.path
                let source: String
                switch SiteImages.source(of: image, inFile: path) {
                case .success(let found): source = found
                case .failure(let error): errors.append(error); continue
                }
                if urls[source] != nil { continue }
                let url = root.appendingPathComponent(source)
                read.append((url.path, FileIdentity(path: url.path)))
                let data: Data
                switch SiteImages.contents(of: image, source: source, inFile: path, root: root) {
                case .success(let contents): data = contents
                case .failure(let error): errors.append(error); continue
                }
                let sitePath = SiteImages.sitePath(of: source, chaptersFolder: chaptersFolder)
                urls[source] = sitePath
                files.append(SiteFile(path: sitePath, contents: data))
            }
        }
        return (files, urls, read)
    }

    /// The formulas of the workbook's description (shown on the index).
    static func descriptionFormulas(_ description: String) -> [LocatedFormula] {
        guard !description.isEmpty else { return [] }
        var slugger = HeadingSlugger()
        return MarkdownRenderer.render(description, environment: MarkdownEnvironment(), slugger: &slugger).formulas
    }

    static func page(of chapter: Chapter) -> String { chapter.slug + ".html" }
}

extension SiteGenerator {
    /// What builds of `workbook`'s site into `output` keep in `cache` for this workbook alone:
    /// the render stamp of `output` and the memo of the chapters whose formulas are typeset
    /// (KaTeX's formulas are kept by formula, for any workbook).
    public static func cacheFiles(of workbook: Workbook, output: URL, cache: CacheFolder) -> [URL] {
        let stamp = RenderStamp(cache: cache, output: output)
        let prefetch = MathPrefetch(typesetter: MathTypesetter(cacheFolder: cache.url), root: workbook.root)
        return [stamp.store.location(of: stamp.entry)] + [prefetch.memo].compactMap { $0 }
    }
}
