import Foundation
import Testing
@testable import WorkbookKit

/// Compiler facts live in a per-user folder keyed by the compiler binary, and work that
/// parallel chapters need at the same moment is done once.
@Suite struct ToolchainFactsTests {
    @Test func thePerUserFolderComesFromTheEnvironment() {
        #expect(ToolchainFactsFolder.perUserRoot(environment: ["WORKBOOK_TOOLCHAIN_CACHE": "/t/facts", "HOME": "/h"])?.path
            == "/t/facts")
        #expect(ToolchainFactsFolder.perUserRoot(environment: ["XDG_CACHE_HOME": "/x", "HOME": "/h"])?.path
            == "/x/workbook/toolchains")
        #expect(ToolchainFactsFolder.perUserRoot(environment: ["HOME": "/h"])?.path == "/h/.cache/workbook/toolchains")
        #expect(ToolchainFactsFolder.perUserRoot(environment: [:]) == nil)
    }

    @Test func theVersionIsReadOncePerBinaryAcrossWorkbookCaches() async throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("toolchain-facts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        var environment = ProcessInfo.processInfo.environment
        environment["WORKBOOK_TOOLCHAIN_CACHE"] = scratch.appendingPathComponent("facts").path
        let first = try await Toolchain.locate(environment: environment, cache: CacheFolder(url: scratch.appendingPathComponent("one")))
        let facts = try #require(first.factsFolder)
        #expect(facts.path.hasPrefix(scratch.appendingPathComponent("facts").path))
        #expect(first.version.contains("Swift"))
        // A remembered version is used by a workbook with a fresh cache: no `swiftc --version`.
        try Data("remembered".utf8).write(to: facts.appendingPathComponent("version.txt"))
        let second = try await Toolchain.locate(environment: environment, cache: CacheFolder(url: scratch.appendingPathComponent("two")))
        #expect(second.version == "remembered")
        #expect(!FileManager.default.fileExists(atPath: scratch.appendingPathComponent("two/compiler").path))
    }

    @Test func anUnwritableFolderFallsBackToTheWorkbookCache() async throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("toolchain-facts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let blocker = scratch.appendingPathComponent("a-file")
        try Data().write(to: blocker)
        var environment = ProcessInfo.processInfo.environment
        environment["WORKBOOK_TOOLCHAIN_CACHE"] = blocker.appendingPathComponent("facts").path
        let cache = CacheFolder(url: scratch.appendingPathComponent("cache"))
        let toolchain = try await Toolchain.locate(environment: environment, cache: cache)
        let facts = try #require(toolchain.factsFolder)
        #expect(facts.path.hasPrefix(cache.url.appendingPathComponent("compiler").path))
        #expect(FileManager.default.fileExists(atPath: facts.appendingPathComponent("version.txt").path))
    }

    @Test func concurrentCallersShareOneRunOfTheWork() async {
        actor Counter {
            var count = 0
            func increment() { count += 1 }
        }
        let counter = Counter()
        let work = InFlightWork<Int>()
        let results = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    await work.value(for: "plan") {
                        await counter.increment()
                        // Done only once every caller waits for it.
                        while await work.callers(of: "plan") < 8 { await Task.yield() }
                        return 42
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results == Array(repeating: 42, count: 8))
        #expect(await counter.count == 1)
        #expect(await work.callers(of: "plan") == 0)
        // Once done, nothing is kept: the next caller runs the work again.
        _ = await work.value(for: "plan") { await counter.increment(); return 0 }
        #expect(await counter.count == 2)
    }
}
