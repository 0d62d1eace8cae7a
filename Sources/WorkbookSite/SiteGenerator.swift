import Foundation
import WorkbookKit

/// What `workbook build` passes to the site generator.
public struct SiteOptions: Sendable {
    /// The folder the site is written to (replaced atomically).
    public var outputFolder: URL
    /// `--date YYYY-MM-DD`: the day placeholders are expanded for, overriding the clock.
    public var date: CalendarDay?
    /// The workbook's inputs' environment: `SOURCE_DATE_EPOCH`, `WORKBOOK_CACHE_DIR`, and `PATH`
    /// for `node` and `git`.
    public var environment: [String: String]
    /// Whether what earlier builds stored may be reused (the render stamp that spares an
    /// unchanged site its render); `--no-cache` turns it off.
    public var useCache: Bool

    public init(outputFolder: URL, date: CalendarDay?, environment: [String: String], useCache: Bool = true) {
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
/// The I/O around the pure render (`SiteRenderer`), in order:
/// 1. the render stamp: an unchanged site is neither rendered nor written (`RenderStamp`);
/// 2. gather the inputs (I/O): the day, the repository's first commit, the theme, KaTeX's assets;
/// 3. draft every chapter (pure), to learn its formulas and images;
/// 4. typeset the formulas (`MathTypesetting`: the cache, else one Node.js process) and read
///    the images (I/O);
/// 5. render every file (pure);
/// 6. write the site (I/O).
public struct SiteGenerator: Sendable {
    /// Where KaTeX is read from (Debian's `libjs-katex`).
    var katexFolder = Self.defaultKaTeXFolder
    static let defaultKaTeXFolder = KaTeXLocation.folder
    /// Replaces the clock when set (tests).
    var now: Date? = nil
    /// Replaces KaTeX under Node.js when set (tests).
    var typesetter: MathTypesetter? = nil

    public init() {}

    /// The typesetting stage of `workbook`'s site with `environment`: the one the session
    /// starts before the chapters run, and hands to `generate` or `render`.
    public func typesetting(of workbook: Workbook, environment: [String: String]) -> MathTypesetting {
        MathTypesetting(typesetter: typesetter ?? MathTypesetter.forWorkbook(root: workbook.root, environment: environment, katexFolder: katexFolder),
                        root: workbook.root)
    }

    /// Renders every executed chapter and writes the site atomically; renders and writes
    /// nothing when the last build's site was rendered from the same inputs and is unchanged
    /// (see `RenderStamp`). `typesetAhead` holds formulas typeset before the chapters ran.
    public func generate(
        workbook: Workbook, chapters: [ExecutedChapter], options: SiteOptions, typesetAhead: TypesetMath = TypesetMath()
    ) throws(WorkbookErrors) -> SiteSummary {
        let now = now ?? Date()
        let typesetting = typesetting(of: workbook, environment: options.environment)
        let repositoryStart = RepositoryStart.Lookup(root: workbook.root, configured: workbook.config.repoStart, environment: options.environment)
        let stamp = RenderStamp(cache: options.cache(root: workbook.root), output: options.outputFolder)
        let key = RenderStamp.key(workbook: workbook, chapters: chapters, options: options, katexFolder: katexFolder,
                                  typesetter: typesetting.typesetter, repositoryStart: repositoryStart, now: now)
        if let key, let pages = stamp.unchangedSite(key: key) {
            let output = options.outputFolder
            StaleTemporaryFiles.removeSiteFolders(of: output.lastPathComponent, in: output.deletingLastPathComponent())
            return SiteSummary(pageCount: pages, formulasTypeset: 0, reusedPreviousSite: true)
        }
        // Identities are taken before the files are read: a file changed meanwhile is read again next time.
        let inputs = key == nil ? [] : RenderStamp.inputFiles(root: workbook.root, katexFolder: katexFolder, typesetter: typesetting.typesetter)
        let site = try renderSite(workbook: workbook, chapters: chapters, options: options, now: now,
                                  typesetting: typesetting, typesetAhead: typesetAhead, repositoryStart: repositoryStart)
        stamp.remove()
        let waited = try SiteWriter().write(site.files, to: options.outputFolder)
        let pages = site.files.filter { $0.path.hasSuffix(".html") }.count
        if let key {
            stamp.record(key: key, pages: pages, inputs: inputs + site.images, output: options.outputFolder)
        }
        return SiteSummary(pageCount: pages, formulasTypeset: site.typeset, waitedForAnotherBuild: waited)
    }

    /// Every file of the site, in memory, and how many formulas Node typeset; nothing is written.
    public func render(
        workbook: Workbook, chapters: [ExecutedChapter], options: SiteOptions, typesetAhead: TypesetMath = TypesetMath()
    ) throws(WorkbookErrors) -> ([SiteFile], Int) {
        let site = try renderSite(
            workbook: workbook, chapters: chapters, options: options, now: now ?? Date(),
            typesetting: typesetting(of: workbook, environment: options.environment), typesetAhead: typesetAhead,
            repositoryStart: RepositoryStart.Lookup(root: workbook.root, configured: workbook.config.repoStart, environment: options.environment))
        return (site.files, site.typeset)
    }

    /// A rendered site: its files, how many formulas Node typeset, and the images it read with
    /// their identities before reading.
    struct RenderedSite {
        var files: [SiteFile]
        var typeset: Int
        var images: [(path: String, identity: FileIdentity?)]
    }

    /// Gathers the inputs, drafts, typesets, reads the images, then renders: I/O around the
    /// pure steps of `SiteRenderer`.
    func renderSite(
        workbook: Workbook, chapters: [ExecutedChapter], options: SiteOptions, now: Date,
        typesetting: MathTypesetting, typesetAhead: TypesetMath, repositoryStart: RepositoryStart.Lookup
    ) throws(WorkbookErrors) -> RenderedSite {
        var inputs = try SiteInputs.gather(workbook: workbook, date: options.date, environment: options.environment, now: now,
                                           katexFolder: katexFolder, repositoryStart: repositoryStart)
        let draft = SiteRenderer.draft(workbook: workbook, chapters: chapters, inputs: inputs)
        let typeset = typesetting.typeset(draft.formulas, known: typesetAhead)
        inputs.math = typeset.math
        let images = SiteImages.read(draft.imageSources, root: workbook.root)
        inputs.images = images.bytes
        let files = try SiteRenderer.render(draft, inputs: inputs)
        return RenderedSite(files: files, typeset: typeset.rendered, images: images.read)
    }
}

extension SiteGenerator {
    /// What builds of `workbook`'s site into `output` keep in `cache` for this workbook alone:
    /// the render stamp of `output` and the memo of the chapters whose formulas are typeset
    /// (KaTeX's formulas are kept by formula, for any workbook).
    public static func cacheFiles(of workbook: Workbook, output: URL, cache: CacheFolder) -> [URL] {
        let stamp = RenderStamp(cache: cache, output: output)
        let typesetting = MathTypesetting(typesetter: MathTypesetter(cacheFolder: cache.url, environment: [:]), root: workbook.root)
        return [stamp.store.location(of: stamp.entry)] + [typesetting.memo].compactMap { $0 }
    }
}
