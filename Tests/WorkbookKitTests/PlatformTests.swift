import Foundation
import Testing
@testable import WorkbookKit

/// The platform layer (`Sources/WorkbookKit/Platform`), on the platform the tests run on.
@Suite struct PlatformTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("platform-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func file(_ name: String, _ text: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    // MARK: File status

    @Test func fileStatusTellsKindSizeAndMissingFiles() throws {
        let url = try file("a.txt", "hello")
        let status = try #require(FileStatus(path: url.path))
        #expect(status.kind == .regular)
        #expect(status.size == 5)
        #expect(status.modified.seconds > 0)
        #expect(FileStatus(path: folder.path)?.kind == .directory)
        #expect(FileStatus(path: folder.appendingPathComponent("missing").path) == nil)
    }

    @Test func fileStatusFollowsLinksUnlessTold() throws {
        let target = try file("target.txt", "x")
        let link = folder.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        #expect(FileStatus(path: link.path)?.kind == .regular)
        #expect(FileStatus(path: link.path, followingLinks: false)?.kind == .symbolicLink)
    }

    @Test func fileStatusChangesWhenTheFileIsReplaced() throws {
        let url = try file("chapter.md", "one")
        let before = try #require(FileStatus(path: url.path))
        let replacement = try file("chapter.md.new", "one")
        try FileLinks.rename(replacement.path, to: url.path)
        let after = try #require(FileStatus(path: url.path))
        #expect(after.inode != before.inode)
        #expect(after.device == before.device)
        #expect(after.size == before.size)
    }

    // MARK: Advisory locks

    @Test func aLockExcludesASecondHolderUntilReleased() throws {
        let path = folder.appendingPathComponent("lock").path
        let first = try #require(AdvisoryLock.openFile(path))
        let second = try #require(AdvisoryLock.openFile(path))
        defer { AdvisoryLock.close(first); AdvisoryLock.close(second) }
        #expect(AdvisoryLock.tryExclusive(first) == .held)
        #expect(AdvisoryLock.tryExclusive(second) == .busy)
        AdvisoryLock.release(first)
        #expect(AdvisoryLock.tryExclusive(second) == .held)
        #expect(AdvisoryLock.tryExclusive(first) == .busy)
    }

    @Test func aFolderCanBeLockedAndABadDescriptorFails() throws {
        let descriptor = try #require(AdvisoryLock.openFolder(folder.path))
        defer { AdvisoryLock.close(descriptor) }
        #expect(AdvisoryLock.waitExclusive(descriptor))
        #expect(AdvisoryLock.openFolder(folder.appendingPathComponent("missing").path) == nil)
        #expect(AdvisoryLock.tryExclusive(-1) == .failed)
    }

    // MARK: Processes

    @Test func theCurrentProcessIsAlive() {
        let pid = ProcessSignals.currentProcess
        #expect(pid == ProcessInfo.processInfo.processIdentifier)
        #expect(ProcessLiveness.exists(pid))
        #expect(!ProcessLiveness.hasEnded(pid))
        #expect(!ProcessLiveness.exists(0))
        #expect(!ProcessLiveness.exists(-1))
    }

    @Test func aFinishedChildHasEnded() throws {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/sh")
        child.arguments = ["-c", "exit 0"]
        try child.run()
        let pid = child.processIdentifier
        child.waitUntilExit()
        #expect(ProcessLiveness.hasEnded(pid))
        #expect(!ProcessLiveness.exists(pid))
    }

    @Test func aKilledChildEndsBySignal() throws {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/sleep")
        child.arguments = ["30"]
        try child.run()
        #expect(ProcessLiveness.exists(child.processIdentifier))
        #expect(ProcessSignals.kill(child.processIdentifier))
        child.waitUntilExit()
        #expect(child.terminationReason == .uncaughtSignal)
    }

    #if os(Linux)
    @Test func theParentTableKnowsThisProcess() {
        let table = ProcessLiveness.parentTable()
        #expect(table[ProcessSignals.currentProcess] == getppid())
    }
    #endif

    // MARK: Links and renames

    @Test func aHardLinkNeverReplacesAFile() throws {
        let source = try file("source", "new")
        let existing = try file("existing", "old")
        #expect(throws: FileLinks.Failure.self) { try FileLinks.hardLink(source.path, at: existing.path) }
        do throws(FileLinks.Failure) { try FileLinks.hardLink(source.path, at: existing.path) } catch { #expect(error.alreadyExists) }
        #expect(try String(contentsOf: existing, encoding: .utf8) == "old")
        let linked = folder.appendingPathComponent("linked")
        try FileLinks.hardLink(source.path, at: linked.path)
        #expect(FileStatus(path: linked.path)?.inode == FileStatus(path: source.path)?.inode)
        FileLinks.remove(linked.path)
        #expect(FileStatus(path: linked.path) == nil)
        #expect(FileLinks.isWritable(source.path))
        #expect(throws: FileLinks.Failure.self) { try FileLinks.rename(linked.path, to: source.path) }
    }

    // MARK: KaTeX

    @Test func kaTeXIsWhereDebianPutsItUnlessAnotherFolderIsGiven() {
        #expect(KaTeXLocation.folder.path == "/usr/share/javascript/katex")
        #expect(KaTeXLocation.fontsFolder.path == "/usr/share/fonts/truetype/katex")
        #expect(KaTeXLocation.script().path == "/usr/share/javascript/katex/katex.js")
        #expect(KaTeXLocation.fonts().path == "/usr/share/javascript/katex/fonts")
        let other = URL(fileURLWithPath: "/opt/katex")
        #expect(KaTeXLocation.script(in: other).path == "/opt/katex/katex.js")
        #expect(KaTeXLocation.fonts(in: other).path == "/opt/katex/fonts")
    }
}
