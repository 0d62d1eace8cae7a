/// A counter kept in global mutable state (allowed in Swift 5 mode only).
var counted = 0

public enum Tally {
    /// Counts one more and returns the count so far.
    public static func count() -> Int {
        counted += 1
        return counted
    }
}
