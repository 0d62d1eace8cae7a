import Foundation
import WorkbookKit

/// Everything the pipeline reads from the process rather than from the workbook, gathered once
/// before any stage runs: stages read this value, never `ProcessInfo`.
public struct WorkbookInputs: Sendable, Equatable {
    /// The environment: `SWIFTC`, `PATH`, `WORKBOOK_CACHE_DIR`, `WORKBOOK_PLAIN_SWIFTC` for
    /// execution, `SOURCE_DATE_EPOCH` for the site's date.
    public var environment: [String: String]
    /// How many chapters run at once when the caller does not say (the number of cores).
    public var defaultJobs: Int

    public init(environment: [String: String], defaultJobs: Int) {
        self.environment = environment
        self.defaultJobs = max(1, defaultJobs)
    }

    /// Whether the run is a GitHub Actions job (`GITHUB_ACTIONS=true`): errors and mismatches
    /// are then also printed as workflow annotations.
    public var isGitHubActions: Bool { environment["GITHUB_ACTIONS"] == "true" }

    /// The inputs of the running process.
    public static func current() -> WorkbookInputs {
        WorkbookInputs(environment: ProcessInfo.processInfo.environment,
                       defaultJobs: ProcessInfo.processInfo.activeProcessorCount)
    }
}

/// How chapters are executed for one command: `--no-cache`, `--jobs` and the chapters named.
public struct RunSettings: Sendable, Equatable {
    /// Whether what earlier runs stored may be reused (`--no-cache` turns it off: results,
    /// compile failures, compiled programs, the package build and the site's render stamp are
    /// all made again; what is made is stored either way).
    public var useCache: Bool
    /// How many chapters run at once; `nil` for the inputs' default.
    public var jobs: Int?
    /// The chapters to run (paths relative to the root, see ``ChapterSelection``); `nil` for
    /// all. `check` and `promote` look at these chapters only; `build` still renders every
    /// chapter, the others from the cache or, when not cached, from their recorded outputs.
    public var chapters: Set<String>?

    public init(useCache: Bool = true, jobs: Int? = nil, chapters: Set<String>? = nil) {
        self.useCache = useCache
        self.jobs = jobs
        self.chapters = chapters
    }
}
