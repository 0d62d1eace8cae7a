import Foundation
import WorkbookKit

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
        guard let status = FileStatus(path: path) else { return nil }
        device = status.device
        inode = status.inode
        size = status.size
        modified = status.modified.inNanoseconds
        changed = status.changed.inNanoseconds
    }

    /// The identity as one line of text.
    var line: String { "\(device) \(inode) \(size) \(modified) \(changed)" }
}
