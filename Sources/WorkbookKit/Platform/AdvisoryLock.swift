#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Advisory locks (`flock`) on an open file or folder, the same call on Linux and macOS. A
/// lock is held by the open descriptor: closing it releases the lock.
package enum AdvisoryLock {
    /// What trying a lock without waiting found.
    package enum Attempt: Sendable, Equatable {
        /// The lock is held now.
        case held
        /// Another descriptor (another process) holds it.
        case busy
        /// Locking failed for another reason (a bad descriptor, a file system without locks).
        case failed
    }

    /// Opens (creating it, mode 0644) the lock file at `path`; a descriptor, or `nil`.
    package static func openFile(_ path: String) -> Int32? {
        let descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        return descriptor >= 0 ? descriptor : nil
    }

    /// Opens the folder at `path` to lock it; a descriptor, or `nil`.
    package static func openFolder(_ path: String) -> Int32? {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        return descriptor >= 0 ? descriptor : nil
    }

    /// Closes a descriptor `openFile` or `openFolder` returned (releasing its lock).
    package static func close(_ descriptor: Int32) {
        #if canImport(Glibc)
        _ = Glibc.close(descriptor)
        #else
        _ = Darwin.close(descriptor)
        #endif
    }

    /// Takes the exclusive lock on `descriptor` if no one else holds it, without waiting.
    package static func tryExclusive(_ descriptor: Int32) -> Attempt {
        while true {
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return .held }
            if errno != EINTR { return errno == EWOULDBLOCK ? .busy : .failed }
        }
    }

    /// Waits until the exclusive lock on `descriptor` is held; `false` when locking failed.
    @discardableResult
    package static func waitExclusive(_ descriptor: Int32) -> Bool {
        while true {
            if flock(descriptor, LOCK_EX) == 0 { return true }
            if errno != EINTR { return false }
        }
    }

    /// Releases the lock on `descriptor`.
    package static func release(_ descriptor: Int32) {
        _ = flock(descriptor, LOCK_UN)
    }
}
