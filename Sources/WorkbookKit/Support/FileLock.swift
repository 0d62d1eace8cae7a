import Foundation

/// An advisory lock on a file (`flock`), held between `lock()` and `unlock()`.
///
/// `lock()` never blocks a thread: it tries the lock without waiting and sleeps the task
/// between tries, so a build waiting for another process does not hold a thread of the
/// cooperative pool. The lock is owned by the one task that made it (not `Sendable`).
package final class FileLock {
    private let descriptor: Int32?

    package init(url: URL) {
        descriptor = AdvisoryLock.openFile(url.path)
    }

    /// Waits until the lock is held; with no lock file (it could not be opened) it returns at once.
    package func lock() async {
        guard descriptor != nil else { return }
        while !tryLock() {
            try? await Task.sleep(for: .milliseconds(25))
        }
    }

    /// Takes the lock if no one else holds it. Only "held by someone else" answers `false`:
    /// on any other failure the caller goes on unlocked, as with no lock file.
    func tryLock() -> Bool {
        guard let descriptor else { return true }
        return AdvisoryLock.tryExclusive(descriptor) != .busy
    }

    package func unlock() {
        guard let descriptor else { return }
        AdvisoryLock.release(descriptor)
    }

    deinit {
        if let descriptor { AdvisoryLock.close(descriptor) }
    }
}
