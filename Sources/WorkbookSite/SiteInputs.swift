import Foundation
import WorkbookKit

/// Everything the render reads from outside the workbook and its executed chapters, as values:
/// the day, the repository's first-commit day, the theme, KaTeX's style sheet and fonts, the
/// typeset formulas and the images' bytes. `SiteRenderer` reads nothing else: no file, no
/// process, no clock, no environment.
///
/// `gather` reads the first four (I/O); the formulas (`MathTypesetting`) and the images
/// (`SiteImages.read`) are added once the site is drafted, since the drafts say which it needs.
struct SiteInputs: Sendable {
    var date: BuildDate
    /// The day `{{DAYS_SINCE_REPO_START}}` counts from, or why there is none.
    var repositoryStart: Result<CalendarDay, PlaceholderExpander.Failure>
    var theme: Theme
    /// KaTeX's style sheet and fonts, copied into the site.
    var assets: [SiteFile]
    /// KaTeX's answer for every formula of the site.
    var math = TypesetMath()
    /// The bytes of each image the chapters show, by its path from the workbook root; an image
    /// missing here is reported as not found.
    var images: [String: Data] = [:]

    var expander: PlaceholderExpander { PlaceholderExpander(date: date, repositoryStart: repositoryStart) }

    /// Reads the day (`date`, else `SOURCE_DATE_EPOCH` in `environment`, else `now`), the theme,
    /// KaTeX's assets and, when a chapter's prose names it, the repository's first-commit day
    /// (`repositoryStart`, which `git` answers); all problems are reported together.
    static func gather(
        workbook: Workbook, date: CalendarDay?, environment: [String: String], now: Date,
        katexFolder: URL, repositoryStart: RepositoryStart.Lookup
    ) throws(WorkbookErrors) -> SiteInputs {
        // Placeholders are read from prose only, so a chapter that uses this one holds its name.
        let needsStart = workbook.config.repoStart == nil
            && workbook.chapters.contains { $0.source.containsBytes(of: RepositoryStart.placeholderName) }
        // git answers while the theme and KaTeX's files are read.
        if needsStart { repositoryStart.start() }
        var errors: [WorkbookError] = []
        var buildDate: BuildDate? = nil
        do { buildDate = try BuildDate.resolve(date: date, environment: environment, config: workbook.config, now: now) } catch { errors += error.errors }
        var theme: Theme? = nil
        do { theme = try ThemeLoader().load(workbookRoot: workbook.root) } catch { errors += error.errors }
        var assets: [SiteFile] = []
        do { assets = try SiteAssets(katexFolder: katexFolder).files() } catch { errors += error.errors }
        guard errors.isEmpty, let buildDate, let theme else { throw WorkbookErrors(errors) }
        let start: Result<CalendarDay, PlaceholderExpander.Failure> = if let configured = workbook.config.repoStart {
            .success(configured)
        } else if needsStart {
            repositoryStart.value
        } else {
            .failure(RepositoryStart.notLookedUp)
        }
        return SiteInputs(date: buildDate, repositoryStart: start, theme: theme, assets: assets)
    }
}
