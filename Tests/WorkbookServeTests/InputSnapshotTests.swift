import Foundation
import Testing
@testable import WorkbookServe
import WorkbookKit

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

    @Test func declaredInputGlobsAreWatchedIncludingFilesTheyMatchLater() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("snapshot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("data"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("1,2\n".utf8).write(to: root.appendingPathComponent("data/a.csv"))
        try Data("notes".utf8).write(to: root.appendingPathComponent("data/notes.txt"))
        let inputs = ["workbook.toml", "chapters", "data/*.csv"]
        let first = InputSnapshot.take(root: root, inputs: inputs)
        #expect(Set(first.stamps.keys) == [root.appendingPathComponent("data/a.csv").path])

        try Data("unwatched".utf8).write(to: root.appendingPathComponent("data/notes.txt"))
        #expect(InputSnapshot.take(root: root, inputs: inputs) == first, "files the glob does not match are not watched")

        try Data("3,4\n".utf8).write(to: root.appendingPathComponent("data/b.csv"))
        let added = InputSnapshot.take(root: root, inputs: inputs)
        #expect(added.stamps.count == 2, "a file the glob matches once created is watched")

        try Data("1,2,3\n".utf8).write(to: root.appendingPathComponent("data/a.csv"))
        #expect(InputSnapshot.take(root: root, inputs: inputs) != added)
    }

    @Test func theBuilderWatchesTheDeclaredInputsAndThePackage() {
        var config = WorkbookConfig()
        config.inputs = ["data/*.csv"]
        #expect(PreviewBuilder.inputs(of: config) == ["workbook.toml", "chapters", "theme", "data/*.csv"])
        config.package = "Geometry"
        config.products = ["Geometry"]
        #expect(PreviewBuilder.inputs(of: config) == ["workbook.toml", "chapters", "theme", "Geometry", "data/*.csv"])
    }
}
