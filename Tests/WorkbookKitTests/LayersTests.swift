import Foundation
import Testing
@testable import SwiftToolchain
@testable import WorkbookKit
@testable import WorkbookSwiftEngine

/// The layers of `Package.swift` hold: the generic pipeline runs whatever engine it is given
/// and imports none, and the accelerators know nothing of the engine.
@Suite struct LayersTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")

    /// The `import` lines of every Swift file under `Sources/<target>`.
    func imports(of target: String) throws -> [String: [String]] {
        let folder = Self.sources.appendingPathComponent(target)
        var found: [String: [String]] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: folder.path) ?? NSEnumerator() where path.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
            found[path] = text.split(separator: "\n").filter { $0.hasPrefix("import ") || $0.hasPrefix("@testable import ") }
                .map { String($0.split(separator: " ").last ?? "") }
        }
        return found
    }

    @Test func eachLayerImportsOnlyTheLayersBelowIt() throws {
        let below: [String: Set<String>] = [
            "WorkbookKit": ["SwiftToolchain", "SwiftCompileShortcuts", "WorkbookSwiftEngine", "Subprocess"],
            "SwiftToolchain": ["SwiftCompileShortcuts", "WorkbookSwiftEngine"],
            "SwiftCompileShortcuts": ["WorkbookSwiftEngine"],
        ]
        for (target, forbidden) in below {
            let files = try imports(of: target)
            #expect(!files.isEmpty, "\(target) has sources")
            for (file, modules) in files {
                #expect(forbidden.isDisjoint(with: modules), "\(target)/\(file) imports \(modules)")
            }
        }
    }

    /// With a compiler on the `PATH`, the executor still runs the fake engine it is given:
    /// it never makes an engine of its own.
    @Test func theExecutorRunsTheEngineItIsGivenAndNoOther() async throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("layers-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let chapter = try SnippetExtractor().extract(path: "chapters/01-a.md", source: "# A\n\n```swift\nprint(1)\n```\n")
        let workbook = Workbook(root: cache, config: WorkbookConfig(), chapters: [chapter])
        var environment = ProcessInfo.processInfo.environment
        environment[CacheFolder.environmentVariable] = cache.path
        let engine = FakeSnippetEngine()
        let report = await WorkbookExecutor(options: ExecutionOptions(useCache: false, jobs: 1, environment: environment), engine: engine)
            .execute(workbook)
        #expect(await engine.log.sessions == 1)
        #expect(await engine.log.runs == ["chapters/01-a.md"])
        #expect(report.chapters.map(\.provenance) == [.ran])
    }
}

/// `WORKBOOK_PLAIN_SWIFTC=1` turns every accelerator off.
@Suite struct PlainCompilePathTests {
    @Test func theVariableDecidesEverySwitch() {
        let plain = CompilePath(environment: [CompilePath.environmentVariable: "1"])
        #expect(plain == .plainSwiftc)
        for (name, on) in [("replaysPlans", plain.replaysPlans), ("splitsPrograms", plain.splitsPrograms),
                           ("storesPrograms", plain.storesPrograms), ("bundlesChapters", plain.bundlesChapters),
                           ("linksWithLLD", plain.linksWithLLD), ("tunesMalloc", plain.tunesMalloc)] {
            #expect(!on, "\(name) is off on the plain path")
        }
        for value in [nil, "0", "", "yes"] {
            let path = CompilePath(environment: value.map { [CompilePath.environmentVariable: $0] } ?? [:])
            #expect(path == .shortcuts, "\(value ?? "unset")")
            #expect(path.replaysPlans && path.splitsPrograms && path.storesPrograms && path.bundlesChapters
                    && path.linksWithLLD && path.tunesMalloc)
        }
    }

    @Test func aPlainProgramIsOneFileWhateverItsLength() throws {
        let code = (1...40).map { "```swift\nlet value\($0) = \($0)\nprint(value\($0))\n```\n" }.joined(separator: "\n")
        let chapter = try SnippetExtractor().extract(path: "chapters/01-long.md", source: "# Long\n\n" + code)
        let split = ChapterProgram(chapter: chapter, modules: [], files: 4)
        #expect(split.otherSources.count == 3)
        let plain = ChapterProgram(chapter: chapter, modules: [], files: 4, splits: CompilePath.plainSwiftc.splitsPrograms)
        #expect(plain.otherSources.isEmpty)
        #expect(plain.shape == split.shape && plain.identity == split.identity)
        #expect(plain.source.contains("print(value40)"))
    }

    @Test func thePlainPathStoresNoProgramAndAsksForNoLinker() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("plain-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let toolchain = Toolchain(swiftc: URL(fileURLWithPath: "/nonexistent/swiftc"), version: "Swift version 0")
        var runner = ChapterRunner(toolchain: toolchain, cache: CacheFolder(url: cache))
        runner.compilePath = .plainSwiftc
        let chapter = try SnippetExtractor().extract(path: "chapters/01-a.md", source: "# A\n\n```swift\nprint(1)\n```\n")
        #expect(!runner.hasStoredProgram(of: chapter))
        var compiler = ChapterCompiler(toolchain: toolchain, cache: CacheFolder(url: cache), path: .plainSwiftc)
        compiler.linksWithLLD = CompilePath.plainSwiftc.linksWithLLD
        #expect(!compiler.arguments(sources: [URL(fileURLWithPath: "/tmp/main.swift")], binary: URL(fileURLWithPath: "/tmp/a"))
            .contains("-use-ld=lld"))
    }

    @Test func thePlainPathRunsToolsWithoutTheMallocTunable() async throws {
        let env = URL(fileURLWithPath: "/usr/bin/env")
        let plain = try await ToolRunner.run(env, arguments: [], environment: ["PATH": "/usr/bin:/bin", CompilePath.environmentVariable: "1"])
        #expect(!plain.standardOutput.contains("GLIBC_TUNABLES"), "\(plain.standardOutput)")
        let tuned = try await ToolRunner.run(env, arguments: [], environment: ["PATH": "/usr/bin:/bin"])
        #expect(tuned.standardOutput.contains("GLIBC_TUNABLES=glibc.malloc.hugetlb=1"), "\(tuned.standardOutput)")
    }
}
