import Foundation

/// A key of the cache: the SHA-256 (`ContentHasher`) of the parts it is declared with, each
/// preceded by its length, so that no two different lists of parts make one key.
public struct CacheKey: Hashable, Sendable, CustomStringConvertible {
    /// The key as 64 lowercase hexadecimal digits.
    public let hex: String

    /// The key of `parts`, in order.
    public init(_ parts: [String]) {
        var hasher = ContentHasher()
        for part in parts { hasher.combine(part) }
        hex = hasher.finalize()
    }

    /// The key of `parts` given as bytes (file contents, say); a string's UTF-8 bytes hash as
    /// the string does.
    public init(bytes parts: [Data]) {
        var hasher = ContentHasher()
        for part in parts { hasher.combine(part) }
        hex = hasher.finalize()
    }

    public var description: String { hex }

    /// Whether `name` is a key's 64 hexadecimal digits (the name of an entry a store made).
    static func isKey(_ name: String) -> Bool {
        name.utf8.count == 64 && name.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}

/// One area of the workbook's cache folder (`results`, `programs`, …) whose entries are named
/// by their ``CacheKey``: what workbook keeps between runs goes through a store (ARCHITECTURE.md,
/// "Caches", lists them).
///
/// An entry lives at `<cache>/<area>/<group>/<key>`, the group being the key's first two
/// digits unless the caller groups its entries (compiled programs, by chapter). An entry is
/// written atomically (`AtomicFileWriter`) with the SHA-256 of its key and bytes, and read only
/// when they still match: an entry that is damaged, edited, half-written or filed under another
/// key reads as missing. Data is one file whose first line is that checksum; a file that must
/// stay as it is (an executable) is kept as `<entry>/<name>`, its checksum in `<name>.sha256`.
///
/// A store of a cache that does not reuse entries (``CacheFolder/reusesEntries``, off under
/// `--no-cache`) misses every read and still writes, so the next run can use what it stored.
public struct CacheStore: Sendable {
    /// The area's folder.
    public var folder: URL
    /// Whether reads may answer; writes store either way.
    public var reusesEntries: Bool

    /// The area `area` of `cache`, under its policy.
    public init(cache: CacheFolder, area: String) {
        folder = cache.url.appendingPathComponent(area, isDirectory: true)
        reusesEntries = cache.reusesEntries
    }

    /// Where the entry of `key` lives: `<area>/<group>/<key>`.
    public func location(of key: CacheKey, group: String? = nil) -> URL {
        folder.appendingPathComponent(group ?? String(key.hex.prefix(2)), isDirectory: true)
            .appendingPathComponent(key.hex)
    }

    /// The bytes stored under `key`, or `nil` when there are none, they do not match their
    /// checksum, or the store does not reuse entries.
    public func read(_ key: CacheKey, group: String? = nil) -> Data? {
        guard reusesEntries, let entry = FileManager.default.contents(atPath: location(of: key, group: group).path),
              let newline = entry.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        let data = entry[entry.index(after: newline)...]
        guard entry[..<newline].elementsEqual(Self.checksum(key, data).utf8) else { return nil }
        return Data(data)
    }

    /// Stores `data` under `key`, replacing what was there; `false` when it cannot be written
    /// (a cache that cannot be written only costs a later run the work again).
    @discardableResult
    public func write(_ data: Data, for key: CacheKey, group: String? = nil) -> Bool {
        var entry = Data((Self.checksum(key, data) + "\n").utf8)
        entry.append(data)
        return (try? AtomicFileWriter().write(entry, to: location(of: key, group: group))) != nil
    }

    /// Removes the entry of `key`, if any.
    public func remove(_ key: CacheKey, group: String? = nil) {
        try? FileManager.default.removeItem(at: location(of: key, group: group))
    }

    /// The file `name` kept in `key`'s entry, when its bytes match its checksum and the store
    /// reuses entries.
    public func file(_ name: String, of key: CacheKey, group: String? = nil) -> URL? {
        guard reusesEntries else { return nil }
        let file = location(of: key, group: group).appendingPathComponent(name)
        guard let stored = try? String(contentsOf: Self.checksumFile(of: file), encoding: .utf8),
              let data = try? Data(contentsOf: file),
              stored == Self.checksum(key, data)
        else { return nil }
        return file
    }

    /// Keeps the file at `source` as `name` in `key`'s entry, by a hard link (`source` stays
    /// where it is, and whoever runs it keeps it); the kept file, or `nil` when it cannot be kept.
    public func keep(_ source: URL, as name: String, for key: CacheKey, group: String? = nil) -> URL? {
        let target = location(of: key, group: group).appendingPathComponent(name)
        guard let data = try? Data(contentsOf: source) else { return nil }
        do {
            // The checksum goes first: a file without its checksum is never used, and a
            // checksum without its file is replaced by the next `keep`.
            try AtomicFileWriter().write(Data(Self.checksum(key, data).utf8), to: Self.checksumFile(of: target))
        } catch {
            return nil
        }
        FileLinks.remove(target.path)
        return (try? FileLinks.hardLink(source.path, at: target.path)) != nil ? target : nil
    }

    /// The entries of `group` this store made (named by a key), with their paths; anything
    /// else in the group's folder is not an entry.
    public func entries(in group: String) -> [URL] {
        let groupFolder = folder.appendingPathComponent(group, isDirectory: true)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: groupFolder.path)) ?? []
        return names.filter(CacheKey.isKey).sorted().map { groupFolder.appendingPathComponent($0) }
    }

    /// The SHA-256 of `key` and `data`: an entry's checksum.
    static func checksum(_ key: CacheKey, _ data: Data) -> String {
        var hasher = ContentHasher()
        hasher.combine("cache-entry-1")
        hasher.combine(key.hex)
        hasher.combine(data)
        return hasher.finalize()
    }

    static func checksumFile(of file: URL) -> URL {
        file.appendingPathExtension("sha256")
    }
}
