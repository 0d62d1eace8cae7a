import Foundation
import WorkbookKit

/// Everything the site reads from outside the chapters, gathered once before rendering: the
/// day, the repository's first-commit day, the theme, KaTeX's style sheet and fonts, and how
/// formulas are typeset (KaTeX under Node.js, with the cache folder). Rendering reads nothing
/// else.
struct SiteInputs {
    var date: BuildDate
    var repositoryStart: RepositoryStart.Lookup
    var theme: Theme
    /// KaTeX's style sheet and fonts, copied into the site.
    var assets: [SiteFile]
    var typesetter: MathTypesetter

    var expander: PlaceholderExpander { PlaceholderExpander(date: date, repositoryStartLookup: repositoryStart) }

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
        let repositoryStart = RepositoryStart.Lookup(root: workbook.root, configured: workbook.config.repoStart)
        // Placeholders are read from prose only, so a chapter that uses this one holds its name.
        if workbook.config.repoStart == nil,
           workbook.chapters.contains(where: { $0.source.containsBytes(of: RepositoryStart.placeholderName) }) {
            repositoryStart.start()
        }
        return SiteInputs(
            date: date,
            repositoryStart: repositoryStart,
            theme: theme, assets: assets,
            typesetter: typesetter ?? MathTypesetter.forWorkbook(root: workbook.root, environment: options.environment, katexFolder: katexFolder))
    }
}
