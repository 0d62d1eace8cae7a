import Foundation
import Testing
@testable import WorkbookKit
@testable import WorkbookSwiftEngine

/// Chapter programs see the environment of the execution's options, not the test process's.
/// Needs the Swift toolchain.
@Suite struct ProgramEnvironmentTests {
    @Test func aChapterProgramSeesTheExecutionsEnvironment() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("program-env-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let source = """
            # Environment

            ```swift
            import Foundation
            let environment = ProcessInfo.processInfo.environment
            print(environment["WORKBOOK_TEST_MARK"] ?? "unset", environment["WORKBOOK_TEST_HIDDEN"] ?? "unset")
            ```

            """
        let chapter = try SnippetExtractor().extract(path: "chapters/01-environment.md", source: source)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        setenv("WORKBOOK_TEST_HIDDEN", "leaked", 1)
        var environment = ProcessInfo.processInfo.environment
        environment["WORKBOOK_TEST_HIDDEN"] = nil
        environment["WORKBOOK_TEST_MARK"] = "from-inputs"
        environment[CacheFolder.environmentVariable] = root.appendingPathComponent(".cache").path
        let workbook = Workbook(root: root, config: WorkbookConfig(), chapters: [chapter])
        let report = await WorkbookExecutor(options: ExecutionOptions(useCache: false, jobs: 1, environment: environment),
                                            engine: SwiftCompilerEngine(environment: environment)).execute(workbook)
        #expect(report.errors == [])
        #expect(report.chapters.first?.outputs == ["from-inputs unset\n"])
    }
}
