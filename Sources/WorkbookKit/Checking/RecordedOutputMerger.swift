/// The text `promote` records for a snippet whose expected output has ellipses: the author's
/// lines are kept wherever they still match the actual output (a `...` line, a line with
/// `...` inside, a line a filter makes equal), and the rest is the actual output after the
/// filters. The result always matches the actual output.
public struct RecordedOutputMerger: Sendable {
    public var matcher: OutputMatcher

    public init(matcher: OutputMatcher = OutputMatcher()) {
        self.matcher = matcher
    }

    /// The text to record in place of `recorded`, given what the snippet printed.
    public func merge(recorded: String, actual: String) -> String {
        if matcher.matches(expected: recorded, actual: actual) { return recorded }
        return OutputLines.join(mergedLines(expected: recorded, actual: actual).map(\.text))
    }

    /// One line of a merged output: its text, and the expected line whose place it takes
    /// (kept as written, or replaced by an actual line); `nil` for a new line.
    struct MergedLine: Equatable {
        var text: String
        var place: Int?
    }

    /// The merged lines; a pattern line's index is its index among the expected lines.
    func mergedLines(expected: String, actual: String) -> [MergedLine] {
        let expectedLines = OutputLines.split(expected)
        let actualLines = matcher.filteredLines(actual)
        let patterns = matcher.patterns(expected)
        guard let steps = OutputAlignment.steps(patterns, actualLines) else {
            return actualLines.map { MergedLine(text: $0, place: nil) }
        }
        var lines: [MergedLine] = []
        var lastEllipsis: Int? = nil
        for step in steps {
            switch step {
            case .matched(let pattern, _):
                lines.append(MergedLine(text: expectedLines[pattern], place: pattern))
            case .absorbed(let pattern, _), .closed(let pattern):
                if lastEllipsis != pattern {
                    lines.append(MergedLine(text: expectedLines[pattern], place: pattern))
                    lastEllipsis = pattern
                }
            case .removed:
                break
            case .replaced(let pattern, let line):
                lines.append(MergedLine(text: actualLines[line], place: pattern))
            case .added(let line):
                lines.append(MergedLine(text: actualLines[line], place: nil))
            }
        }
        return lines
    }
}
