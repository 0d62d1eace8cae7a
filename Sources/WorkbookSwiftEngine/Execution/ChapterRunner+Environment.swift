import SwiftToolchain
import WorkbookKit

extension ChapterRunner {
    /// The environment of a chapter's program: the execution's own (from its inputs, not the
    /// process's), with Swift's backtracer off so a crash prints only the runtime's message,
    /// and deterministic hashing so a `Set` or a `Dictionary` prints in the same order on
    /// every run and every machine.
    var programEnvironment: [String: String] {
        toolchain.environment.merging(Self.programSettings) { _, programSetting in programSetting }
    }

    static let programSettings = ["SWIFT_BACKTRACE": "enable=no", "SWIFT_DETERMINISTIC_HASHING": "1"]
}
