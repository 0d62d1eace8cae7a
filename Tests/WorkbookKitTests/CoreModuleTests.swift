import Foundation
import Testing
@testable import WorkbookKit

@Suite struct CoreModuleTests {
    @Test func aCoreFolderWithoutSwiftFilesIsAnErrorAtTheCoreKey() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("core-empty-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Core/Empty"), withIntermediateDirectories: true)
        let config = try WorkbookConfig.parse(toml: "title = \"x\"\n\ncore = [\"Core/Empty\"]\n")
        let workbook = Workbook(root: root, config: config, chapters: [])
        let toolchain = Toolchain(swiftc: URL(fileURLWithPath: "/nonexistent/swiftc"), version: "v")
        let errors = try #require(throws: WorkbookErrors.self) { try CoreModule.describe(workbook: workbook, toolchain: toolchain) }
        #expect(errors.errors.map(\.description) == ["workbook.toml:3:1: error: the 'core' folder 'Core/Empty' holds no Swift files"])
    }
}
