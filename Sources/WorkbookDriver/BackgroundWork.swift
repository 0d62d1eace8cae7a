import Foundation
import Synchronization

/// Work that blocks (waits for a child process) run on a thread of its own, not on the
/// concurrency pool that runs the chapters, and awaited later.
final class BackgroundWork<Value: Sendable>: Sendable {
    private enum State {
        case running
        case awaited(CheckedContinuation<Value, Never>)
        case done(Value)
    }

    private let state = Mutex(State.running)

    /// Starts `work` at once on a new thread.
    init(_ work: @escaping @Sendable () -> Value) {
        Thread.detachNewThread { [self] in
            let value = work()
            let waiter = state.withLock { state -> CheckedContinuation<Value, Never>? in
                defer { state = .done(value) }
                if case .awaited(let waiter) = state { return waiter }
                return nil
            }
            waiter?.resume(returning: value)
        }
    }

    /// The work's value, once it is done (awaited by one caller).
    var value: Value {
        get async {
            await withCheckedContinuation { continuation in
                let done = state.withLock { state -> Value? in
                    if case .done(let value) = state { return value }
                    state = .awaited(continuation)
                    return nil
                }
                if let done { continuation.resume(returning: done) }
            }
        }
    }
}
