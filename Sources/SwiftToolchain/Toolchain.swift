import Foundation
import Subprocess
import WorkbookKit

/// The Swift compiler (and SwiftPM beside it) that builds package products and chapter programs.
public struct Toolchain: Sendable, Equatable {
    /// The `swiftc` executable.
    public var swiftc: URL
    /// The output of `swiftc --version`, part of every cache key.
    public var version: String
    /// The environment the compiler and the tools it starts run in.
    public var environment: [String: String]
    /// Where facts about this compiler are kept (`ToolchainFactsFolder`); `nil`: the cache's
    /// `compiler` folder.
    public var factsFolder: URL?

    public init(swiftc: URL, version: String, environment: [String: String] = [:]) {
        self.swiftc = swiftc
        self.version = version
        self.environment = environment
    }

    /// Finds `swiftc` (`$SWIFTC`, else the `PATH`) and reads its version, kept in the per-user
    /// facts folder of the binary (`ToolchainFactsFolder`, else in `cache`) so that warm runs,
    /// new workbooks and fresh caches start no process.
    public static func locate(environment: [String: String], cache: CacheFolder) async throws(WorkbookErrors) -> Toolchain {
        guard let swiftc = findSwiftc(environment: environment) else {
            throw WorkbookErrors([WorkbookError(
                path: "swiftc", message: "cannot find 'swiftc' on the PATH (set SWIFTC to its path)", stage: "execute")])
        }
        let facts = ToolchainFactsFolder.folder(for: swiftc, environment: environment, fallback: cache)
        let versionFile = facts.appendingPathComponent("version.txt")
        if let data = try? Data(contentsOf: versionFile), let version = String(data: data, encoding: .utf8), !version.isEmpty {
            var toolchain = Toolchain(swiftc: swiftc, version: version, environment: environment)
            toolchain.factsFolder = facts
            return toolchain
        }
        let result: ToolResult
        do {
            // The driver only passes `-version` on to the frontend, which prints the same two
            // lines; asking the frontend beside it skips the driver's start (about 90 ms).
            let frontend = swiftc.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("swift-frontend")
            if FileManager.default.isExecutableFile(atPath: frontend.path),
               let answer = try? await ToolRunner.run(frontend, arguments: ["-version"], environment: environment),
               answer.succeeded, answer.standardOutput.hasPrefix("Swift version") {
                result = answer
            } else {
                result = try await ToolRunner.run(swiftc, arguments: ["--version"], environment: environment)
            }
        } catch {
            throw WorkbookErrors([WorkbookError(path: swiftc.path, message: "cannot run 'swiftc --version': \(error)", stage: "execute")])
        }
        guard result.succeeded, !result.standardOutput.isEmpty else {
            throw WorkbookErrors([WorkbookError(
                path: swiftc.path, message: "'swiftc --version' failed", stage: "execute", details: result.standardError)])
        }
        try? AtomicFileWriter().write(Data(result.standardOutput.utf8), to: versionFile)
        var toolchain = Toolchain(swiftc: swiftc, version: result.standardOutput, environment: environment)
        toolchain.factsFolder = facts
        return toolchain
    }

    /// The folder for facts about this compiler: `factsFolder`, else `cache`'s `compiler` folder.
    package func facts(in cache: CacheFolder) -> URL {
        factsFolder ?? cache.url.appendingPathComponent("compiler", isDirectory: true)
    }

    static func findSwiftc(environment: [String: String]) -> URL? {
        if let explicit = environment["SWIFTC"], !explicit.isEmpty { return URL(fileURLWithPath: explicit) }
        for folder in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("swiftc")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}
