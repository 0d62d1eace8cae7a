import Foundation
import Testing
@testable import WorkbookKit
@testable import WorkbookSwiftEngine

/// `workbook init`'s starter: loads, its recorded output is the snippet's, it never overwrites.
@Suite struct WorkbookStarterTests {
    @Test func theStarterLoadsAndItsRecordedOutputMatches() async throws {
        let folder = try PackageFixtures.temporaryFolder("init").appendingPathComponent("notes")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let written = try WorkbookStarter.create(in: folder)
        #expect(written == ["workbook.toml", "chapters/01-first.md", ".gitignore"])
        let workbook = try WorkbookLoader().load(from: folder)
        #expect(workbook.config.title == "My notes")
        #expect(workbook.chapters.count == 1)
        #expect(try String(contentsOf: folder.appendingPathComponent(".gitignore"), encoding: .utf8)
            .contains("/.workbook-cache/"))

        let options = ExecutionOptions(jobs: 1, environment: ProcessInfo.processInfo.environment
            .merging([CacheFolder.environmentVariable: folder.appendingPathComponent(".workbook-cache").path]) { $1 })
        let report = await WorkbookExecutor(options: options, engine: SwiftCompilerEngine(environment: options.environment)).execute(workbook)
        #expect(report.errors.isEmpty)
        let comparison = OutputComparison().compare(report.chapters)
        #expect(comparison.summary == "1 passed, 0 failed")
    }

    @Test func theStarterShowsThePackageKeysCommentedAndHasNoCoreKey() throws {
        let lines = WorkbookStarter.configuration.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains("# package = \".\""))
        #expect(lines.contains("# products = [\"MyLibrary\"]"))
        #expect(!lines.contains { $0.hasPrefix("core") || $0.hasPrefix("package") || $0.hasPrefix("products") })
    }

    @Test func aNewWorkbookRunsItsSnippetsAsANotebook() throws {
        let config = try WorkbookConfig.parse(toml: WorkbookStarter.configuration)
        #expect(config.documentation.snippets == .notebook)
        #expect(config.documentation.imports.isEmpty)
    }

    @Test func initRefusesToOverwriteAndWritesNothing() throws {
        let folder = try PackageFixtures.temporaryFolder("init-existing")
        defer { try? FileManager.default.removeItem(at: folder) }
        try "title = \"Mine\"\n".write(to: folder.appendingPathComponent("workbook.toml"), atomically: true, encoding: .utf8)
        #expect(throws: WorkbookErrors.self) { try WorkbookStarter.create(in: folder) }
        #expect(try String(contentsOf: folder.appendingPathComponent("workbook.toml"), encoding: .utf8) == "title = \"Mine\"\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("chapters").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".gitignore").path))
    }

    @Test func aFileThatAppearsMeanwhileIsNotReplaced() throws {
        let folder = try PackageFixtures.temporaryFolder("init-race")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("x.txt")
        try "theirs".write(to: url, atomically: true, encoding: .utf8)
        #expect(throws: (any Error).self) { try WorkbookStarter.createNew(Data("ours".utf8), at: url) }
        #expect(try String(contentsOf: url, encoding: .utf8) == "theirs")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["x.txt"])
    }
}
