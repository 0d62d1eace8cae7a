import Foundation
import WorkbookKit
import WorkbookSite
import WorkbookSwiftEngine

/// A loaded workbook and the inputs gathered for it: the one entry point of the pipeline.
///
/// ```swift
/// let session = try WorkbookSession.load(root: root)
/// let outcome = await session.build(BuildRequest(), settings: RunSettings()) { print($0.line) }
/// ```
///
/// Each command is a list of stages, values in and out: load → execute → compare (`check`),
/// promote (`promote`), or render and write (`build`). Progress goes to the caller's callback,
/// never to the console.
public struct WorkbookSession: Sendable {
    public var workbook: Workbook
    public var inputs: WorkbookInputs
    /// The engine that runs snippets; the Swift compiler (found through `inputs`) by default.
    public var engine: any SnippetEngine

    public init(workbook: Workbook, inputs: WorkbookInputs, engine: (any SnippetEngine)? = nil) {
        self.workbook = workbook
        self.inputs = inputs
        self.engine = engine ?? SwiftCompilerEngine(environment: inputs.environment)
    }

    /// Loads the workbook at `root`: its `workbook.toml` and every chapter.
    public static func load(root: URL, inputs: WorkbookInputs = .current()) throws(WorkbookErrors) -> WorkbookSession {
        WorkbookSession(workbook: try WorkbookLoader().load(from: root.standardizedFileURL), inputs: inputs)
    }

    /// Runs every chapter, or the chapters of `settings.chapters` with the others from the
    /// cache or their recorded outputs (stage: execute).
    public func execute(
        _ settings: RunSettings, progress: @escaping @Sendable (ChapterProgress) -> Void = { _ in },
        preparation: @escaping @Sendable (PreparationProgress) -> Void = { _ in }
    ) async -> ExecutionReport {
        await execute(workbook, settings, progress: progress, preparation: preparation)
    }

    func execute(
        _ workbook: Workbook, _ settings: RunSettings, progress: @escaping @Sendable (ChapterProgress) -> Void,
        preparation: @escaping @Sendable (PreparationProgress) -> Void
    ) async -> ExecutionReport {
        var options = ExecutionOptions(useCache: settings.useCache, jobs: settings.jobs ?? inputs.defaultJobs,
                                       environment: inputs.environment)
        options.selectedChapters = settings.chapters
        return await WorkbookExecutor(options: options, engine: engine)
            .execute(workbook, progress: progress, preparation: preparation)
    }

    /// The workbook with only the chapters `settings` selects.
    func selectedWorkbook(_ settings: RunSettings) -> Workbook {
        guard let selected = settings.chapters else { return workbook }
        var subset = workbook
        subset.chapters = workbook.chapters.filter { selected.contains($0.path) }
        return subset
    }

    /// Runs every chapter (or the selected ones), compares actual with recorded outputs, and
    /// checks links and images as `build` does; writes nothing.
    public func check(
        _ settings: RunSettings, progress: @escaping @Sendable (ChapterProgress) -> Void = { _ in },
        preparation: @escaping @Sendable (PreparationProgress) -> Void = { _ in }
    ) async -> CheckOutcome {
        let (selected, docErrors) = await withDocComments(selectedWorkbook(settings), settings)
        var execution = await execute(selected, settings, progress: progress, preparation: preparation)
        execution.errors = docErrors + execution.errors
        // Signatures: declarations without bodies are checked against the package's products.
        execution.errors += await signatureErrors(selected, after: execution, settings)
        let comparison = workbook.config.documentation.comparison.compare(execution.chapters)
        let sourceFiles = Set(selected.chapters.filter(\.isSourceFile).map(\.path))
        return CheckOutcome(execution: execution, comparison: comparison, siteErrors: siteErrors(execution, settings),
                            docComments: workbook.config.docComments == .check && settings.chapters == nil
                                ? DocCommentReport(comparison.perChapter, sourceFiles: sourceFiles) : nil)
    }

    /// The broken links and missing images `build` would report in the chapters checked: the
    /// others are taken with their recorded outputs, as link targets.
    func siteErrors(_ execution: ExecutionReport, _ settings: RunSettings) -> [WorkbookError] {
        let executed = Dictionary(execution.chapters.map { ($0.chapter.path, $0) }, uniquingKeysWith: { first, _ in first })
        let chapters = workbook.chapters.map { executed[$0.path] ?? WorkbookExecutor.recorded($0) }
        return SiteReferences(environment: inputs.environment)
            .errors(workbook: workbook, chapters: chapters, reported: settings.chapters)
    }

    /// Runs every chapter (or the selected ones) and writes the actual outputs into the
    /// chapters whose text changes; a chapter that did not run to the end is left untouched
    /// and stops no other.
    public func promote(
        _ settings: RunSettings, progress: @escaping @Sendable (ChapterProgress) -> Void = { _ in },
        preparation: @escaping @Sendable (PreparationProgress) -> Void = { _ in }
    ) async -> PromoteOutcome {
        let (selected, docErrors) = await withDocComments(selectedWorkbook(settings), settings)
        var execution = await execute(selected, settings, progress: progress, preparation: preparation)
        // Source files are never rewritten: their examples' mismatches are reported.
        let sourceFiles = execution.chapters.filter(\.chapter.isSourceFile)
        execution.chapters.removeAll { $0.chapter.isSourceFile }
        let docMismatches = workbook.config.documentation.comparison.compare(sourceFiles).mismatches
        let docRunErrors = sourceFiles.flatMap(\.errors)
        execution.errors = docErrors + execution.errors.filter { error in !sourceFiles.contains { $0.chapter.path == error.path } }
        var outcome: PromoteOutcome
        do {
            let result = try Promoter(documentation: workbook.config.documentation).promote(execution, root: workbook.root)
            let unmet = result.skipped.flatMap(\.errors).filter { $0.stage == "promote" }
            outcome = PromoteOutcome(execution: execution, written: result.written, skipped: result.skipped,
                                     errors: execution.errors + unmet)
            outcome.swifttestMismatches = swifttestMismatches(execution)
        } catch {
            outcome = PromoteOutcome(execution: execution, written: [], errors: execution.errors + error.errors)
        }
        outcome.errors += docRunErrors
        outcome.docCommentMismatches = docMismatches
        return outcome
    }

    /// The mismatches of `swifttest` blocks and of the listings they test: `promote` reports
    /// them and writes nothing for them.
    func swifttestMismatches(_ execution: ExecutionReport) -> [SnippetMismatch] {
        guard workbook.config.documentation.swifttest == .check else { return [] }
        let tests = execution.chapters.filter { $0.chapter.snippets.contains { $0.swifttest != nil || $0.tested } }
        let lines = Dictionary(grouping: tests.flatMap { executed in
            executed.chapter.snippets.filter { $0.swifttest != nil || $0.tested }.map { (executed.chapter.path, $0.lineRange) }
        }, by: \.0)
        return workbook.config.documentation.comparison.compare(tests).mismatches.filter { mismatch in
            lines[mismatch.path]?.contains { $0.1.contains(mismatch.line - 1) || $0.1.upperBound == mismatch.line } ?? false
        }
    }

    /// Runs every chapter (or the selected ones, the others taken from the cache or their
    /// recorded outputs) and writes the whole site from the outputs; no site is written when
    /// a chapter fails.
    public func build(
        _ request: BuildRequest, settings: RunSettings,
        progress: @escaping @Sendable (ChapterProgress) -> Void = { _ in },
        preparation: @escaping @Sendable (PreparationProgress) -> Void = { _ in }
    ) async -> BuildOutcome {
        let start = ContinuousClock.now
        let folder = siteFolder(request)
        if let problem = OutputFolderPolicy.check(workbook: workbook, output: request.outputArgument, folder: folder,
                                                  environment: inputs.environment) {
            return BuildOutcome(execution: ExecutionReport(chapters: [], errors: []), folder: folder, site: nil,
                                errors: [problem], seconds: (ContinuousClock.now - start) / .seconds(1))
        }
        // The typesetting stage starts with the formulas known before the chapters run, alongside them.
        let ahead = typesetAhead()
        let execution = await execute(workbook, settings, progress: progress, preparation: preparation)
        let typeset = await ahead?.value ?? TypesetMath()
        var outcome = BuildOutcome(execution: execution, folder: folder, site: nil, errors: execution.errors, seconds: 0)
        if outcome.errors.isEmpty {
            let options = SiteOptions(outputFolder: folder, date: request.date, environment: inputs.environment,
                                      useCache: settings.useCache)
            do {
                outcome.site = try SiteGenerator().generate(workbook: workbook, chapters: execution.chapters, options: options,
                                                            typesetAhead: typeset)
            } catch {
                outcome.errors = error.errors
            }
        }
        outcome.seconds = (ContinuousClock.now - start) / .seconds(1)
        return outcome
    }

    /// The typesetting stage's first step (`MathTypesetting.ahead`: the formulas of the prose and
    /// recorded outputs of the chapters changed since the last build), started on a thread of its
    /// own so that its Node.js process overlaps the compiles; `nil` when it has nothing to do.
    func typesetAhead() -> BackgroundWork<TypesetMath>? {
        let typesetting = MathTypesetting(workbook: workbook, environment: inputs.environment)
        guard typesetting.isNeeded(for: workbook) else { return nil }
        return BackgroundWork { [workbook] in typesetting.ahead(workbook) }
    }

    /// The site folder: the request's, else the config's `output` under the root.
    public func siteFolder(_ request: BuildRequest) -> URL {
        let folder = request.outputFolder
            ?? workbook.root.appendingPathComponent(workbook.config.outputFolder, isDirectory: true)
        return folder.standardizedFileURL
    }
}

/// What `build` is asked for beyond running chapters: `--output` and `--date`.
public struct BuildRequest: Sendable, Equatable {
    /// The folder the site is written to; `nil` for the config's `output`.
    public var outputFolder: URL?
    /// `--output` as the user wrote it, named in errors about the folder.
    public var outputArgument: String?
    /// The day date placeholders show; `nil` for today (or `SOURCE_DATE_EPOCH`).
    public var date: CalendarDay?

    public init(outputFolder: URL? = nil, outputArgument: String? = nil, date: CalendarDay? = nil) {
        self.outputFolder = outputFolder
        self.outputArgument = outputArgument ?? outputFolder?.path
        self.date = date
    }
}
