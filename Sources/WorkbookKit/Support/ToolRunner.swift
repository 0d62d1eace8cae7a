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

    static func run(_ executable: URL, arguments: [String], workingDirectory: URL? = nil) async throws -> ToolResult {
        let result = try await Subprocess.run(
            .path(FilePath(executable.path)),
            arguments: Arguments(arguments),
            workingDirectory: workingDirectory.map { FilePath($0.path) },
            output: .string(limit: outputLimit),
            error: .string(limit: outputLimit))
        return ToolResult(
            succeeded: result.terminationStatus.isSuccess,
            standardOutput: result.standardOutput,
            standardError: result.standardError)
    }
}
