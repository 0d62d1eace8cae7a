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
        guard let descriptor = AdvisoryLock.openFolder(folder.path) else { return (try body(), false) }
        defer { AdvisoryLock.close(descriptor) }
        var waited = false
        if AdvisoryLock.tryExclusive(descriptor) == .busy {
            waited = true
            waiting()
            AdvisoryLock.waitExclusive(descriptor)
        }
        defer { AdvisoryLock.release(descriptor) }
        return (try body(), waited)
    }
}
