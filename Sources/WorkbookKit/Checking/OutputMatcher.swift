/// Compares an expected output (a recorded output, or the text of `// Prints` comments) with
/// an actual one: both pass through the filters line by line, then the expected lines are read
/// as patterns, where `...` stands for varying text.
public struct OutputMatcher: Sendable, Equatable {
    public var filters: [OutputFilter]

    public init(filters: [OutputFilter] = []) {
        self.filters = filters
    }

    /// The lines of `text` after the filters.
    func filteredLines(_ text: String) -> [String] {
        let lines = OutputLines.split(text)
        guard !filters.isEmpty else { return lines }
        return lines.map { line in filters.reduce(line) { $1.apply(to: $0) } }
    }

    func patterns(_ expected: String) -> [OutputPatternLine] {
        filteredLines(expected).map(OutputPatternLine.init)
    }

    /// Whether `actual` is what `expected` describes.
    public func matches(expected: String, actual: String) -> Bool {
        if filters.isEmpty && !expected.contains(OutputPatternLine.ellipsis) {
            return OutputLines.split(expected) == OutputLines.split(actual)
        }
        return OutputAlignment.matches(patterns(expected), filteredLines(actual))
    }

    /// A unified diff from `expected` to `actual`, empty when they match. Lines an ellipsis
    /// matches are shown as the actual lines they stand for, so only real differences appear.
    public func diff(expected: String, actual: String, expectedName: String = "recorded", actualName: String = "actual") -> String {
        if filters.isEmpty && !expected.contains(OutputPatternLine.ellipsis) {
            return LineDiff(old: expected, new: actual).unified(oldName: expectedName, newName: actualName)
        }
        let expectedLines = filteredLines(expected), actualLines = filteredLines(actual)
        let patterns = expectedLines.map(OutputPatternLine.init)
        if OutputAlignment.matches(patterns, actualLines) { return "" }
        var resolved: [String] = []
        if let steps = OutputAlignment.steps(patterns, actualLines) {
            for step in steps {
                switch step {
                case .matched(_, let line), .absorbed(_, let line): resolved.append(actualLines[line])
                case .removed(let pattern), .replaced(let pattern, _): resolved.append(expectedLines[pattern])
                case .closed, .added: break
                }
            }
        } else {
            resolved = expectedLines
        }
        return LineDiff(old: OutputLines.join(resolved), new: OutputLines.join(actualLines))
            .unified(oldName: expectedName, newName: actualName)
    }
}
