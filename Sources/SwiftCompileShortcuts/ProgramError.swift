import Foundation
import SwiftToolchain
import WorkbookKit

extension PlanReplay {
    /// Error messages about something the program needs from outside its code (a module, a
    /// file): a stale plan can cause them even at a line of the program, so they fall back.
    static let loadingErrors = ["no such module", "could not find module", "missing required module", "cannot load module",
                                "module compiled with", "could not build", "failed to build module", "no such file", "error opening"]

    /// Whether the failed compiler jobs `results` failed only because of the program's own
    /// code, so plain `swiftc` would report the same errors: each failed job either exited
    /// with status 1 having printed errors, every one at a line of `files` (the program's
    /// files, or a name its `#sourceLocation` lines give) and none about loading a module or
    /// a file (`loadingErrors`); or was stopped by the time limit (plain `swiftc` runs the
    /// same compiler under the same limit). Anything else (a crash, an unknown flag, an error
    /// with no location or elsewhere) is the shortcut's to answer for.
    static func isProgramError(_ results: [ToolResult], files: Set<String>) -> Bool {
        let failed = results.filter { !$0.succeeded }
        guard !failed.isEmpty else { return false }
        return failed.allSatisfy { result in
            if result.stoppedByLimit { return true }
            guard result.exitStatus == 1 else { return false }
            let errors = CompilerDiagnostics(root: URL(fileURLWithPath: "/nonexistent"))
                .errors(in: result.standardError + result.standardOutput, stage: "compile")
            return !errors.isEmpty && errors.allSatisfy { error in
                files.contains(error.path) && error.line > 0
                    && !loadingErrors.contains { error.message.localizedCaseInsensitiveContains($0) }
            }
        }
    }
}
