/// Measures how long a stage took, in seconds: `start()` returns the reading of the time since.
/// The executor measures with ``continuous``; tests give one they advance themselves.
public struct Stopwatch: Sendable {
    public var start: @Sendable () -> @Sendable () -> Double

    public init(start: @escaping @Sendable () -> @Sendable () -> Double) {
        self.start = start
    }

    /// The monotonic clock.
    public static let continuous = Stopwatch {
        let start = ContinuousClock.now
        return { ContinuousClock.now.seconds(since: start) }
    }
}
