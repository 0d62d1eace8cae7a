import Foundation
import Subprocess

/// The Swift compiler that builds core modules and chapter programs.
public struct Toolchain: Sendable, Equatable {
    /// The `swiftc` executable.
    public var swiftc: URL
    /// The output of `swiftc --version`, part of every cache key.
    public var version: String
    /// The environment the compiler and the tools it starts run in.
    public var environment: [String: String]

    public init(swiftc: URL, version: String, environment: [String: String] = [:]) {
        self.swiftc = swiftc
        self.version = version
        self.environment = environment
    }

    /// Finds `swiftc` (`$SWIFTC`, else the `PATH`) and reads its version, cached in `cache` by
    /// the binary's path and modification time so that warm runs start no process.
    public static func locate(environment: [String: String], cache: CacheFolder) async throws(WorkbookErrors) -> Toolchain {
        guard let swiftc = findSwiftc(environment: environment) else {
            throw WorkbookErrors([WorkbookError(
                path: "swiftc", message: "cannot find 'swiftc' on the PATH (set SWIFTC to its path)", stage: "execute")])
        }
        let resolved = swiftc.resolvingSymlinksInPath()
        let attributes = try? FileManager.default.attributesOfItem(atPath: resolved.path)
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        var hasher = ContentHasher()
        hasher.combine(swiftc.path)
        hasher.combine(resolved.path)
        hasher.combine(String(modified))
        let versionFile = cache.url.appendingPathComponent("compiler/\(hasher.finalize()).txt")
        if let data = try? Data(contentsOf: versionFile), let version = String(data: data, encoding: .utf8), !version.isEmpty {
            return Toolchain(swiftc: swiftc, version: version, environment: environment)
        }
        let result: ToolResult
        do {
            result = try await ToolRunner.run(swiftc, arguments: ["--version"], environment: environment)
        } catch {
            throw WorkbookErrors([WorkbookError(path: swiftc.path, message: "cannot run 'swiftc --version': \(error)", stage: "execute")])
        }
        guard result.succeeded, !result.standardOutput.isEmpty else {
            throw WorkbookErrors([WorkbookError(
                path: swiftc.path, message: "'swiftc --version' failed", stage: "execute", details: result.standardError)])
        }
        try? AtomicFileWriter().write(Data(result.standardOutput.utf8), to: versionFile)
        return Toolchain(swiftc: swiftc, version: result.standardOutput, environment: environment)
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
