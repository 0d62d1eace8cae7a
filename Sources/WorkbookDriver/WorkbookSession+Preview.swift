import Foundation
import WorkbookKit
import WorkbookSite

/// What `preview` produced: the site in memory, with what stopped parts of it.
public struct PreviewOutcome: Sendable, Equatable {
    public var execution: ExecutionReport
    /// Every file of the site, or `nil` when it could not be rendered (see `errors`).
    public var files: [SiteFile]?
    /// The chapters that failed to run, relative to the root (their pages show the recorded
    /// outputs or nothing new).
    public var failedChapters: Set<String>
    /// Chapter errors, then rendering errors; empty when the whole site is good.
    public var errors: [WorkbookError]
    /// How many snippets printed something other than their recorded output.
    public var mismatchCount: Int
}

extension WorkbookSession {
    /// Runs every chapter through the cache, compares the outputs of those that ran with the
    /// recorded ones, and renders the whole site in memory; writes nothing but the cache.
    ///
    /// Unlike `build`, a failed chapter does not stop the site: the other pages are rendered
    /// so a live preview can show them and keep the failed chapter's last good page.
    public func preview(
        date: CalendarDay?, settings: RunSettings = RunSettings(),
        progress: @escaping @Sendable (ChapterProgress) -> Void = { _ in }
    ) async -> PreviewOutcome {
        let ahead = typesetAhead()
        let execution = await execute(workbook, settings, progress: progress, preparation: { _ in })
        let typeset = await ahead?.value ?? TypesetMath()
        let succeeded = execution.chapters.filter(\.succeeded)
        let comparison = workbook.config.documentation.comparison.compare(succeeded)
        var outcome = PreviewOutcome(
            execution: execution, files: nil,
            failedChapters: Set(execution.chapters.filter { !$0.succeeded }.map(\.chapter.path)),
            errors: execution.errors, mismatchCount: comparison.mismatches.count)
        let options = SiteOptions(outputFolder: siteFolder(BuildRequest()), date: date, environment: inputs.environment)
        do {
            outcome.files = try SiteGenerator().render(workbook: workbook, chapters: execution.chapters, options: options,
                                                       typesetAhead: typeset).0
        } catch {
            outcome.errors += error.errors
        }
        return outcome
    }
}
