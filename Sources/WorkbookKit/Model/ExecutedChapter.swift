/// A chapter after its snippets ran: the actual output of each snippet.
public struct ExecutedChapter: Sendable, Equatable {
    public var chapter: Chapter
    /// The actual output of each snippet, indexed like `chapter.snippets`: the printed text
    /// (normalized to end in `\n`, or empty when nothing was printed); `nil` for a `norun`
    /// snippet or one that did not run because an earlier snippet failed.
    public var outputs: [String?]
    /// How the chapter's results were obtained, for progress lines.
    public var provenance: ExecutionProvenance
    /// Seconds spent compiling and running (0 when cached).
    public var seconds: Double
    /// Seconds spent compiling the chapter's program (0 when cached).
    public var compileSeconds: Double = 0
    /// Seconds the chapter's program ran (0 when cached).
    public var runSeconds: Double = 0
    /// Whether the chapter ran programs compiled before (none was compiled in this run).
    public var reusedProgram = false
    /// How many other chapters were compiled in one program with this one (0 when alone).
    public var bundledWith = 0
    /// For each compile of the chapter's programs that fell back to plain `swiftc`, the
    /// compile shortcut that failed (empty when none did, or the chapter did not run).
    public var compileFallbacks: [CompileShortcut] = []
    /// The seconds each snippet ran, measured by the chapter's program, by snippet index
    /// (empty when the chapter did not run).
    public var snippetSeconds: [Int: Double] = [:]
    /// Why the chapter did not run to the end (compile errors, a crash, a timeout); empty when
    /// every runnable snippet has its output.
    public var errors: [WorkbookError] = []
    /// Snippets that did not fail as their `expect=` says (by index), with the reason: `check`
    /// reports them as mismatches, and `promote` records nothing while any is left.
    public var unmetExpectations: [Int: String] = [:]
    /// Why runnable snippets have no output, by index: their program did not compile, or
    /// stopped at run time (see ``SnippetFailure``). Filled when the chapter is assembled
    /// from its programs.
    public var snippetFailures: [Int: SnippetFailure] = [:]
    /// How the chapter's programs ended, for progress lines.
    public var programs = ProgramTally()

    /// Whether every runnable snippet ran.
    public var succeeded: Bool { errors.isEmpty }

    public init(chapter: Chapter, outputs: [String?], provenance: ExecutionProvenance, seconds: Double) {
        self.chapter = chapter
        self.outputs = outputs
        self.provenance = provenance
        self.seconds = seconds
    }
}

/// Where a chapter's outputs came from.
public enum ExecutionProvenance: String, Sendable, Equatable {
    /// Taken from the result cache; nothing ran.
    case cached
    /// Compiled and ran.
    case ran
    /// Nothing to run (no runnable snippet).
    case nothingToRun = "nothing to run"
    /// Not run: the engine could not be set up (no compiler, a package that failed to build).
    case notRun = "not run"
    /// Not selected for this run and not cached: the outputs recorded in the chapter are used.
    case recorded = "recorded outputs"
}
