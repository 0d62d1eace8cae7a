import Foundation
import WorkbookKit

/// Renders one Markdown text as a page body the way chapters are rendered (cmark-gfm with the
/// math and placeholder extensions, placeholders expanded, heading anchors), without snippets,
/// link checks, KaTeX or templates: the render-only path that benchmarks measure.
public struct MarkdownFileRenderer: Sendable {
    private let date: BuildDate
    private let repositoryStart: CalendarDay?

    /// A renderer expanding placeholders for `day` (in UTC, with the default date format).
    public init(day: CalendarDay, repositoryStart: CalendarDay? = nil) {
        let config = WorkbookConfig()
        date = BuildDate(today: day, pretty: BuildDate.format(day, pattern: config.dateFormat, timeZone: .init(identifier: "UTC")!))
        self.repositoryStart = repositoryStart
    }

    /// The HTML of `markdown`; `path` names it in errors.
    public func render(_ markdown: String, path: String = "input.md") throws(WorkbookErrors) -> String {
        let start: Result<CalendarDay, PlaceholderExpander.Failure> = repositoryStart.map { .success($0) }
            ?? .failure(.init(message: "'{{DAYS_SINCE_REPO_START}}' needs a repository start day"))
        var slugger = HeadingSlugger()
        var environment = MarkdownEnvironment(placeholders: PlaceholderExpander(date: date, repositoryStart: start))
        environment.recordsPageFacts = false
        let rendered = MarkdownRenderer.render(markdown, environment: environment, slugger: &slugger)
        if !rendered.problems.isEmpty {
            throw WorkbookErrors(rendered.problems.map {
                WorkbookError(path: path, line: $0.line, column: $0.column, message: $0.message, stage: "render")
            })
        }
        return rendered.html
    }
}
