import WorkbookKit

/// How a chapter's program is compiled: with the accelerators, or by one plain `swiftc` call
/// and nothing else.
///
/// `WORKBOOK_PLAIN_SWIFTC=1` chooses the plain path, to rule the accelerators out when a
/// result looks wrong; both paths produce the same outputs. On the plain path every question
/// below is answered "no": each chapter's program is one file (in the same shape), compiled
/// alone by one `swiftc` call with the default linker, never taken from or kept in the store
/// of compiled programs, and the tools run with the environment as given.
public enum CompilePath: Sendable, Equatable {
    case shortcuts
    case plainSwiftc

    /// The variable that turns the accelerators off. A contract: scripts and CI set it.
    public static let environmentVariable = "WORKBOOK_PLAIN_SWIFTC"

    public init(environment: [String: String]) {
        self = environment[Self.environmentVariable] == "1" ? .plainSwiftc : .shortcuts
    }

    /// Whether the compiler driver's jobs are replayed from a stored plan, the autolink
    /// extraction answered from a stored answer and the link made by calling the linker
    /// directly (`SwiftCompileShortcuts.PlanReplay`).
    public var replaysPlans: Bool { self == .shortcuts }
    /// Whether a program may be written as several files whose compiler jobs run at once.
    public var splitsPrograms: Bool { self == .shortcuts }
    /// Whether compiled programs are kept and reused (`ProgramBinaryCache`).
    public var storesPrograms: Bool { self == .shortcuts }
    /// Whether chapters that can share a module are compiled together (`ChapterBundle`).
    public var bundlesChapters: Bool { self == .shortcuts }
    /// Whether the link asks for lld (`-use-ld=lld`) when the toolchain has it.
    public var linksWithLLD: Bool { self == .shortcuts }
    /// Whether the tools run with glibc's `malloc.hugetlb` tunable (`ToolRunner.tunables`).
    public var tunesMalloc: Bool { self == .shortcuts }
}
