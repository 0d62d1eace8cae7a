import Foundation
import Testing
@testable import WorkbookKit

/// The one store of everything kept between runs: keys hash their parts unambiguously, entries
/// are written atomically and read only when their checksum holds, and `--no-cache` reads none.
@Suite struct CacheStoreTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cache-store-\(UUID().uuidString)", isDirectory: true)

    func makeStore(reusing: Bool = true) -> CacheStore {
        CacheStore(cache: CacheFolder(url: folder, reusesEntries: reusing), area: "things")
    }

    @Test func aKeyIsTheHashOfItsPartsAndTheirBoundaries() {
        let key = CacheKey(["ab", "c"])
        #expect(key == CacheKey(["ab", "c"]))
        #expect(key.hex.count == 64 && CacheKey.isKey(key.hex))
        #expect(key != CacheKey(["a", "bc"]), "moving a boundary changes the key")
        #expect(key != CacheKey(["abc"]))
        #expect(key != CacheKey(["c", "ab"]), "the order of the parts counts")
        #expect(key != CacheKey(["ab", "c", ""]), "an empty part counts")
        #expect(key == CacheKey(bytes: [Data("ab".utf8), Data("c".utf8)]), "bytes hash as the string they spell")
        // The hash is ContentHasher's: SHA-256 over each part preceded by its length.
        var hasher = ContentHasher()
        hasher.combine("ab")
        hasher.combine("c")
        #expect(key.hex == hasher.finalize())
    }

    @Test func anEntryIsWrittenAtomicallyAndReadBack() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = makeStore()
        let key = CacheKey(["one"])
        #expect(store.read(key) == nil)
        #expect(store.write(Data("first".utf8), for: key))
        #expect(store.read(key) == Data("first".utf8))
        let location = store.location(of: key)
        #expect(location.path == folder.path + "/things/\(key.hex.prefix(2))/\(key.hex)")
        let before = try FileManager.default.attributesOfItem(atPath: location.path)[.systemFileNumber] as? Int

        #expect(store.write(Data("second".utf8), for: key))
        #expect(store.read(key) == Data("second".utf8))
        let after = try FileManager.default.attributesOfItem(atPath: location.path)[.systemFileNumber] as? Int
        #expect(before != after, "replaced by a rename, never rewritten in place")
        let names = try FileManager.default.contentsOfDirectory(atPath: location.deletingLastPathComponent().path)
        #expect(names == [key.hex], "no temporary file is left behind")

        #expect(store.write(Data(), for: CacheKey(["empty"])))
        #expect(store.read(CacheKey(["empty"])) == Data(), "an empty entry is an entry")
        store.remove(key)
        #expect(store.read(key) == nil)
    }

    @Test func aDamagedEditedOrMovedEntryIsIgnored() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = makeStore()
        let key = CacheKey(["one"]), other = CacheKey(["two"])
        store.write(Data("outputs: 1".utf8), for: key)
        let location = store.location(of: key)
        let entry = try Data(contentsOf: location)

        try Data(String(decoding: entry, as: UTF8.self).replacingOccurrences(of: "1", with: "2").utf8).write(to: location)
        #expect(store.read(key) == nil, "an edited entry")
        try entry.prefix(entry.count - 3).write(to: location)
        #expect(store.read(key) == nil, "a truncated entry")
        try Data("outputs: 1".utf8).write(to: location)
        #expect(store.read(key) == nil, "an entry without its checksum")
        try FileManager.default.createDirectory(at: store.location(of: other).deletingLastPathComponent(), withIntermediateDirectories: true)
        try entry.write(to: store.location(of: other))
        #expect(store.read(other) == nil, "an entry filed under another key")
        try entry.write(to: location)
        #expect(store.read(key) == Data("outputs: 1".utf8), "the entry as it was written")
    }

    @Test func aStoreThatReusesNothingStillWrites() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let key = CacheKey(["one"])
        makeStore().write(Data("old".utf8), for: key)
        let fresh = makeStore(reusing: false)
        #expect(fresh.read(key) == nil, "--no-cache reads nothing stored")
        #expect(fresh.write(Data("new".utf8), for: key))
        #expect(makeStore().read(key) == Data("new".utf8), "what --no-cache stored serves the next run")
    }

    @Test func aKeptFileIsLinkedAndCheckedBeforeUse() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let source = folder.appendingPathComponent("built")
        try Data("binary".utf8).write(to: source)
        let store = makeStore()
        let key = CacheKey(["program"])
        let kept = try #require(store.keep(source, as: "chapter", for: key, group: "01-a"))
        #expect(kept == store.location(of: key, group: "01-a").appendingPathComponent("chapter"))
        #expect(store.file("chapter", of: key, group: "01-a") == kept)
        #expect(store.file("chapter", of: CacheKey(["other"]), group: "01-a") == nil)
        #expect(store.file("chapter", of: key, group: "02-b") == nil)
        #expect(store.entries(in: "01-a") == [kept.deletingLastPathComponent()])
        #expect(makeStore(reusing: false).file("chapter", of: key, group: "01-a") == nil)

        try FileManager.default.createDirectory(at: store.folder.appendingPathComponent("01-a/notes"), withIntermediateDirectories: true)
        #expect(store.entries(in: "01-a").count == 1, "a folder the store did not make is not an entry")

        try Data("patched".utf8).write(to: kept)
        #expect(store.file("chapter", of: key, group: "01-a") == nil, "bytes that do not match the checksum")
    }
}
