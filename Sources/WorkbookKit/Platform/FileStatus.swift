#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `stat` (or `lstat`) says of a file: its kind, device, inode, size, and modification
/// and status-change times. The times are `st_mtim`/`st_ctim` on Linux and
/// `st_mtimespec`/`st_ctimespec` on Darwin.
package struct FileStatus: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        case regular, directory, symbolicLink, other
    }

    /// A time as `stat` gives it: whole seconds and nanoseconds since 1970.
    package struct Time: Sendable, Hashable {
        package var seconds: Int
        package var nanoseconds: Int
        /// The time in nanoseconds.
        package var inNanoseconds: Int64 { Int64(seconds) * 1_000_000_000 + Int64(nanoseconds) }
    }

    package var kind: Kind
    package var device: UInt64
    package var inode: UInt64
    package var size: Int64
    package var modified: Time
    package var changed: Time

    /// The status of the file at `path`, `nil` when it cannot be read; a symbolic link is
    /// followed unless `followingLinks` is false (then it is a `.symbolicLink`).
    package init?(path: String, followingLinks: Bool = true) {
        var info = stat()
        guard (followingLinks ? stat(path, &info) : lstat(path, &info)) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symbolicLink
        default: kind = .other
        }
        device = UInt64(truncatingIfNeeded: info.st_dev)
        inode = UInt64(truncatingIfNeeded: info.st_ino)
        size = Int64(info.st_size)
        #if canImport(Darwin)
        modified = Time(seconds: Int(info.st_mtimespec.tv_sec), nanoseconds: Int(info.st_mtimespec.tv_nsec))
        changed = Time(seconds: Int(info.st_ctimespec.tv_sec), nanoseconds: Int(info.st_ctimespec.tv_nsec))
        #else
        modified = Time(seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec))
        changed = Time(seconds: Int(info.st_ctim.tv_sec), nanoseconds: Int(info.st_ctim.tv_nsec))
        #endif
    }
}
