import Foundation
import Testing
@testable import WorkbookKit

@Suite struct ResultCacheKeyTests {
    let module = CoreModule(name: "Tiny", folder: "Core/Tiny", sourcePaths: ["Core/Tiny/A.swift"], key: "k1")

    func key(_ source: String, modules: [CoreModule]? = nil, compiler: String = "swift 6.3.1") throws -> String {
        let chapter = try SnippetExtractor().extract(path: "chapters/01-x.md", source: source)
        return ResultCache.key(chapter: chapter, modules: modules ?? [module], compilerVersion: compiler)
    }

    let base = "# Title\n\n```swift\nprint(1)\n```\n"

    @Test func proseAndLineNumbersDoNotChangeTheKey() throws {
        #expect(try key(base) == key("# Another title\n\nMore prose.\n\n\n```swift\nprint(1)\n```\n\nEnd.\n"))
    }

    @Test func recordedOutputDoesNotChangeTheKey() throws {
        #expect(try key(base) == key(base + "\n```output\n1\n```\n"))
    }

    @Test(arguments: [
        "# Title\n\n```swift\nprint(2)\n```\n",
        "# Title\n\n```swift output=markdown\nprint(1)\n```\n",
        "# Title\n\n```swift hide\nprint(1)\n```\n",
        "# Title\n\n```swift norun\nprint(1)\n```\n",
        "# Title\n\n```swift\nprint(1)\n```\n\n```swift\n```\n",
    ])
    func codeAndOptionsChangeTheKey(source: String) throws {
        #expect(try key(base) != key(source))
    }

    @Test func coreAndCompilerChangeTheKey() throws {
        var changed = module
        changed.key = "k2"
        #expect(try key(base) != key(base, modules: [changed]))
        #expect(try key(base) != key(base, modules: []))
        #expect(try key(base) != key(base, compiler: "swift 6.4"))
    }

    @Test func coreModuleKeyFollowsItsSources() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("core-key-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("Core/Tiny")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "public let a = 1\n".write(to: folder.appendingPathComponent("A.swift"), atomically: true, encoding: .utf8)
        var config = WorkbookConfig()
        config.core = ["Core/Tiny"]
        let workbook = Workbook(root: root, config: config, chapters: [])
        let toolchain = Toolchain(swiftc: URL(fileURLWithPath: "/usr/bin/swiftc"), version: "v")
        let first = try CoreModule.describe(workbook: workbook, toolchain: toolchain)
        #expect(first.map(\.name) == ["Tiny"])
        #expect(first.first?.sourcePaths == ["Core/Tiny/A.swift"])
        try "public let a = 2\n".write(to: folder.appendingPathComponent("A.swift"), atomically: true, encoding: .utf8)
        let second = try CoreModule.describe(workbook: workbook, toolchain: toolchain)
        #expect(first.first?.key != second.first?.key)
    }
}
