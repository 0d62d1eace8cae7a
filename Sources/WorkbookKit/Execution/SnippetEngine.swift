/// A thing that runs a chapter's snippets: today the Swift compiler, tomorrow perhaps a
/// SwiftPM package or another language.
///
/// The executor asks the engine for a ``SnippetEngineSession`` once per execution; the session
/// names each program's cache key, prepares what runs share (a package's products) when at
/// least one program must run (or first, when the keys depend on it), and runs programs,
/// several at once.
///
/// A program is given as its chapter with every snippet outside the program marked `norun`
/// (``ProgramPlan/chapter(_:of:)``): snippet indices, lines and the chapter's path are the
/// chapter's own, and an engine runs it exactly like a chapter.
public protocol SnippetEngine: Sendable {
    /// Looks at `workbook` cheaply (finds the compiler, hashes the package's files) and returns
    /// a session for it; nothing is built yet. Errors here stop every runnable chapter.
    func session(for workbook: Workbook, cache: CacheFolder) async throws(WorkbookErrors) -> any SnippetEngineSession
}

/// One engine set up for one workbook.
public protocol SnippetEngineSession: Sendable {
    /// A hash of everything `chapter`'s outputs depend on under this engine (`chapter` being
    /// one program of a chapter).
    func cacheKey(for chapter: Chapter) -> String
    /// Builds what every chapter run needs (a package's products); called once, before the first
    /// ``run(_:)``, and only when some chapter is not answered from the cache. `rebuild`
    /// (`--no-cache`) builds it again even when a built copy exists.
    func prepare(rebuild: Bool) async throws(WorkbookErrors)
    /// Runs `chapter`'s runnable snippets (one program's) in order and returns what they printed.
    func run(_ chapter: Chapter) async -> ChapterRun
    /// ``run(_:)`` when `spareCores` cores have no other program to work on (the last programs
    /// of a run, or a single edited chapter): an engine may spread the program's preparation
    /// over them. By default ``run(_:)``.
    func run(_ chapter: Chapter, spareCores: Int) async -> ChapterRun
    /// Called once before the programs of `chapters` run, at most `jobs` at once: an engine
    /// may build several of them together (one compiler process for several chapters). By
    /// default nothing.
    func prepareRuns(of chapters: [Chapter], jobs: Int) async
    /// What ``prepare(rebuild:)`` is about to build, for a progress line (`package products BatchNorm,
    /// NoteKit`); `nil` when it has nothing to build.
    func preparationSummary() -> String?
    /// What ``prepare(rebuild:)`` is about to build when called with `rebuild`; by default
    /// ``preparationSummary()``.
    func preparationSummary(rebuild: Bool) -> String?
    /// Whether the cache keys depend on what ``prepare(rebuild:)`` builds (the hash of a
    /// package's built products): then it is called before any ``cacheKey(for:)``, even when
    /// every chapter turns out to be cached.
    var preparesBeforeKeys: Bool { get }
}

extension SnippetEngineSession {
    public func preparationSummary() -> String? { nil }
    public func preparationSummary(rebuild: Bool) -> String? { preparationSummary() }
    public var preparesBeforeKeys: Bool { false }
    public func run(_ chapter: Chapter, spareCores: Int) async -> ChapterRun { await run(chapter) }
    public func prepareRuns(of chapters: [Chapter], jobs: Int) async {}
}

/// The engine's preparation (building a package's products), reported before and after.
public enum PreparationProgress: Sendable, Equatable {
    /// Preparation began; the words say what is built (`package products BatchNorm, NoteKit`).
    case started(String)
    /// Preparation finished after `seconds`.
    case finished(String, seconds: Double)

    /// `Building package products BatchNorm, NoteKit…` or `Built package products BatchNorm, NoteKit in 14.20 s`.
    public var line: String {
        switch self {
        case .started(let what): "Building \(what)…"
        case .finished(let what, let seconds): "Built \(what) in \(ChapterProgress.format(seconds))"
        }
    }
}

extension ChapterRun {
    /// A run that printed `printed` (by snippet index) and met `errors`, for engines outside
    /// this module.
    public init(printed: [Int: String], errors: [WorkbookError] = [], compileSeconds: Double = 0, runSeconds: Double = 0) {
        self.outputs = printed
        self.errors = errors
        self.compileSeconds = compileSeconds
        self.runSeconds = runSeconds
    }
}
