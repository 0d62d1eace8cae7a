/// Why a runnable snippet has no output.
public enum SnippetFailure: String, Sendable, Equatable, Hashable {
    /// Its program did not compile (its own code, or another snippet of the program).
    case didNotCompile = "did not compile"
    /// Its program stopped at run time (a crash, a timeout, too much output) during it or before it.
    case failedAtRunTime = "failed at run time"
}

/// How the programs of a chapter ended (see ``ProgramPlan``): the counts a progress line gives.
public struct ProgramTally: Sendable, Equatable {
    /// Programs that ran to the end in an earlier run, whose results came from the cache.
    public var cached = 0
    /// Programs that were compiled (or reused) and ran in this run, to the end.
    public var ran = 0
    /// Programs that did not compile (in this run or, cached, in an earlier one).
    public var didNotCompile = 0
    /// Programs that stopped at run time: a crash, a timeout, an output over the limit.
    public var failedAtRunTime = 0

    public init() {}

    /// Every program counted.
    public var count: Int { cached + ran + didNotCompile + failedAtRunTime }
    /// Programs that did not compile or failed at run time.
    public var failed: Int { didNotCompile + failedAtRunTime }
}
