#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file-system calls that replace, link and remove names atomically (`rename`, `link`,
/// `unlink`, `access`), the same on Linux and macOS; each failure is the `errno` it set.
package enum FileLinks {
    /// A failed call: the `errno` value it set.
    package struct Failure: Error, Sendable, Equatable {
        package var code: Int32
        /// Whether the target name already existed.
        package var alreadyExists: Bool { code == EEXIST }
        /// `strerror`'s words for the code.
        package var systemWords: String { String(cString: strerror(code)) }
    }

    /// Renames `source` to `target`, atomically replacing any file there.
    package static func rename(_ source: String, to target: String) throws(Failure) {
        guard systemRename(source, target) == 0 else { throw Failure(code: errno) }
    }

    /// Makes `target` a new hard link of `existing`; fails (`alreadyExists`) rather than replace.
    package static func hardLink(_ existing: String, at target: String) throws(Failure) {
        guard link(existing, target) == 0 else { throw Failure(code: errno) }
    }

    /// Removes the name `path`, if it exists (a folder is left alone).
    package static func remove(_ path: String) {
        _ = unlink(path)
    }

    /// Whether this process may write the file at `path`.
    package static func isWritable(_ path: String) -> Bool {
        access(path, W_OK) == 0
    }
}

/// `rename(2)`, out of the reach of `FileLinks.rename`.
private func systemRename(_ source: String, _ target: String) -> Int32 {
    rename(source, target)
}
