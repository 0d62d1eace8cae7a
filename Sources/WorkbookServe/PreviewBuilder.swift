import Foundation
import WorkbookKit
import WorkbookSite

/// Rebuilds the whole site in memory: the only part of `serve` that knows the pipeline.
///
/// Every chapter goes through the result cache, so a rebuild after a prose edit runs nothing
/// and one after a code edit runs that chapter only. Nothing is written but the cache.
public struct PreviewBuilder: Sendable {
    /// The workbook's root folder.
    public var root: URL
    /// `--date YYYY-MM-DD`, already checked, for the date placeholders.
    public var date: String?
    /// The environment of the command (`SWIFTC`, `WORKBOOK_CACHE_DIR`, `SOURCE_DATE_EPOCH`).
    public var environment: [String: String]

    public init(root: URL, date: String?, environment: [String: String]) {
        self.root = root.standardizedFileURL
        self.date = date
        self.environment = environment
    }

    /// Loads, executes (through the cache), compares and renders the workbook.
    public func build() async -> PreviewBuild {
        let workbook: Workbook
        do {
            workbook = try WorkbookLoader().load(from: root)
        } catch {
            let configReadable = !error.errors.contains { $0.path == WorkbookLoader.configFileName }
            return PreviewBuild(files: nil, problems: error.errors.map(Self.problem),
                                inputs: configReadable ? Self.inputs(of: WorkbookConfig()) : nil)
        }
        let report = await WorkbookExecutor(options: ExecutionOptions(useCache: true, environment: environment))
            .execute(workbook)
        let comparison = OutputComparison().compare(report.chapters.filter(\.succeeded))
        var build = PreviewBuild(
            files: nil,
            stalePages: Set(report.chapters.filter { !$0.succeeded }.map { $0.chapter.slug + ".html" }),
            problems: report.errors.map(Self.problem),
            mismatchCount: comparison.mismatches.count,
            inputs: Self.inputs(of: workbook.config))
        let options = SiteOptions(
            outputFolder: root.appendingPathComponent(workbook.config.outputFolder, isDirectory: true),
            date: date, environment: environment)
        do {
            let files = try SiteGenerator().render(workbook: workbook, chapters: report.chapters, options: options)
            build.files = Dictionary(files.map { ($0.path, [UInt8]($0.contents)) }, uniquingKeysWith: { _, last in last })
        } catch {
            build.problems += error.errors.map(Self.problem)
        }
        return build
    }

    /// What a build reads before the configuration is known.
    static var defaultInputs: [String] { inputs(of: WorkbookConfig()) }

    /// What a build reads: the configuration, the chapters folder (with its images), the
    /// theme and the core modules' sources.
    static func inputs(of config: WorkbookConfig) -> [String] {
        [WorkbookLoader.configFileName, config.chaptersFolder, "theme"] + config.core
    }

    static func problem(_ error: WorkbookError) -> PreviewProblem {
        var location = error.path
        if error.line > 0 { location += ":\(error.line)" }
        if error.line > 0 && error.column > 0 { location += ":\(error.column)" }
        return PreviewProblem(location: location, message: error.message, details: error.details,
                              report: error.description)
    }
}
