/// How the lines of an expected output (patterns with ellipses) line up with the actual lines.
///
/// `matches` answers yes or no in one pass; `steps` finds, when they do not match, the
/// alignment with the fewest removed and added lines, for diffs and for promotion.
enum OutputAlignment {
    enum Step: Sendable, Equatable {
        /// A pattern line matches an actual line.
        case matched(pattern: Int, actual: Int)
        /// A `...` line takes an actual line.
        case absorbed(pattern: Int, actual: Int)
        /// A `...` line ends (having taken no line, or no more lines).
        case closed(pattern: Int)
        /// A pattern line with no actual line.
        case removed(pattern: Int)
        /// A pattern line whose place an actual line takes (a removal and an addition).
        case replaced(pattern: Int, actual: Int)
        /// An actual line with no pattern line.
        case added(actual: Int)
    }

    /// Above this many cells, `steps` gives up (outputs are capped, but can be long).
    static let tableLimit = 4_000_000

    /// Whether `patterns` match `actual` line for line, `...` lines taking any run of lines.
    ///
    /// The wildcard algorithm that backtracks to the last `...` only: a later `...` can take
    /// whatever an earlier one could, so earlier choices never need revisiting.
    static func matches(_ patterns: [OutputPatternLine], _ actual: [String]) -> Bool {
        var pattern = 0, line = 0
        var lastEllipsis: Int? = nil, resumeLine = 0
        while line < actual.count {
            if pattern < patterns.count && patterns[pattern].isAnyLines {
                lastEllipsis = pattern
                resumeLine = line
                pattern += 1
            } else if pattern < patterns.count && patterns[pattern].matches(actual[line]) {
                pattern += 1
                line += 1
            } else if let ellipsis = lastEllipsis {
                pattern = ellipsis + 1
                resumeLine += 1
                line = resumeLine
            } else {
                return false
            }
        }
        while pattern < patterns.count && patterns[pattern].isAnyLines { pattern += 1 }
        return pattern == patterns.count
    }

    /// The alignment with the fewest removed, added and replaced lines (each costs one; an
    /// ellipsis takes lines for free); `nil` when the outputs are too long to align.
    static func steps(_ patterns: [OutputPatternLine], _ actual: [String]) -> [Step]? {
        let rows = patterns.count + 1, width = actual.count + 1
        guard rows * width <= tableLimit else { return nil }
        // cost[i * width + j]: fewest removed, added or replaced lines aligning patterns[i...]
        // with actual[j...]. A replacement costs as much as a removal, so that a changed line
        // pairs with the expected line it replaces rather than vanish into an ellipsis.
        var cost = [Int](repeating: 0, count: rows * width)
        var same = [Bool](repeating: false, count: rows * width)
        for j in 0..<width { cost[patterns.count * width + j] = actual.count - j }
        for i in stride(from: patterns.count - 1, through: 0, by: -1) {
            for j in stride(from: actual.count, through: 0, by: -1) {
                let here = i * width + j, below = (i + 1) * width + j
                if patterns[i].isAnyLines {
                    cost[here] = j < actual.count ? min(cost[here + 1], cost[below]) : cost[below]
                } else {
                    var best = cost[below] + 1
                    if j < actual.count {
                        best = min(best, cost[here + 1] + 1, cost[below + 1] + 1)
                        if patterns[i].matches(actual[j]) {
                            same[here] = true
                            best = min(best, cost[below + 1])
                        }
                    }
                    cost[here] = best
                }
            }
        }
        var steps: [Step] = []
        var i = 0, j = 0
        while i < patterns.count || j < actual.count {
            let here = i * width + j
            if i == patterns.count {
                steps.append(.added(actual: j)); j += 1
            } else if patterns[i].isAnyLines {
                // Close the ellipsis as soon as that costs nothing more, so that it does not
                // take a line that pairs with the next expected line.
                if cost[here] == cost[here + width] || j == actual.count {
                    steps.append(.closed(pattern: i)); i += 1
                } else {
                    steps.append(.absorbed(pattern: i, actual: j)); j += 1
                }
            } else if j < actual.count && same[here] && cost[here] == cost[here + width + 1] {
                steps.append(.matched(pattern: i, actual: j)); i += 1; j += 1
            } else if j < actual.count && cost[here] == cost[here + width + 1] + 1 {
                // Pair a removal with an addition, so that a changed line keeps its place.
                steps.append(.replaced(pattern: i, actual: j)); i += 1; j += 1
            } else if cost[here] == cost[here + width] + 1 {
                steps.append(.removed(pattern: i)); i += 1
            } else {
                steps.append(.added(actual: j)); j += 1
            }
        }
        return steps
    }
}
