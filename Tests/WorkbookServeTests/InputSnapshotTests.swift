import Foundation
import Testing
@testable import WorkbookServe

@Suite struct InputSnapshotTests {
    @Test func editsAdditionsAndRemovalsChangeTheSnapshotButEditorDroppingsDoNot() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("snapshot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("chapters"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let chapter = root.appendingPathComponent("chapters/01-a.md")
        try Data("# A\n".utf8).write(to: chapter)
        let inputs = ["workbook.toml", "chapters", "theme"]
        let first = InputSnapshot.take(root: root, inputs: inputs)
        #expect(first.stamps.count == 1)

        try Data("x".utf8).write(to: root.appendingPathComponent("chapters/.01-a.md.swp"))
        try Data("x".utf8).write(to: root.appendingPathComponent("chapters/01-a.md~"))
        #expect(InputSnapshot.take(root: root, inputs: inputs) == first)

        try Data("# A, edited\n".utf8).write(to: chapter)
        let edited = InputSnapshot.take(root: root, inputs: inputs)
        #expect(edited != first)

        try FileManager.default.createDirectory(at: root.appendingPathComponent("theme"), withIntermediateDirectories: true)
        try Data("body{}".utf8).write(to: root.appendingPathComponent("theme/style.css"))
        let themed = InputSnapshot.take(root: root, inputs: inputs)
        #expect(themed.stamps.count == 2)

        try FileManager.default.removeItem(at: root.appendingPathComponent("theme/style.css"))
        #expect(InputSnapshot.take(root: root, inputs: inputs) == edited)
    }
}
