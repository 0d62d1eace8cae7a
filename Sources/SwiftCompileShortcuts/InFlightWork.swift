/// Work that concurrent callers asking for the same key share: the first starts it, the others
/// await its result. Nothing is kept once it is done (callers keep results elsewhere, e.g. on
/// disk), so a failure is never remembered.
actor InFlightWork<Value: Sendable> {
    private var running: [String: Task<Value, Never>] = [:]
    private var waiting: [String: Int] = [:]

    func value(for key: String, _ work: @escaping @Sendable () async -> Value) async -> Value {
        waiting[key, default: 0] += 1
        defer { waiting[key]! -= 1; if waiting[key] == 0 { waiting[key] = nil } }
        if let task = running[key] { return await task.value }
        let task = Task { await work() }
        running[key] = task
        let value = await task.value
        running[key] = nil
        return value
    }

    /// How many callers are waiting for the work of `key`.
    func callers(of key: String) -> Int { waiting[key] ?? 0 }
}
