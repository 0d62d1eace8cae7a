import Foundation
import WorkbookKit

/// Where the facts about one compiler binary are kept: its version, compile plans, direct-link
/// commands and autolink answers. They depend only on the toolchain, not on the workbook, so
/// they live in a per-user folder shared by every workbook and every fresh cache:
/// `$WORKBOOK_TOOLCHAIN_CACHE/<binary>`, else `$XDG_CACHE_HOME/workbook/toolchains/<binary>`,
/// else `~/.cache/workbook/toolchains/<binary>`, where `<binary>` hashes the `swiftc` path, the
/// path it resolves to, and that file's inode, size and modification time. When that
/// folder cannot be written, the workbook's cache (`compiler/<binary>`) is used instead.
///
/// Facts that can go stale without the binary changing carry their own checks: the version
/// (`swiftc --version`, kept here) is part of the keys of compile plans and autolink answers,
/// and a compile plan holds the identity of every tool and file its jobs name
/// (`CompilePlan.toolFiles`), so an update of clang, the linker or the C runtime objects asks
/// for a new plan.
package enum ToolchainFactsFolder {
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

    /// A hash of the binary's path, resolved path and identity (`identity(ofFile:)`).
    static func binaryKey(_ swiftc: URL) -> String {
        let resolved = swiftc.resolvingSymlinksInPath()
        var hasher = ContentHasher()
        hasher.combine("toolchain-2")
        hasher.combine(swiftc.path)
        hasher.combine(resolved.path)
        hasher.combine(identity(ofFile: resolved.path) ?? "not a file")
        return String(hasher.finalize().prefix(32))
    }

    /// `inode size modified` of the regular file at `path` (links followed; the time in
    /// nanoseconds), `missing` when there is none, `nil` for a folder or another kind of
    /// file: a file reinstalled or replaced (by a package manager's rename) gets a new inode,
    /// and one written in place a new time or size. The device is left out: a container's
    /// overlay file system may number it anew at each start.
    package static func identity(ofFile path: String) -> String? {
        guard let status = FileStatus(path: path) else { return "missing" }
        guard status.kind == .regular else { return nil }
        return "\(status.inode) \(status.size) \(status.modified.seconds).\(status.modified.nanoseconds)"
    }

    static func isWritableFolder(_ folder: URL) -> Bool {
        guard (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil else { return false }
        return FileManager.default.isWritableFile(atPath: folder.path)
    }
}
