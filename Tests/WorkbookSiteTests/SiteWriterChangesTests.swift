import Foundation
import Testing
import WorkbookKit
@testable import WorkbookSite

/// `SiteWriter` writes only what changed: nothing when nothing changed, and otherwise the new
/// site keeps its unchanged files (same inode, hard-linked) and is still swapped in whole.
@Suite struct SiteWriterChangesTests {
    let parent = FileManager.default.temporaryDirectory.appendingPathComponent("site-writer-\(UUID().uuidString)")
    var output: URL { parent.appendingPathComponent("site") }

    func inode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent(path).path)
        return try #require((attributes[.systemFileNumber] as? NSNumber)?.intValue)
    }

    func file(_ path: String, _ text: String) -> SiteFile { SiteFile(path: path, contents: Data(text.utf8)) }

    @Test func anUnchangedSiteIsNotWrittenAgain() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        let files = [file("index.html", "home"), file("katex/fonts/a.woff2", "font")]
        try SiteWriter().write(files, to: output)
        let folder = try inode(".")
        let page = try inode("index.html")
        try SiteWriter().write(files, to: output)
        #expect(try inode(".") == folder, "the folder was swapped although nothing changed")
        #expect(try inode("index.html") == page)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: parent.path)
        #expect(leftovers == ["site"])
    }

    @Test func unchangedFilesAreKeptAndChangedOnesWritten() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        try SiteWriter().write([file("index.html", "home"), file("01-a.html", "first"), file("katex/k.js", "js")], to: output)
        let folder = try inode(".")
        let script = try inode("katex/k.js")
        let home = try inode("index.html")
        let page = try inode("01-a.html")
        try SiteWriter().write([file("index.html", "home"), file("01-a.html", "second"), file("katex/k.js", "js")], to: output)
        #expect(try inode(".") != folder, "a changed site is swapped in whole")
        #expect(try inode("katex/k.js") == script)
        #expect(try inode("index.html") == home)
        #expect(try inode("01-a.html") != page)
        #expect(try String(contentsOf: output.appendingPathComponent("01-a.html"), encoding: .utf8) == "second")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(OutputFolderPolicy.markerName).path))
    }

    @Test func aRemovedOrAddedFileSwapsTheSiteIn() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        try SiteWriter().write([file("index.html", "home"), file("01-a.html", "a")], to: output)
        try SiteWriter().write([file("index.html", "home")], to: output)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("01-a.html").path))
        try SiteWriter().write([file("index.html", "home"), file("02-b.html", "b")], to: output)
        #expect(try String(contentsOf: output.appendingPathComponent("02-b.html"), encoding: .utf8) == "b")
    }

    @Test func aFileAddedByHandIsRemovedByTheNextBuild() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        let files = [file("index.html", "home")]
        try SiteWriter().write(files, to: output)
        try Data("stray".utf8).write(to: output.appendingPathComponent("notes.txt"))
        try SiteWriter().write(files, to: output)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("notes.txt").path))
    }

    @Test func aFolderWithoutTheMarkerIsStillRefused() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: output.appendingPathComponent("index.html"))
        #expect(throws: WorkbookErrors.self) { try SiteWriter().write([file("index.html", "mine")], to: output) }
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "mine")
    }
}

/// Two builds of one site take turns at swapping it in: the second waits, then succeeds.
@Suite struct SiteWriterTurnsTests {
    let parent = FileManager.default.temporaryDirectory.appendingPathComponent("site-turns-\(UUID().uuidString)")
    var output: URL { parent.appendingPathComponent("site") }

    func file(_ path: String, _ text: String) -> SiteFile { SiteFile(path: path, contents: Data(text.utf8)) }

    @Test func aWriterWaitsWhileAnotherHoldsTheSiteFolderThenSwapsItsSiteIn() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        try SiteWriter().write([file("index.html", "first")], to: output)
        // Another build holds the lock; it lets go only once this writer says it is waiting,
        // so the writer cannot have swapped anything in before.
        let other = open(parent.path, O_RDONLY | O_DIRECTORY)
        #expect(other >= 0)
        defer { close(other) }
        #expect(flock(other, LOCK_EX) == 0)
        var sawFirst = false
        let waited = try SiteWriter().write([file("index.html", "second")], to: output, waiting: {
            sawFirst = (try? String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)) == "first"
            flock(other, LOCK_UN)
        })
        #expect(waited)
        #expect(sawFirst)
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "second")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["site"])
    }

    @Test func aWriterAloneDoesNotWait() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        var called = false
        let waited = try SiteWriter().write([file("index.html", "only")], to: output, waiting: { called = true })
        #expect(!waited && !called)
    }
}
