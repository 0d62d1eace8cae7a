import Foundation
import Testing
@testable import WorkbookKit
@testable import SwiftToolchain
@testable import SwiftCompileShortcuts

/// The pieces that let a chapter compile skip the autolink tool and the clang driver.
@Suite struct CompileShortcutTests {
    /// A minimal ELF64 little-endian object: a null section, `.shstrtab` and `sections`.
    func object(_ sections: [(name: String, contents: [UInt8])]) -> [UInt8] {
        var names: [UInt8] = [0]
        var nameOffsets: [Int] = []
        for name in [".shstrtab"] + sections.map(\.name) {
            nameOffsets.append(names.count)
            names += Array(name.utf8) + [0]
        }
        var body = names
        var dataOffsets: [Int] = []
        for section in sections {
            dataOffsets.append(64 + body.count)
            body += section.contents
        }
        let headerOffset = 64 + body.count
        func little(_ value: Int, _ size: Int) -> [UInt8] { (0..<size).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        var file: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1] + [UInt8](repeating: 0, count: 9)
        file += little(1, 2) + little(62, 2) + little(1, 4) + little(0, 8) + little(0, 8) + little(headerOffset, 8)
        file += little(0, 4) + little(64, 2) + little(0, 2) + little(0, 2)
        file += little(64, 2) + little(sections.count + 2, 2) + little(1, 2)
        file += body
        func header(name: Int, offset: Int, size: Int) -> [UInt8] {
            little(name, 4) + little(1, 4) + little(0, 8) + little(0, 8) + little(offset, 8) + little(size, 8)
                + little(0, 4) + little(0, 4) + little(1, 8) + little(0, 8)
        }
        file += [UInt8](repeating: 0, count: 64)
        file += header(name: nameOffsets[0], offset: 64, size: names.count)
        for (index, section) in sections.enumerated() {
            file += header(name: nameOffsets[index + 1], offset: dataOffsets[index], size: section.contents.count)
        }
        return file
    }

    @Test func readsNamedSectionsOfAnObject() throws {
        let entries = Array("-lFoundation\0-lswiftCore\0".utf8)
        let bytes = object([(".text", [0x90, 0xC3]), (".swift1_autolink_entries", entries)])
        let sections = try #require(ELFSections(bytes: bytes))
        #expect(sections.contents(of: ".swift1_autolink_entries") == entries)
        #expect(sections.contents(of: ".text") == [0x90, 0xC3])
        #expect(sections.contents(of: ".swift1_autolink") == nil)
        #expect(sections.contents(of: ".data") == nil)
    }

    @Test func rejectsOtherFormatsAndTruncatedFiles() {
        #expect(ELFSections(bytes: Array("#!/bin/sh\n".utf8)) == nil)
        let bytes = object([(".swift1_autolink_entries", Array("-lm\0".utf8))])
        #expect(ELFSections(bytes: Array(bytes.prefix(100)))?.contents(of: ".swift1_autolink_entries") == nil)
    }

    @Test func theAutolinkKeyFollowsTheEntriesAndTheCompiler() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("autolink-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func key(_ entries: String..., version: String = "swift 6.3.1") throws -> String? {
            var files: [URL] = []
            for (position, text) in entries.enumerated() {
                let file = folder.appendingPathComponent("part-\(position).o")
                try Data(object([(".swift1_autolink_entries", Array(text.utf8))])).write(to: file)
                files.append(file)
            }
            let toolchain = Toolchain(swiftc: URL(fileURLWithPath: "/usr/bin/swiftc"), version: version)
            return AutolinkCache(toolchain: toolchain, cache: CacheFolder(url: folder)).key(objects: files)
        }
        #expect(try key("-lFoundation\0") != nil)
        #expect(try key("-lFoundation\0") == key("-lFoundation\0"))
        #expect(try key("-lFoundation\0") != key("-lFoundation\0-lswiftRegexBuilder\0"))
        #expect(try key("-lFoundation\0") != key("-lFoundation\0", version: "swift 6.4"))
        // A program in several files: every object's entries, in order.
        #expect(try key("-lFoundation\0", "-lm\0") != nil)
        #expect(try key("-lFoundation\0", "-lm\0") != key("-lFoundation\0"))
        #expect(try key("-lFoundation\0", "-lm\0") != key("-lm\0", "-lFoundation\0"))
    }

    @Test func onlyPlainExtractionJobsAreAnsweredFromTheCache() {
        let tool = "/opt/swift/usr/bin/swift-autolink-extract"
        #expect(AutolinkCache.isExtraction([tool, "a.o", "-o", "a.autolink"]))
        #expect(!AutolinkCache.isExtraction(["/opt/swift/usr/bin/clang", "a.o"]))
        #expect(AutolinkCache.paths(of: [tool, "/t/a.o", "-o", "/t/a.autolink"])?.objects.map(\.path) == ["/t/a.o"])
        #expect(AutolinkCache.paths(of: [tool, "/t/a.o", "/t/b.o", "-o", "/t/a.autolink"])?.objects.map(\.path) == ["/t/a.o", "/t/b.o"])
        #expect(AutolinkCache.paths(of: [tool, "/t/a.o", "-o"]) == nil)
        #expect(AutolinkCache.paths(of: [tool, "/t/lib.a", "-o", "/t/a.autolink"]) == nil)
        #expect(AutolinkCache.paths(of: [tool, "--verbose", "/t/a.o", "-o", "/t/a.autolink"]) == nil)
    }

    @Test func readsPlainJobLinesOfClang() {
        #expect(DirectLinker.words(ofQuotedLine: #" "/usr/bin/ld.lld" "-o" "/x/chapter" "-lm""#)
            == ["/usr/bin/ld.lld", "-o", "/x/chapter", "-lm"])
        #expect(DirectLinker.words(ofQuotedLine: #" "/usr/bin/ld.lld" "/a b/c.o""#) == nil)
        #expect(DirectLinker.words(ofQuotedLine: #" "/usr/bin/ld.lld" "-DX=\"1\"""#) == nil)
    }
}
