import Foundation
import Testing
@testable import WorkbookKit
@testable import SwiftToolchain
@testable import SwiftCompileShortcuts

/// Compiled programs are kept by a key of everything that decides their bytes, checked
/// against their checksum before use, and pruned to the most recently used few per chapter.
@Suite struct ProgramBinaryCacheTests {
    let toolchain = Toolchain(swiftc: URL(fileURLWithPath: "/usr/bin/swiftc"), version: "Swift version 6.3")

    func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("program-binaries-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A file standing for a freshly linked program.
    func linked(_ text: String, in folder: URL) throws -> URL {
        let file = folder.appendingPathComponent("chapter-\(UUID().uuidString)")
        try Data(text.utf8).write(to: file)
        return file
    }

    @Test func theKeyChangesWithEverythingThatDecidesTheBinary() {
        let base = ProgramBinaryCache.key(identity: "print(1)", arguments: ["-Onone"], toolchain: toolchain, packageHash: "p1")
        var otherCompiler = toolchain
        otherCompiler.version = "Swift version 6.4"
        var movedCompiler = toolchain
        movedCompiler.swiftc = URL(fileURLWithPath: "/opt/swift/bin/swiftc")
        let variants = [
            ProgramBinaryCache.key(identity: "print(2)", arguments: ["-Onone"], toolchain: toolchain, packageHash: "p1"),
            ProgramBinaryCache.key(identity: "print(1)", arguments: ["-O"], toolchain: toolchain, packageHash: "p1"),
            ProgramBinaryCache.key(identity: "print(1)", arguments: ["-Onone"], toolchain: toolchain, packageHash: "p2"),
            ProgramBinaryCache.key(identity: "print(1)", arguments: ["-Onone"], toolchain: toolchain, packageHash: nil),
            ProgramBinaryCache.key(identity: "print(1)", arguments: ["-Onone"], toolchain: otherCompiler, packageHash: "p1"),
            ProgramBinaryCache.key(identity: "print(1)", arguments: ["-Onone"], toolchain: movedCompiler, packageHash: "p1"),
        ]
        #expect(Set(variants + [base]).count == variants.count + 1)
        #expect(base == ProgramBinaryCache.key(identity: "print(1)", arguments: ["-Onone"], toolchain: toolchain, packageHash: "p1"))
    }

    func key(_ name: String) -> CacheKey { CacheKey([name]) }

    @Test func aStoredProgramIsFoundAndADamagedOneIsNot() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = ProgramBinaryCache(cache: CacheFolder(url: folder))
        #expect(cache.executable(forKey: key("k1"), slug: "01-a") == nil)

        let binary = try linked("program one", in: folder)
        let stored = try #require(cache.store(binary, forKey: key("k1"), slug: "01-a"))
        #expect(FileManager.default.fileExists(atPath: binary.path), "the program is linked: the run keeps its own path")
        #expect(cache.executable(forKey: key("k1"), slug: "01-a") == stored)
        #expect(cache.executable(forKey: key("k2"), slug: "01-a") == nil)

        try Data("program two".utf8).write(to: stored)
        #expect(cache.executable(forKey: key("k1"), slug: "01-a") == nil, "bytes that do not match the checksum are not run")
        try FileManager.default.removeItem(at: CacheStore.checksumFile(of: stored))
        #expect(cache.executable(forKey: key("k1"), slug: "01-a") == nil, "a program without its checksum is not run")
    }

    @Test func underNoCacheAStoredProgramIsNotRunButANewOneIsStored() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reusing = ProgramBinaryCache(cache: CacheFolder(url: folder))
        let fresh = ProgramBinaryCache(cache: CacheFolder(url: folder, reusesEntries: false))
        _ = try #require(reusing.store(try linked("program one", in: folder), forKey: key("k1"), slug: "01-a"))
        #expect(reusing.executable(forKey: key("k1"), slug: "01-a") != nil)
        #expect(fresh.executable(forKey: key("k1"), slug: "01-a") == nil, "--no-cache compiles it again")

        let recompiled = try #require(fresh.store(try linked("program one, compiled again", in: folder), forKey: key("k1"), slug: "01-a"))
        #expect(reusing.executable(forKey: key("k1"), slug: "01-a") == recompiled, "the next run reuses what --no-cache stored")
        #expect(try Data(contentsOf: recompiled) == Data("program one, compiled again".utf8))
    }

    @Test func aProgramPrunedByAnotherOfItsChapterStillRuns() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        var cache = ProgramBinaryCache(cache: CacheFolder(url: folder))
        cache.keptPerChapter = 1
        let first = try linked("program one", in: folder)
        let entry = try #require(cache.store(first, forKey: key("k1"), slug: "01-a"))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 0)], ofItemAtPath: entry.path)
        let second = try linked("program two", in: folder)
        _ = try #require(cache.store(second, forKey: key("k2"), slug: "01-a"))
        #expect(cache.executable(forKey: key("k1"), slug: "01-a") == nil, "pruned")
        #expect(try Data(contentsOf: first) == Data("program one".utf8), "the run's own binary is still there")
    }

    @Test func onlyTheMostRecentlyUsedProgramsOfAChapterAreKept() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        var cache = ProgramBinaryCache(cache: CacheFolder(url: folder))
        cache.keptPerChapter = 2
        let old = Date(timeIntervalSinceNow: -3600)
        let (k1, k2, k3, k9) = (key("k1"), key("k2"), key("k3"), key("k9"))
        let foreign = cache.area.folder.appendingPathComponent("01-a/notes.txt")
        try FileManager.default.createDirectory(at: foreign.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("kept".utf8).write(to: foreign)
        try FileManager.default.setAttributes([.modificationDate: old.addingTimeInterval(-60)], ofItemAtPath: foreign.path)
        for (index, key) in [k1, k2].enumerated() {
            let stored = try #require(cache.store(try linked("program \(key)", in: folder), forKey: key, slug: "01-a"))
            try FileManager.default.setAttributes([.modificationDate: old.addingTimeInterval(Double(index))], ofItemAtPath: stored.path)
        }
        _ = try #require(cache.store(try linked("other chapter", in: folder), forKey: k9, slug: "02-b"))
        #expect(cache.executable(forKey: k1, slug: "01-a") != nil, "using k1 makes it the most recent")
        _ = try #require(cache.store(try linked("program k3", in: folder), forKey: k3, slug: "01-a"))

        #expect(cache.executable(forKey: k2, slug: "01-a") == nil, "the least recently used is removed")
        #expect(!FileManager.default.fileExists(atPath: cache.entry(k2, slug: "01-a").deletingLastPathComponent().path),
                "its folder is gone")
        #expect(cache.entry(k1, slug: "01-a").lastPathComponent == "chapter", "a stored program runs under the name 'chapter'")
        #expect(cache.executable(forKey: k1, slug: "01-a") != nil)
        #expect(cache.executable(forKey: k3, slug: "01-a") != nil)
        #expect(cache.executable(forKey: k9, slug: "02-b") != nil, "other chapters keep theirs")
        #expect(FileManager.default.fileExists(atPath: foreign.path), "a file the cache did not make is never removed")
    }
}
