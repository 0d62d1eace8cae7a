/// A problem of a preview build, as the terminal and the error overlay show it.
public struct PreviewProblem: Sendable, Equatable {
    /// `chapters/x.md:LINE:COL` (or just the path when the line is unknown).
    public var location: String
    /// One sentence saying what is wrong.
    public var message: String
    /// The underlying output (a compiler excerpt, stderr), or empty.
    public var details: String
    /// The whole report in the compiler's form, `path:line:col: error: message` and the details.
    public var report: String

    public init(location: String, message: String, details: String = "", report: String? = nil) {
        self.location = location
        self.message = message
        self.details = details
        self.report = report ?? "\(location): error: \(message)"
    }
}

/// What one rebuild of the whole workbook produced, in memory.
public struct PreviewBuild: Sendable, Equatable {
    /// Every file of the site by its path inside the site; `nil` when the site could not be
    /// rendered at all (the previous files stay served).
    public var files: [String: [UInt8]]?
    /// Pages of chapters that failed to run: their previous version, if any, stays served.
    public var stalePages: Set<String>
    /// Every problem met, in reading order.
    public var problems: [PreviewProblem]
    /// How many snippets printed something other than their recorded output.
    public var mismatchCount: Int
    /// The files and folders the build read, relative to the workbook root; `nil` when the
    /// configuration could not be read (the previous list stays watched).
    public var inputs: [String]?

    public init(
        files: [String: [UInt8]]?, stalePages: Set<String> = [], problems: [PreviewProblem] = [],
        mismatchCount: Int = 0, inputs: [String]? = nil
    ) {
        self.files = files
        self.stalePages = stalePages
        self.problems = problems
        self.mismatchCount = mismatchCount
        self.inputs = inputs
    }
}
