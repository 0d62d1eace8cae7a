import Synchronization

/// Holds each run of a `FakeSnippetEngine` until its rule lets it finish, so a test decides the
/// order in which runs end and how many are in flight, with no clock.
final class RunGate: Sendable {
    enum Rule: Sendable {
        /// Lets one run go (the first held) each time `jobs` runs are held, or every run left
        /// when fewer than `jobs` remain of `runs`: an executor that starts fewer than `jobs`
        /// runs at once never gets one back, and one that starts more is seen doing so.
        case oneAtATimeWhenBusy(jobs: Int, runs: Int)
        /// Waits until every path has started, then lets them finish in this order, each once
        /// the one before has finished.
        case finishOrder([String])
    }

    private struct State {
        var held: [(path: String, resume: CheckedContinuation<Void, Never>)] = []
        var released = 0
        var started: Set<String> = []
        var next = 0
        var awaitingFinish = false
    }

    private let rule: Rule
    private let state = Mutex(State())

    init(_ rule: Rule) { self.rule = rule }

    /// Waits until the rule lets the run of `path` go.
    func pass(_ path: String) async {
        await withCheckedContinuation { (resume: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { state in
                state.held.append((path, resume))
                state.started.insert(path)
                return release(&state)
            }
            ready.forEach { $0.resume() }
        }
    }

    /// Records that the run of `path` finished.
    func finished(_ path: String) {
        let ready = state.withLock { state in
            state.awaitingFinish = false
            return release(&state)
        }
        ready.forEach { $0.resume() }
    }

    private func release(_ state: inout State) -> [CheckedContinuation<Void, Never>] {
        switch rule {
        case .oneAtATimeWhenBusy(let jobs, let runs):
            guard !state.held.isEmpty, state.held.count >= min(jobs, runs - state.released) else { return [] }
            state.released += 1
            return [state.held.removeFirst().resume]
        case .finishOrder(let order):
            guard !state.awaitingFinish, state.next < order.count, state.started.isSuperset(of: order),
                  let index = state.held.firstIndex(where: { $0.path == order[state.next] }) else { return [] }
            state.next += 1
            state.awaitingFinish = true
            return [state.held.remove(at: index).resume]
        }
    }
}
