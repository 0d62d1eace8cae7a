import Foundation
import WorkbookKit

/// Everything the site reads from outside the chapters, gathered once before rendering: the
/// day, the repository's first-commit day, the theme, KaTeX's style sheet and fonts, and how
/// formulas are typeset (KaTeX under Node.js, with the cache folder). Rendering reads nothing
/// else.
struct SiteInputs {
    var date: BuildDate
    var repositoryStart: Result<CalendarDay, PlaceholderExpander.Failure>
    var theme: Theme
    /// KaTeX's style sheet and fonts, copied into the site.
    var assets: [SiteFile]
    var typesetter: MathTypesetter

    var expander: PlaceholderExpander { PlaceholderExpander(date: date, repositoryStart: repositoryStart) }

    /// Reads every input; all problems are reported together.
    static func gather(workbook: Workbook, options: SiteOptions, katexFolder: URL, now: Date, typesetter: MathTypesetter?) throws(WorkbookErrors) -> SiteInputs {
        var errors: [WorkbookError] = []
        var date: BuildDate? = nil
        do { date = try BuildDate.resolve(date: options.date, environment: options.environment, config: workbook.config, now: now) } catch { errors += error.errors }
        var theme: Theme? = nil
        do { theme = try ThemeLoader().load(workbookRoot: workbook.root) } catch { errors += error.errors }
        var assets: [SiteFile] = []
        do { assets = try SiteAssets(katexFolder: katexFolder).files() } catch { errors += error.errors }
        guard errors.isEmpty, let date, let theme else { throw WorkbookErrors(errors) }
        return SiteInputs(
            date: date,
            repositoryStart: RepositoryStart.lookUp(root: workbook.root, configured: workbook.config.repoStart),
            theme: theme, assets: assets,
            typesetter: typesetter ?? MathTypesetter(
                katexScript: katexFolder.appendingPathComponent("katex.js"),
                cacheFolder: CacheFolder.resolve(root: workbook.root, environment: options.environment).url,
                environment: options.environment))
    }
}
