import Foundation
import Testing
@testable import WorkbookKit

/// Promotion writes all chapters or none, and a failed write leaves nothing behind.
@Suite struct ChapterFileSetTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("chapter-set-\(UUID().uuidString)")

    @Test func aFullDiskLeavesTheChaptersAndNoTemporaryFile() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let chapters = root.appendingPathComponent("chapters")
        try FileManager.default.createDirectory(at: chapters, withIntermediateDirectories: true)
        try Data("one\n".utf8).write(to: chapters.appendingPathComponent("01-a.md"))
        try Data("two\n".utf8).write(to: chapters.appendingPathComponent("02-b.md"))
        var set = ChapterFileSet(root: root)
        // The disk fills up while the second chapter is written: half its bytes reach the file.
        set.writeFile = { data, url in
            guard url.lastPathComponent.contains("02-b.md") else { return try data.write(to: url) }
            try data.prefix(data.count / 2).write(to: url)
            throw POSIXError(.ENOSPC)
        }
        #expect(throws: WorkbookErrors.self) {
            try set.replace([
                ChapterFileSet.Change(path: "chapters/01-a.md", loaded: "one\n", new: "one, promoted\n"),
                ChapterFileSet.Change(path: "chapters/02-b.md", loaded: "two\n", new: "two, promoted\n"),
            ])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: chapters.path).sorted() == ["01-a.md", "02-b.md"])
        #expect(try String(contentsOf: chapters.appendingPathComponent("01-a.md"), encoding: .utf8) == "one\n")
        #expect(try String(contentsOf: chapters.appendingPathComponent("02-b.md"), encoding: .utf8) == "two\n")
    }

    @Test func theErrorNamesTheChapterAndTheFullDisk() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data("one\n".utf8).write(to: root.appendingPathComponent("a.md"))
        var set = ChapterFileSet(root: root)
        set.writeFile = { _, url in
            _ = FileManager.default.createFile(atPath: url.path, contents: Data("o".utf8))
            throw POSIXError(.ENOSPC)
        }
        do {
            _ = try set.replace([ChapterFileSet.Change(path: "a.md", loaded: "one\n", new: "won\n")])
            Issue.record("the write did not fail")
        } catch {
            #expect(error.errors.first?.path == "a.md")
            #expect(error.errors.first?.message == "cannot write the chapter: the disk is full", "\(error.errors)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["a.md"])
    }
}
