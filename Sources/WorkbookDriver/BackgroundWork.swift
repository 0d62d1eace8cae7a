import Foundation

/// Work that blocks (waits for a child process) run on a thread of its own, not on the
/// concurrency pool that runs the chapters, and awaited later.
///
/// `@unchecked Sendable`: `result` and `waiter` are only touched under `lock`.
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Value?
    private var waiter: CheckedContinuation<Value, Never>?

    /// Starts `work` at once on a new thread.
    init(_ work: @escaping @Sendable () -> Value) {
        Thread.detachNewThread { [self] in
            let value = work()
            lock.lock()
            if let waiter {
                self.waiter = nil
                lock.unlock()
                waiter.resume(returning: value)
            } else {
                result = value
                lock.unlock()
            }
        }
    }

    /// The work's value, once it is done.
    var value: Value {
        get async {
            await withCheckedContinuation { continuation in
                lock.lock()
                if let result {
                    lock.unlock()
                    continuation.resume(returning: result)
                } else {
                    waiter = continuation
                    lock.unlock()
                }
            }
        }
    }
}
