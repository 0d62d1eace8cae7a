#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// An advisory lock on a file (`flock`), held between `lock()` and `unlock()`.
final class FileLock: @unchecked Sendable {
    private let descriptor: Int32

    init(url: URL) {
        descriptor = open(url.path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
    }

    func lock() {
        guard descriptor >= 0 else { return }
        while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
    }

    func unlock() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }
}
