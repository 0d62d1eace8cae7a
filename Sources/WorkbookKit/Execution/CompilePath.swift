/// How a chapter's program is compiled: through the shortcuts (`CompilePlan`, `AutolinkCache`,
/// `DirectLinker`, all behind `ChapterCompiler.compile`) or by one plain `swiftc` call.
///
/// `WORKBOOK_PLAIN_SWIFTC=1` chooses the plain path, to rule the shortcuts out when a result
/// looks wrong; both paths produce the same program.
public enum CompilePath: Sendable, Equatable {
    case shortcuts
    case plainSwiftc

    /// The variable that turns the shortcuts off.
    public static let environmentVariable = "WORKBOOK_PLAIN_SWIFTC"

    public init(environment: [String: String]) {
        self = environment[Self.environmentVariable] == "1" ? .plainSwiftc : .shortcuts
    }
}
