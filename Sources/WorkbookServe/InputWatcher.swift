import Foundation

/// Watches the workbook's inputs by polling their `stat` stamps, and reports each settled
/// change once.
///
/// Polling, not inotify: the inputs are a few dozen files, a walk of them costs well under
/// a millisecond, and polling sees saves by rename, new folders and replaced folders with no
/// bookkeeping of watch descriptors. A change is reported once two walks `settle` apart see
/// the same files, so that the several writes and renames of one save give one rebuild.
struct InputWatcher: Sendable {
    var root: URL
    /// Time between two walks while nothing changes.
    var interval: Duration = .milliseconds(40)
    /// Time a change must stay still before it is reported.
    var settle: Duration = .milliseconds(25)

    /// Waits until the inputs differ from `last`, then until they stop changing; returns the
    /// settled snapshot. `inputs` is read before every walk, as a build may change it.
    func nextChange(after last: InputSnapshot, inputs: @Sendable () async -> [String]) async throws -> InputSnapshot {
        while true {
            try await Task.sleep(for: interval)
            var current = InputSnapshot.take(root: root, inputs: await inputs())
            guard current != last else { continue }
            while true {
                try await Task.sleep(for: settle)
                let next = InputSnapshot.take(root: root, inputs: await inputs())
                if next == current { return current }
                current = next
            }
        }
    }
}
