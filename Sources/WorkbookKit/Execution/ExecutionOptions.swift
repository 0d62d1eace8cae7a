import Foundation

/// How a workbook is executed.
public struct ExecutionOptions: Sendable {
    /// Whether anything stored by earlier runs may be reused: results, compile failures,
    /// compiled programs (`--no-cache` turns this off: everything is compiled and run again,
    /// the package is built again, and what is made is still stored for the next run).
    public var useCache: Bool
    /// How many chapters run at once.
    public var jobs: Int
    /// The environment (for `SWIFTC`, `PATH` and `WORKBOOK_CACHE_DIR`).
    public var environment: [String: String]
    /// The chapters (paths relative to the root) to execute; the others are taken from the
    /// cache, or from the outputs recorded in them when not cached, and never run. `nil`: all.
    public var selectedChapters: Set<String>? = nil
    /// Measures the preparation reported through `PreparationProgress`.
    public var stopwatch: Stopwatch = .continuous

    /// `environment` and `jobs` are the caller's (a session's `WorkbookInputs`): execution never
    /// reads the process's.
    public init(useCache: Bool = true, jobs: Int, environment: [String: String]) {
        self.useCache = useCache
        self.jobs = max(1, jobs)
        self.environment = environment
    }
}
