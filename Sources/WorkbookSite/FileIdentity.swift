import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What `stat` says of a file, enough to tell that it changed without reading it: a write in
/// place changes its size or times (the change time cannot be set back), and a replacement by
/// rename changes its inode.
struct FileIdentity: Hashable, Sendable, Codable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: Int64
    var changed: Int64

    /// The identity of the file at `path` (links followed), or `nil` when it cannot be read.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
    }

    /// The identity as one line of text.
    var line: String { "\(device) \(inode) \(size) \(modified) \(changed)" }
}
