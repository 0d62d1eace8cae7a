import Foundation
import Testing
@testable import WorkbookKit

/// Derived files are written with plain `write(2)` calls (no `fsync`): the bytes arrive, an
/// existing file is replaced, and failures are errors in words.
@Suite struct FileBytesTests {
    @Test func writesReplacesAndFailsInWords() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("file-bytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("page.html")
        try FileBytes.write(Data("a longer first text".utf8), to: file)
        try FileBytes.write(Data("short".utf8), to: file)
        #expect(try Data(contentsOf: file) == Data("short".utf8), "the file is truncated, not overwritten in place")
        let big = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0) })
        try FileBytes.write(big, to: file)
        #expect(try Data(contentsOf: file) == big)

        #expect(throws: POSIXError.self) { try FileBytes.write(Data(), to: folder.appendingPathComponent("missing/page.html")) }
        do {
            try FileBytes.write(Data("x".utf8), to: folder.appendingPathComponent("missing/page.html"))
        } catch {
            #expect(FileErrorWords.describe(error) == "no such file or folder")
        }
        if FileManager.default.fileExists(atPath: "/dev/full") {
            do {
                try FileBytes.write(Data("x".utf8), to: URL(fileURLWithPath: "/dev/full"))
                Issue.record("writing to /dev/full succeeded")
            } catch {
                #expect(FileErrorWords.describe(error) == "the disk is full")
            }
        }
    }
}
