import Foundation

/// Where the facts about one compiler binary are kept: its version, compile plans, direct-link
/// commands and autolink answers. They depend only on the toolchain, not on the workbook, so
/// they live in a per-user folder shared by every workbook and every fresh cache:
/// `$WORKBOOK_TOOLCHAIN_CACHE/<binary>`, else `$XDG_CACHE_HOME/workbook/toolchains/<binary>`,
/// else `~/.cache/workbook/toolchains/<binary>`, where `<binary>` hashes the `swiftc` path, the
/// path it resolves to, and that file's modification time and size. When that folder cannot be
/// written, the workbook's cache (`compiler/<binary>`) is used instead.
enum ToolchainFactsFolder {
    /// The facts folder of `swiftc`, created; `fallback`'s when the per-user one is not writable.
    static func folder(for swiftc: URL, environment: [String: String], fallback: CacheFolder) -> URL {
        let key = binaryKey(swiftc)
        if let root = perUserRoot(environment: environment) {
            let folder = root.appendingPathComponent(key, isDirectory: true)
            if isWritableFolder(folder) { return folder }
        }
        return fallback.url.appendingPathComponent("compiler/\(key)", isDirectory: true)
    }

    /// The folder that holds one facts folder per compiler binary, from the environment.
    static func perUserRoot(environment: [String: String]) -> URL? {
        if let explicit = environment["WORKBOOK_TOOLCHAIN_CACHE"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit, isDirectory: true)
        }
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("workbook/toolchains", isDirectory: true)
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".cache/workbook/toolchains", isDirectory: true)
        }
        return nil
    }

    /// A hash of the binary's path, resolved path, modification time and size.
    static func binaryKey(_ swiftc: URL) -> String {
        let resolved = swiftc.resolvingSymlinksInPath()
        let attributes = try? FileManager.default.attributesOfItem(atPath: resolved.path)
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        let size = (attributes?[.size] as? NSNumber)?.int64Value ?? -1
        var hasher = ContentHasher()
        hasher.combine("toolchain-1")
        hasher.combine(swiftc.path)
        hasher.combine(resolved.path)
        hasher.combine(String(modified))
        hasher.combine(String(size))
        return String(hasher.finalize().prefix(32))
    }

    static func isWritableFolder(_ folder: URL) -> Bool {
        guard (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil else { return false }
        return FileManager.default.isWritableFile(atPath: folder.path)
    }
}
