#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// An advisory lock on a file (`flock`), held between `lock()` and `unlock()`.
///
/// `lock()` never blocks a thread: it tries the lock without waiting and sleeps the task
/// between tries, so a build waiting for another process does not hold a thread of the
/// cooperative pool. The lock is owned by the one task that made it (not `Sendable`).
final class FileLock {
    private let descriptor: Int32

    init(url: URL) {
        descriptor = open(url.path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
    }

    /// Waits until the lock is held; with no lock file (it could not be opened) it returns at once.
    func lock() async {
        guard descriptor >= 0 else { return }
        while !tryLock() {
            try? await Task.sleep(for: .milliseconds(25))
        }
    }

    /// Takes the lock if no one else holds it. Only "held by someone else" answers `false`:
    /// on any other failure the caller goes on unlocked, as with no lock file.
    func tryLock() -> Bool {
        while true {
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return true }
            if errno != EINTR { return errno != EWOULDBLOCK }
        }
    }

    func unlock() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }
}
