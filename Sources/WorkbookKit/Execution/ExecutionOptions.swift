import Foundation

/// How a workbook is executed.
public struct ExecutionOptions: Sendable {
    /// Whether cached results may be used (`--no-cache` turns this off; results are still stored).
    public var useCache: Bool
    /// How many chapters run at once.
    public var jobs: Int
    /// The environment (for `SWIFTC`, `PATH` and `WORKBOOK_CACHE_DIR`).
    public var environment: [String: String]

    public init(useCache: Bool = true, jobs: Int? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.useCache = useCache
        self.jobs = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        self.environment = environment
    }
}
