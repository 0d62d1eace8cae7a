/// Work that concurrent callers asking for the same key share: the first starts it, the others
/// await its result. Nothing is kept once it is done (callers keep results elsewhere, e.g. on
/// disk), so a failure is never remembered.
actor InFlightWork<Value: Sendable> {
    private var running: [String: Task<Value, Never>] = [:]

    func value(for key: String, _ work: @escaping @Sendable () async -> Value) async -> Value {
        if let task = running[key] { return await task.value }
        let task = Task { await work() }
        running[key] = task
        let value = await task.value
        running[key] = nil
        return value
    }
}
