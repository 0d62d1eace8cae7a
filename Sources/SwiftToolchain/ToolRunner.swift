import Foundation
import Subprocess
#if canImport(System)
import System
#else
import SystemPackage
import WorkbookKit
#endif

/// What a finished tool printed and how it ended.
package struct ToolResult: Sendable {
    package var succeeded: Bool
    package var standardOutput: String
    package var standardError: String
    /// The status the tool exited with; `nil` when a signal ended it, or it did not run.
    package var exitStatus: Int32? = nil
    /// Whether the tool was stopped for running past its time limit.
    package var stoppedByLimit = false

    package init(succeeded: Bool, standardOutput: String, standardError: String, exitStatus: Int32? = nil,
                 stoppedByLimit: Bool = false) {
        self.succeeded = succeeded
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.exitStatus = exitStatus
        self.stoppedByLimit = stoppedByLimit
    }

    /// Adds `other`'s output after this one's.
    package mutating func append(output other: ToolResult) {
        standardOutput += other.standardOutput
        standardError += other.standardError
    }
}

/// Runs a build tool (the compiler) to completion, reading stdout and stderr concurrently.
package enum ToolRunner {
    static let outputLimit = 8 * 1024 * 1024

    /// glibc settings for the tools: `malloc.hugetlb=1` lets malloc ask for transparent huge
    /// pages, which cuts the page faults of the compiler and linker (about 8% of a chapter's
    /// compile). Only speed changes; other C libraries, and kernels with huge pages off,
    /// ignore it. Settings already in the environment are kept. Not on the plain compile path
    /// (`CompilePath.tunesMalloc`).
    static func tunables(in environment: [String: String]) -> String {
        let hint = "glibc.malloc.hugetlb=1"
        guard let existing = environment["GLIBC_TUNABLES"], !existing.isEmpty else { return hint }
        return existing.contains("glibc.malloc.hugetlb") ? existing : existing + ":" + hint
    }

    /// The longest a tool may run unless the task sets another limit: a hung compiler fails
    /// the chapter instead of hanging the build.
    static let timeLimit: Duration = .seconds(600)

    /// The limit of the tools the current task runs (a chapter's compile sets the workbook's
    /// `timeout`, see `compileLimit(timeout:)`).
    @TaskLocal package static var taskLimit: Duration = timeLimit

    /// How long each compiler or linker job of a chapter may take: the workbook's `timeout`,
    /// but at least 10 s, which a small program's compile never needs even on a busy machine.
    package static func compileLimit(timeout: Double) -> Duration {
        .milliseconds(Int64((max(timeout, 10) * 1000).rounded()))
    }

    /// Runs `executable` with exactly `environment` (plus the glibc tunables), never the
    /// process's own; a run longer than `limit` (by default the task's) is stopped and
    /// reported as a failure.
    package static func run(
        _ executable: URL, arguments: [String], environment: [String: String], workingDirectory: URL? = nil,
        limit: Duration? = nil
    ) async throws -> ToolResult {
        let limit = limit ?? taskLimit
        return try await withThrowingTaskGroup(of: ToolResult?.self) { group in
            group.addTask {
                try await runToEnd(executable, arguments: arguments, environment: environment, workingDirectory: workingDirectory)
            }
            group.addTask {
                try? await Task.sleep(for: limit)
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            if let first { return first }
            let seconds = String(format: "%g", Double(limit.components.seconds) + Double(limit.components.attoseconds) / 1e18)
            return ToolResult(succeeded: false, standardOutput: "",
                              standardError: "error: '\(executable.lastPathComponent)' did not finish within \(seconds) seconds and was stopped",
                              stoppedByLimit: true)
        }
    }

    static func runToEnd(
        _ executable: URL, arguments: [String], environment: [String: String], workingDirectory: URL?
    ) async throws -> ToolResult {
        var variables = environment
        if CompilePath(environment: environment).tunesMalloc { variables["GLIBC_TUNABLES"] = tunables(in: environment) }
        // SOURCE_DATE_EPOCH dates the site, not the build: clang refuses values it cannot
        // put in __DATE__ (negative, or past 9999), so the tools do not see it.
        variables["SOURCE_DATE_EPOCH"] = nil
        let result = try await Subprocess.run(
            .path(FilePath(executable.path)),
            arguments: Arguments(arguments),
            environment: .exactly(variables),
            workingDirectory: workingDirectory.map { FilePath($0.path) },
            output: .string(limit: outputLimit),
            error: .string(limit: outputLimit))
        var exitStatus: Int32?
        if case .exited(let status) = result.terminationStatus { exitStatus = status }
        return ToolResult(
            succeeded: result.terminationStatus.isSuccess,
            standardOutput: result.standardOutput,
            standardError: result.standardError,
            exitStatus: exitStatus)
    }
}
