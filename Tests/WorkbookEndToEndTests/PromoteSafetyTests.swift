import Foundation
import Testing

/// `promote` never loses an edit: a chapter saved during the run is left alone (and nothing is
/// promoted), symlinked chapters are written through, and byte-order marks and line endings stay.
@Suite struct PromoteSafetyTests {
    static let unrecorded = "# One\n\n```swift\nprint(\"one\")\n```\n"
    static let recorded = unrecorded + "\n```output\none\n```\n"

    // Synchronous on purpose: polled from the thread it holds, the test saves the chapter as soon
    // as the program starts, however busy the shared test threads are with other tests' runs.
    @Test func aChapterSavedDuringTheRunIsNotOverwrittenAndNothingIsPromoted() throws {
        let root = try WorkbookProcess.copy(fixture: "plain")
        try root.write(Self.unrecorded, to: "chapters/01-one.md")
        let slow = """
            # Slow

            ```swift
            import Foundation
            FileManager.default.createFile(atPath: "started", contents: nil)
            // Runs until the test has saved the chapter (or a minute has passed).
            for _ in 0..<600 where !FileManager.default.fileExists(atPath: "saved") { Thread.sleep(forTimeInterval: 0.1) }
            print("slow")
            ```

            """
        try root.write(slow, to: "chapters/02-slow.md")
        let process = Process()
        process.executableURL = WorkbookProcess.binary
        process.arguments = ["promote", "--no-cache"]
        process.currentDirectoryURL = root
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["WORKBOOK_CACHE_DIR": WorkbookProcess.sharedCache.path]) { $1 }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // The editor is a thread of its own: it saves as soon as the snippet has started, however
        // busy the test runner's shared threads are (the snippet waits for it at most a minute).
        let saved = slow + "\nA paragraph the editor saved meanwhile.\n"
        let editor = Thread {
            let started = root.appendingPathComponent("started")
            for _ in 0..<6000 where !FileManager.default.fileExists(atPath: started.path) {
                Thread.sleep(forTimeInterval: 0.02)
            }
            try? root.write(saved, to: "chapters/02-slow.md")
            try? root.write("", to: "saved")
        }
        editor.start()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        #expect(stderr.contains("chapters/02-slow.md: error: the chapter changed on disk during the run"), "\(stderr)")
        #expect(try root.text("chapters/02-slow.md") == saved)
        #expect(try root.text("chapters/01-one.md") == Self.unrecorded, "all or nothing: the other chapter is not promoted either")
    }

    @Test func aSymlinkedChapterIsWrittenThroughKeepingItsPermissions() throws {
        let root = try WorkbookProcess.copy(fixture: "plain")
        try root.write(Self.unrecorded, to: "shared-one.md")
        let target = root.appendingPathComponent("shared-one.md")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: target.path)
        let link = root.appendingPathComponent("chapters/01-one.md")
        try FileManager.default.removeItem(at: link)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "../shared-one.md")
        let run = try WorkbookProcess.run(["promote"], in: root)
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "../shared-one.md")
        #expect(try root.text("shared-one.md") == Self.recorded)
        let mode = try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
    }

    @Test func byteOrderMarkAndWindowsLineEndingsSurvivePromote() throws {
        let root = try WorkbookProcess.copy(fixture: "plain")
        let crlf = Self.unrecorded.replacingOccurrences(of: "\n", with: "\r\n")
        let path = root.appendingPathComponent("chapters/01-one.md")
        try Data([0xEF, 0xBB, 0xBF] + Array(crlf.utf8)).write(to: path)
        let run = try WorkbookProcess.run(["promote"], in: root)
        #expect(run.exitCode == 0, "\(run.stderr)")
        let expected = [0xEF, 0xBB, 0xBF] + Array(Self.recorded.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        #expect(Array(try Data(contentsOf: path)) == expected)
        let check = try WorkbookProcess.run(["check"], in: root)
        #expect(check.exitCode == 0, "\(check.stdout)")
    }

    @Test func aReadOnlyChapterIsReportedInWords() throws {
        let root = try WorkbookProcess.copy(fixture: "plain")
        try root.write(Self.unrecorded, to: "chapters/01-one.md")
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: root.appendingPathComponent("chapters/01-one.md").path)
        let run = try WorkbookProcess.run(["promote"], in: root)
        #expect(run.exitCode != 0)
        #expect(run.stderr.contains("chapters/01-one.md: error: cannot write the chapter: it is read-only"), "\(run.stderr)")
        #expect(try root.text("chapters/01-one.md") == Self.unrecorded)
    }
}
