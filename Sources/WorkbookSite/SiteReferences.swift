import Foundation
import WorkbookKit

/// The links and images of a workbook checked as `build` checks them, with the same code (the
/// chapter drafts, `LinkRewriter`, `SiteImages`), but nothing typeset, laid out or written: what
/// `check` reports, so that CI fails where `build` would.
///
/// Reported: a link to a chapter of the chapters folder that does not exist, a fragment that
/// names no anchor of its page, a DocC link to no chapter, and an image outside the workbook
/// or missing; in prose, in `output=markdown` outputs, and in the description of `workbook.toml`.
public struct SiteReferences: Sendable {
    public var environment: [String: String]

    /// `environment` gives "today" (`SOURCE_DATE_EPOCH`), which placeholders in headings, and
    /// so their anchors, may show.
    public init(environment: [String: String]) {
        self.environment = environment
    }

    /// The errors of `chapters` (every chapter of `workbook`, with actual or recorded outputs),
    /// in reading order; only those of the chapters in `reported` (all when `nil`, then the
    /// description's too).
    public func errors(workbook: Workbook, chapters: [ExecutedChapter], reported: Set<String>? = nil) -> [WorkbookError] {
        let now = Date()
        let config = workbook.config
        let date = (try? BuildDate.resolve(date: nil, environment: environment, config: config, now: now))
            ?? BuildDate(today: CalendarDay(now, in: config.timeZone), pattern: config.dateFormat, timeZone: config.timeZone)
        let expander = PlaceholderExpander(
            date: date, repositoryStartLookup: RepositoryStart.Lookup(root: workbook.root, configured: config.repoStart, environment: environment))
        var ignored: [WorkbookError] = []
        let drafts = SiteRenderer.draft(chapters, expander: expander, errors: &ignored)
        let links = SitePages.links(to: drafts)
        let composer = PageComposer()
        var errors: [WorkbookError] = []
        for draft in drafts where reported?.contains(draft.chapter.path) ?? true {
            let path = draft.chapter.path
            let rendered = composer.render(draft.executed, lookups: PageComposer.Lookups(placeholders: expander, links: links))
            errors += rendered.problems.filter { $0.kind != .other }.map {
                WorkbookError(path: path, line: $0.line, column: $0.column, message: $0.message, stage: "render")
            }
            for image in draft.rendered.images {
                switch SiteImages.source(of: image, inFile: path) {
                case .failure(let error):
                    errors.append(error)
                case .success(let source):
                    if case .failure(let error) = SiteImages.contents(of: image, source: source, inFile: path, root: workbook.root) {
                        errors.append(error)
                    }
                }
            }
        }
        if reported == nil, !config.description.isEmpty {
            let problems = SitePages.renderDescription(config, math: [:], links: links).problems
            errors += SitePages.descriptionErrors(problems.filter { $0.kind != .other })
        }
        return SiteRenderer.inReadingOrder(errors, chapters: chapters)
    }
}
