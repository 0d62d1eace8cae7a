import Foundation
import SwiftToolchain
import WorkbookKit

/// Compiled chapter programs, kept by a key of everything that decides the executable's
/// behaviour: what the program's text is generated from (`ChapterProgram.identity`: every
/// snippet, its chapter lines, the template), the compiler (its version and the binary's
/// identity), every `swiftc` argument, the compile path and the hash of the package's built
/// products. A program written as several files shares the key of its one-file form.
///
/// The `programs` area of the cache (``CacheStore``), grouped by chapter: an entry is the
/// executable and its checksum, checked before each use (a damaged or edited entry is compiled
/// again). A program compiled before with the same key is not compiled again (nor is a
/// chapter whose edit was undone), except under `--no-cache`, which compiles every program and
/// stores it. At most `keptPerChapter` entries are kept per chapter, the most recently used.
package struct ProgramBinaryCache: Sendable {
    var area: CacheStore
    var keptPerChapter = 6

    package init(cache: CacheFolder) {
        area = CacheStore(cache: cache, area: "programs")
    }

    /// The key of a program: its `identity` (`ChapterProgram.identity`) compiled with `arguments` (with placeholder paths) by
    /// `toolchain`, against the package products whose built hash is `packageHash`.
    package static func key(identity: String, arguments: [String], toolchain: Toolchain, packageHash: String?) -> CacheKey {
        CacheKey(["program-binary-1", toolchain.version, toolchain.swiftc.path, toolchain.factsFolder?.lastPathComponent ?? "",
                  arguments.joined(separator: "\u{0}"), packageHash ?? "", identity])
    }

    /// The stored executable for `key`, or `nil` when there is none (or none to trust, or the
    /// cache reuses nothing). A hit is marked as used, so pruning keeps it.
    package func executable(forKey key: CacheKey, slug: String) -> URL? {
        guard let binary = area.file(Self.executableName, of: key, group: slug) else { return nil }
        try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: binary.path)
        return binary
    }

    /// Links the freshly linked `binary` into the cache under `key` and returns the entry;
    /// `nil` when it cannot be stored. `binary` stays where it is: the run executes its own
    /// `binary`, which pruning by a concurrent program of the same chapter cannot remove.
    package func store(_ binary: URL, forKey key: CacheKey, slug: String) -> URL? {
        guard let target = area.keep(binary, as: Self.executableName, for: key, group: slug) else { return nil }
        prune(slug: slug, keeping: target)
        return target
    }

    /// Removes the least recently used entries of `slug` beyond `keptPerChapter`.
    func prune(slug: String, keeping kept: URL) {
        // Only entries the store made (named by a key); anything else in the folder is kept.
        let entries = area.entries(in: slug)
        guard entries.count > keptPerChapter else { return }
        let dated = entries.map { entry in
            (entry, (try? FileManager.default.attributesOfItem(atPath: entry.appendingPathComponent(Self.executableName).path)[.modificationDate]
                as? Date) ?? .distantPast)
        }
        let keptFolder = kept.deletingLastPathComponent().standardizedFileURL
        for (entry, _) in dated.sorted(by: { $0.1 > $1.1 }).dropFirst(keptPerChapter) where entry.standardizedFileURL != keptFolder {
            try? FileManager.default.removeItem(at: entry)
        }
    }

    /// The executable of `key`: `programs/<chapter>/<key>/chapter`, so the running program is
    /// named `chapter` as a freshly compiled one is.
    func entry(_ key: CacheKey, slug: String) -> URL {
        area.location(of: key, group: slug).appendingPathComponent(Self.executableName)
    }

    static let executableName = "chapter"
}
