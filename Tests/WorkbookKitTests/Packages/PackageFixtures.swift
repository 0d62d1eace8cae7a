import Foundation
@testable import WorkbookKit
@testable import SwiftToolchain
@testable import WorkbookSwiftEngine

/// The fixture packages and a way to compile and run a chapter-like program against them.
enum PackageFixtures {
    /// `Tests/WorkbookEndToEndTests/Fixtures/packages`: a workbook whose package folders
    /// (`Shapes`, `Units`, `Legacy`, `Broken`) are built in place (the build never writes there).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("WorkbookEndToEndTests/Fixtures/packages")

    /// A cache kept across test runs (entries are keyed by content, never stale), so the
    /// fixture packages are built once per machine, not once per run.
    static let cache = CacheFolder(url: FileManager.default.temporaryDirectory
        .appendingPathComponent("workbook-package-tests-cache", isDirectory: true))

    static func toolchain() async throws -> Toolchain {
        try await Toolchain.locate(environment: ProcessInfo.processInfo.environment, cache: cache)
    }

    /// A request for `products` of the fixture package `name`, built with one job.
    static func request(_ name: String, products: [String], root: URL = root) -> PackageRequest {
        PackageRequest(packageFolder: root.appendingPathComponent(name), products: products, root: root, jobs: 1)
    }

    /// A new temporary folder holding a copy of the fixture package `name` (remove it after use).
    static func copy(of name: String, label: String) throws -> URL {
        let folder = try temporaryFolder(label)
        try FileManager.default.copyItem(at: root.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        return folder
    }

    /// A new empty temporary folder.
    static func temporaryFolder(_ label: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("workbook-package-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Compiles `source` as a chapter program is compiled (Swift 5 mode, unoptimized) with the
    /// build's flags, runs it, and returns what it printed; throws with the compiler's output.
    static func run(_ source: String, against build: PackageBuild, toolchain: Toolchain, flags: [String] = []) throws -> String {
        let folder = try temporaryFolder("program")
        defer { try? FileManager.default.removeItem(at: folder) }
        let main = folder.appendingPathComponent("main.swift")
        try source.write(to: main, atomically: true, encoding: .utf8)
        let binary = folder.appendingPathComponent("chapter")
        let compile = try launch(toolchain.swiftc, ["-swift-version", "5", "-Onone"] + flags + [main.path, "-o", binary.path] + build.swiftcArguments)
        guard compile.status == 0 else { throw ProgramError(output: compile.output) }
        let run = try launch(binary, [])
        guard run.status == 0 else { throw ProgramError(output: run.output) }
        return run.output
    }

    static func launch(_ executable: URL, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("workbook-package-output-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return (process.terminationStatus, try String(contentsOf: output, encoding: .utf8))
    }

    struct ProgramError: Error, CustomStringConvertible {
        var output: String
        var description: String { output }
    }
}
