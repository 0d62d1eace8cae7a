import Foundation
import Testing
@testable import WorkbookKit
@testable import SwiftToolchain
@testable import SwiftCompileShortcuts

/// Compiler facts live in a per-user folder keyed by the compiler binary, a plan is asked for
/// again when a file it names changed or its replay failed, and work that parallel chapters
/// need at the same moment is done once.
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

    @Test func theFolderFollowsTheBinaryNotOnlyItsSizeAndTime() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("toolchain-binary-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let binary = scratch.appendingPathComponent("swift-frontend")
        try Data("compiler one".utf8).write(to: binary)
        let modified = Date(timeIntervalSince1970: 1_700_000_000)
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: binary.path)
        let link = scratch.appendingPathComponent("swiftc")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: binary)
        let key = ToolchainFactsFolder.binaryKey(link)
        #expect(ToolchainFactsFolder.binaryKey(link) == key)
        // Another compiler of the same size and modification time put in its place (a
        // reinstall that keeps the archive's times): another folder.
        let other = scratch.appendingPathComponent("other")
        try Data("compiler two".utf8).write(to: other)
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: other.path)
        #expect(rename(other.path, binary.path) == 0)
        #expect(ToolchainFactsFolder.binaryKey(link) != key)
    }

    /// A scratch folder with a stand-in tool file, and a plan that names it.
    func scratchPlan() throws -> (folder: URL, tool: URL, plan: CompilePlan) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plan-facts-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let tool = folder.appendingPathComponent("ld.lld")
        try Data("linker".utf8).write(to: tool)
        var plan = try #require(CompilePlan(driverOutput: """
            /opt/swift/usr/bin/swift-frontend -frontend -c /@workbook-source@/main.swift -o /tmp/TemporaryDirectory.abc/main-1.o
            /opt/swift/usr/bin/clang /tmp/TemporaryDirectory.abc/main-1.o -o /@workbook-binary@/chapter
            """))
        plan.directLink = [tool.path, folder.path, folder.appendingPathComponent("crt1.o").path, "-o", CompilePlan.binaryPlaceholder]
        plan.toolFiles = CompilePlan.toolFiles(of: plan)
        return (folder, tool, plan)
    }

    @Test func aPlanWhoseToolsChangedIsAskedForAgain() throws {
        let (folder, tool, plan) = try scratchPlan()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try #require(plan.toolFiles)
        #expect(files[tool.path] != nil)
        #expect(files[folder.appendingPathComponent("crt1.o").path] == "missing")
        #expect(files[folder.path] == nil, "folders are left out")
        #expect(!files.keys.contains { $0.contains("@workbook-") }, "placeholders are left out")
        let file = folder.appendingPathComponent("plan.json")
        try JSONEncoder().encode(plan).write(to: file)
        #expect(CompilePlan.stored(in: file) == plan)
        // A tool replaced by one of the same size (a reinstall) makes the plan stale.
        let replacement = folder.appendingPathComponent("new-ld.lld")
        try Data("LINKER".utf8).write(to: replacement)
        #expect(rename(replacement.path, tool.path) == 0)
        #expect(CompilePlan.stored(in: file) == nil)
        // So does a file that appeared where the plan saw none.
        var fresh = plan
        fresh.toolFiles = CompilePlan.toolFiles(of: fresh)
        try JSONEncoder().encode(fresh).write(to: file)
        #expect(CompilePlan.stored(in: file) == fresh)
        try Data().write(to: folder.appendingPathComponent("crt1.o"))
        #expect(CompilePlan.stored(in: file) == nil)
        // A plan stored without the identities (hand-written, or older) is not trusted.
        var bare = fresh
        bare.toolFiles = nil
        try JSONEncoder().encode(bare).write(to: file)
        #expect(CompilePlan.stored(in: file) == nil)
    }

    @Test func aDiscardedPlanIsRemovedOnlyIfItIsStillTheStoredOne() throws {
        let (folder, _, plan) = try scratchPlan()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("plan.json")
        var newer = plan
        newer.directLink = nil
        try JSONEncoder().encode(newer).write(to: file)
        CompilePlan.discard(plan, at: file)
        #expect(FileManager.default.fileExists(atPath: file.path), "a plan stored since is kept")
        try JSONEncoder().encode(plan).write(to: file)
        CompilePlan.discard(plan, at: file)
        #expect(!FileManager.default.fileExists(atPath: file.path))
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
