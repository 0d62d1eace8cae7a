#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import WorkbookKit

/// Builds writing sites into one folder take turns: an advisory lock (`flock`) on the folder
/// that holds the site, held while a site is swapped in. The lock is on the folder itself, so
/// no lock file is left beside the user's files.
struct SiteFolderLock {
    var folder: URL

    /// Runs `body` holding the lock, after `waiting` is called if another process holds it;
    /// returns `body`'s value and whether it had to wait. When the folder cannot be opened or
    /// locked, `body` runs without the lock.
    func run<Value>(waiting: () -> Void = {}, _ body: () throws(WorkbookErrors) -> Value) throws(WorkbookErrors) -> (Value, waited: Bool) {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return (try body(), false) }
        defer { close(descriptor) }
        var waited = false
        if !Self.lock(descriptor, LOCK_EX | LOCK_NB) && errno == EWOULDBLOCK {
            waited = true
            waiting()
            _ = Self.lock(descriptor, LOCK_EX)
        }
        defer { flock(descriptor, LOCK_UN) }
        return (try body(), waited)
    }

    private static func lock(_ descriptor: Int32, _ operation: Int32) -> Bool {
        while true {
            if flock(descriptor, operation) == 0 { return true }
            if errno != EINTR { return false }
        }
    }
}
