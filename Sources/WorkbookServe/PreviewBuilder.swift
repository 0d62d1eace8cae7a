import Foundation
import WorkbookDriver
import WorkbookKit

/// Rebuilds the whole site in memory through `WorkbookSession`: the only part of `serve` that
/// calls the pipeline.
///
/// Every chapter goes through the result cache, so a rebuild after a prose edit runs nothing
/// and one after a code edit runs that chapter only. Nothing is written but the cache.
public struct PreviewBuilder: Sendable {
    /// The workbook's root folder.
    public var root: URL
    /// `--date YYYY-MM-DD`, for the date placeholders; `nil` for today.
    public var date: CalendarDay?
    /// The environment and core count of the command (`SWIFTC`, `WORKBOOK_CACHE_DIR`, `SOURCE_DATE_EPOCH`).
    public var inputs: WorkbookInputs

    public init(root: URL, date: CalendarDay?, inputs: WorkbookInputs) {
        self.root = root.standardizedFileURL
        self.date = date
        self.inputs = inputs
    }

    /// Loads, executes (through the cache), compares and renders the workbook.
    public func build() async -> PreviewBuild {
        let session: WorkbookSession
        do {
            session = try WorkbookSession.load(root: root, inputs: inputs)
        } catch {
            let configReadable = !error.errors.contains { $0.path == WorkbookLoader.configFileName }
            return PreviewBuild(files: nil, problems: error.errors.map(Self.problem),
                                inputs: configReadable ? Self.defaultInputs : nil)
        }
        let outcome = await session.preview(date: date)
        let slugs = Dictionary(session.workbook.chapters.map { ($0.path, $0.slug) }, uniquingKeysWith: { first, _ in first })
        var build = PreviewBuild(
            files: nil,
            stalePages: Set(outcome.failedChapters.compactMap { slugs[$0].map { $0 + ".html" } }),
            problems: outcome.errors.map(Self.problem),
            mismatchCount: outcome.mismatchCount,
            inputs: Self.inputs(of: session.workbook.config))
        if let files = outcome.files {
            build.files = Dictionary(files.map { ($0.path, [UInt8]($0.contents)) }, uniquingKeysWith: { _, last in last })
        }
        return build
    }

    /// What a build reads before the configuration is known.
    static var defaultInputs: [String] { inputs(of: WorkbookConfig()) }

    /// What a build reads: the configuration, the chapters folder (with its images), the
    /// theme, the snippet core's package folder and the declared `inputs` (globs).
    static func inputs(of config: WorkbookConfig) -> [String] {
        [WorkbookLoader.configFileName, config.chaptersFolder, "theme"] + (config.package.map { [$0] } ?? []) + config.inputs
    }

    static func problem(_ error: WorkbookError) -> PreviewProblem {
        var location = error.path
        if error.line > 0 { location += ":\(error.line)" }
        if error.line > 0 && error.column > 0 { location += ":\(error.column)" }
        return PreviewProblem(location: location, message: error.message, details: error.details,
                              report: error.description)
    }
}
