import Foundation
import Subprocess
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// What a finished tool printed and how it ended.
struct ToolResult: Sendable {
    var succeeded: Bool
    var standardOutput: String
    var standardError: String
}

/// Runs a build tool (the compiler) to completion, reading stdout and stderr concurrently.
enum ToolRunner {
    static let outputLimit = 8 * 1024 * 1024

    /// glibc settings for the tools: `malloc.hugetlb=1` lets malloc ask for transparent huge
    /// pages, which cuts the page faults of the compiler and linker (about 8% of a chapter's
    /// compile). Only speed changes; other C libraries, and kernels with huge pages off,
    /// ignore it. Settings already in the environment are kept.
    static func tunables(in environment: [String: String]) -> String {
        let hint = "glibc.malloc.hugetlb=1"
        guard let existing = environment["GLIBC_TUNABLES"], !existing.isEmpty else { return hint }
        return existing.contains("glibc.malloc.hugetlb") ? existing : existing + ":" + hint
    }

    /// Runs `executable` with exactly `environment` (plus the glibc tunables), never the
    /// process's own.
    static func run(
        _ executable: URL, arguments: [String], environment: [String: String], workingDirectory: URL? = nil
    ) async throws -> ToolResult {
        var variables = environment
        variables["GLIBC_TUNABLES"] = tunables(in: environment)
        let result = try await Subprocess.run(
            .path(FilePath(executable.path)),
            arguments: Arguments(arguments),
            environment: .exactly(variables),
            workingDirectory: workingDirectory.map { FilePath($0.path) },
            output: .string(limit: outputLimit),
            error: .string(limit: outputLimit))
        return ToolResult(
            succeeded: result.terminationStatus.isSuccess,
            standardOutput: result.standardOutput,
            standardError: result.standardError)
    }
}
