import Foundation

/// Compiled chapter programs, kept by a key of everything that decides the executable's
/// behaviour: what the program's text is generated from (`ChapterProgram.identity`: every
/// snippet, its chapter lines, the template), the compiler (its version and the binary's
/// identity), every `swiftc` argument, the compile path and the hash of the package's built
/// products. A program written as several files shares the key of its one-file form.
///
/// `--no-cache` runs every program again, but a program compiled before with the same key is
/// not compiled again; neither is a chapter whose edit was undone. An entry is the executable
/// and its SHA-256, checked before each use (a damaged or edited entry is compiled again). At
/// most `keptPerChapter` entries are kept per chapter, the most recently used.
struct ProgramBinaryCache: Sendable {
    /// The `programs` folder of the workbook's cache.
    var folder: URL
    var keptPerChapter = 6

    init(cache: CacheFolder) {
        folder = cache.url.appendingPathComponent("programs", isDirectory: true)
    }

    /// The key of a program: its `identity` (`ChapterProgram.identity`) compiled with `arguments` (with placeholder paths) by
    /// `toolchain`, against the package products whose built hash is `packageHash`.
    static func key(identity: String, arguments: [String], toolchain: Toolchain, packageHash: String?) -> String {
        var hasher = ContentHasher()
        hasher.combine("program-binary-1")
        hasher.combine(toolchain.version)
        hasher.combine(toolchain.swiftc.path)
        hasher.combine(toolchain.factsFolder?.lastPathComponent ?? "")
        hasher.combine(arguments.joined(separator: "\u{0}"))
        hasher.combine(packageHash ?? "")
        hasher.combine(identity)
        return hasher.finalize()
    }

    /// The stored executable for `key`, or `nil` when there is none or its bytes do not match
    /// its checksum. A hit is marked as used, so pruning keeps it.
    func executable(forKey key: String, slug: String) -> URL? {
        let binary = entry(key, slug: slug)
        guard let stored = try? String(contentsOf: checksumFile(binary), encoding: .utf8),
              let data = try? Data(contentsOf: binary),
              stored == Self.checksum(data)
        else { return nil }
        try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: binary.path)
        return binary
    }

    /// Links the freshly linked `binary` into the cache under `key` and returns the entry;
    /// `nil` when it cannot be stored. `binary` stays where it is.
    func store(_ binary: URL, forKey key: String, slug: String) -> URL? {
        let target = entry(key, slug: slug)
        guard let data = try? Data(contentsOf: binary) else { return nil }
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            // The checksum goes first: an executable without its checksum is never used, and a
            // checksum without its executable is replaced by the next store.
            try AtomicFileWriter().write(Data(Self.checksum(data).utf8), to: checksumFile(target))
            // A link, not a move: the run executes its own `binary`, which pruning by a
            // concurrent program of the same chapter cannot remove.
            unlink(target.path)
            guard link(binary.path, target.path) == 0 else { return nil }
        } catch {
            return nil
        }
        prune(slug: slug, keeping: target)
        return target
    }

    /// Removes the least recently used entries of `slug` beyond `keptPerChapter`.
    func prune(slug: String, keeping kept: URL) {
        let chapterFolder = folder.appendingPathComponent(slug, isDirectory: true)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: chapterFolder.path) else { return }
        // Only entries this cache made (named by a key); anything else in the folder is kept.
        let entries = names.filter(Self.isKeyName).map { chapterFolder.appendingPathComponent($0, isDirectory: true) }
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
    func entry(_ key: String, slug: String) -> URL {
        folder.appendingPathComponent(slug, isDirectory: true).appendingPathComponent(String(key.prefix(40)), isDirectory: true)
            .appendingPathComponent(Self.executableName)
    }

    static let executableName = "chapter"

    /// Whether `name` is an entry's folder name: the first 40 hexadecimal digits of a key.
    static func isKeyName(_ name: String) -> Bool {
        name.utf8.count == 40 && name.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    func checksumFile(_ binary: URL) -> URL {
        binary.appendingPathExtension("sha256")
    }

    static func checksum(_ data: Data) -> String {
        var hasher = ContentHasher()
        hasher.combine(data)
        return hasher.finalize()
    }
}
