import Foundation
import Testing
@testable import WorkbookKit
@testable import WorkbookSwiftEngine
@testable import SwiftToolchain

/// The compile shortcuts and plain `swiftc` (`WORKBOOK_PLAIN_SWIFTC=1`) give the same
/// results: outputs, compile errors and crashes. Needs the Swift toolchain.
@Suite(.serialized) struct CompilePathTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("compile-path-\(UUID().uuidString)", isDirectory: true)

    func write(_ text: String, to path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func workbook() throws -> Workbook {
        try write("public func double(_ x: Int) -> Int { 2 * x }\n", to: "Tiny/Sources/Tiny/Tiny.swift")
        try write("""
            // swift-tools-version: 6.0
            import PackageDescription
            let package = Package(name: "Tiny", products: [.library(name: "Tiny", targets: ["Tiny"])], targets: [.target(name: "Tiny")])

            """, to: "Tiny/Package.swift")
        try write("""
            # Outputs

            ```swift
            import Foundation
            import Tiny
            print(double(21), String(format: "%.3f", 2.0 / 3.0))
            ```

            ```swift output=markdown
            let rows = (1...3).map { "| \\($0) | \\(double($0)) |" }
            print("| n | 2n |\\n|---|---|\\n" + rows.joined(separator: "\\n"))
            ```

            """, to: "chapters/01-outputs.md")
        try write("# Compile error\n\n```swift\nlet x: Int = \"text\"\n```\n", to: "chapters/02-compile-error.md")
        try write("# Crash\n\n```swift\nprint(1)\n```\n\n```swift\nimport Tiny\nlet xs = [Int]()\nprint(xs[double(1)])\n```\n",
                  to: "chapters/03-crash.md")
        var config = WorkbookConfig()
        config.package = "Tiny"
        config.products = ["Tiny"]
        config.timeout = 120
        let chapters = try ["01-outputs", "02-compile-error", "03-crash"].map { name in
            let path = "chapters/\(name).md"
            return try SnippetExtractor().extract(path: path, source: String(contentsOf: root.appendingPathComponent(path), encoding: .utf8))
        }
        return Workbook(root: root, config: config, chapters: chapters)
    }

    func execute(_ workbook: Workbook, plain: Bool, cache: URL) async -> ExecutionReport {
        var environment = ProcessInfo.processInfo.environment
        environment[CacheFolder.environmentVariable] = cache.path
        environment[CompilePath.environmentVariable] = plain ? "1" : nil
        environment["WORKBOOK_TOOLCHAIN_CACHE"] = cache.appendingPathComponent("toolchain-facts").path
        return await WorkbookExecutor(options: ExecutionOptions(useCache: false, jobs: 2, environment: environment),
                                      engine: SwiftCompilerEngine(environment: environment)).execute(workbook)
    }

    func hasCompilePlan(_ cache: URL) -> Bool {
        let files = (try? FileManager.default.subpathsOfDirectory(atPath: cache.appendingPathComponent("toolchain-facts").path)) ?? []
        return files.contains { URL(fileURLWithPath: $0).lastPathComponent.hasPrefix("plan-") }
    }

    @Test func theEnvironmentChoosesThePath() {
        #expect(CompilePath(environment: [:]) == .shortcuts)
        #expect(CompilePath(environment: ["WORKBOOK_PLAIN_SWIFTC": "1"]) == .plainSwiftc)
        #expect(CompilePath(environment: ["WORKBOOK_PLAIN_SWIFTC": "0"]) == .shortcuts)
    }

    @Test func shortcutsAndPlainSwiftcGiveTheSameResults() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let book = try workbook()
        let cache = root.appendingPathComponent(".cache", isDirectory: true)

        let plain = await execute(book, plain: true, cache: cache)
        #expect(!hasCompilePlan(cache), "the plain path plans nothing")
        let shortcuts = await execute(book, plain: false, cache: cache)
        #expect(hasCompilePlan(cache), "the shortcut path replays a compile plan")

        #expect(plain.chapters.map(\.outputs) == shortcuts.chapters.map(\.outputs))
        #expect(plain.errors == shortcuts.errors)
        #expect(plain.chapters[0].outputs == ["42 0.667\n", "| n | 2n |\n|---|---|\n| 1 | 2 |\n| 2 | 4 |\n| 3 | 6 |\n"])
        #expect(plain.errors.map(\.path) == ["chapters/02-compile-error.md", "chapters/03-crash.md"])
        #expect(plain.errors.map(\.stage) == ["compile", "run"])
    }
}
