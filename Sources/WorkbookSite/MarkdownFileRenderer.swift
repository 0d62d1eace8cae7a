import Foundation
import WorkbookKit

/// Renders one Markdown text as a page body the way chapters are rendered (placeholders, math
/// protection, cmark-gfm, heading anchors), without snippets, links checks or templates: the
/// render-only path that benchmarks measure.
public struct MarkdownFileRenderer: Sendable {
    private let date: BuildDate

    /// A renderer expanding placeholders for `day` (in UTC, with the default date format).
    public init(day: CalendarDay, repositoryStart: CalendarDay? = nil) {
        let config = WorkbookConfig()
        date = BuildDate(today: day, pretty: BuildDate.format(day, pattern: config.dateFormat, timeZone: .init(identifier: "UTC")!))
        self.repositoryStart = repositoryStart
    }

    private let repositoryStart: CalendarDay?

    /// The HTML of `markdown`; `path` names it in errors.
    public func render(_ markdown: String, path: String = "input.md") throws(WorkbookErrors) -> String {
        let start = RepositoryStart(root: .init(fileURLWithPath: "/nonexistent"), configured: repositoryStart?.description)
        let preparer = ProsePreparer(expander: PlaceholderExpander(date: date, repositoryStart: start))
        let prepared = preparer.prepare(markdown)
        if !prepared.problems.isEmpty {
            throw WorkbookErrors(prepared.problems.map {
                WorkbookError(path: path, line: $0.line, column: $0.column, message: $0.message, stage: "render")
            })
        }
        let document = MarkdownDocument(utf8: prepared.bytes)
        var slugger = HeadingSlugger()
        document.setHeadingAnchors(document.headings.map { slugger.slug(for: prepared.math.restore(inPlainText: $0.text)) })
        return document.withRenderedHTML { prepared.math.restore(inHTML: $0) }
    }
}
