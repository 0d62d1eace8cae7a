/// A line diff (longest common subsequence) printed in unified format.
public struct LineDiff: Sendable, Equatable {
    /// One line of the edit script.
    public enum Edit: Sendable, Equatable {
        case same(String)
        case removed(String)
        case added(String)
    }

    public var edits: [Edit]

    /// Above this many cells of the LCS table, the differing middle is shown as all removed
    /// then all added.
    static let tableLimit = 4_000_000

    /// Diffs the lines of `old` against the lines of `new`.
    public init(old: String, new: String) {
        let a = Self.lines(old)
        let b = Self.lines(new)
        var prefix = 0
        while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix && suffix < b.count - prefix
            && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let middleA = Array(a[prefix..<(a.count - suffix)])
        let middleB = Array(b[prefix..<(b.count - suffix)])
        edits = a[..<prefix].map { .same($0) } + Self.middle(middleA, middleB) + a[(a.count - suffix)...].map { .same($0) }
    }

    private static func middle(_ a: [String], _ b: [String]) -> [Edit] {
        guard !a.isEmpty || !b.isEmpty else { return [] }
        guard (a.count + 1) * (b.count + 1) <= tableLimit else { return a.map { .removed($0) } + b.map { .added($0) } }
        // lengths[i][j]: LCS length of a[i...] and b[j...].
        let width = b.count + 1
        var lengths = [Int](repeating: 0, count: (a.count + 1) * width)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i * width + j] = a[i] == b[j]
                    ? lengths[(i + 1) * width + j + 1] + 1
                    : max(lengths[(i + 1) * width + j], lengths[i * width + j + 1])
            }
        }
        var edits: [Edit] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count && j < b.count && a[i] == b[j] {
                edits.append(.same(a[i])); i += 1; j += 1
            } else if j < b.count && (i == a.count || lengths[i * width + j + 1] >= lengths[(i + 1) * width + j]) {
                edits.append(.added(b[j])); j += 1
            } else {
                edits.append(.removed(a[i])); i += 1
            }
        }
        // Show removals before additions within a change, as diff(1) does.
        var ordered: [Edit] = []
        var removed: [Edit] = [], added: [Edit] = []
        for edit in edits {
            switch edit {
            case .removed: removed.append(edit)
            case .added: added.append(edit)
            case .same:
                ordered += removed + added + [edit]
                removed = []; added = []
            }
        }
        return ordered + removed + added
    }

    /// The text split into lines without terminators; a missing final newline is marked.
    static func lines(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        if lines.last == "" { lines.removeLast() } else { lines[lines.count - 1] += "\u{23CE} (no newline at end)" }
        return lines
    }

    public var hasChanges: Bool { edits.contains { if case .same = $0 { false } else { true } } }

    /// The diff in unified format with `context` lines around each change, headed by
    /// `--- oldName` and `+++ newName`; empty when nothing differs.
    public func unified(oldName: String, newName: String, context: Int = 3) -> String {
        guard hasChanges else { return "" }
        var text = "--- \(oldName)\n+++ \(newName)\n"
        var changed: [Int] = []
        for (index, edit) in edits.enumerated() { if case .same = edit {} else { changed.append(index) } }
        // Group changes whose context overlaps into hunks.
        var hunks: [Range<Int>] = []
        for index in changed {
            let range = max(0, index - context)..<min(edits.count, index + context + 1)
            if let last = hunks.last, range.lowerBound <= last.upperBound {
                hunks[hunks.count - 1] = last.lowerBound..<range.upperBound
            } else {
                hunks.append(range)
            }
        }
        var oldLine = 1, newLine = 1, position = 0
        for hunk in hunks {
            while position < hunk.lowerBound {
                switch edits[position] {
                case .same: oldLine += 1; newLine += 1
                case .removed: oldLine += 1
                case .added: newLine += 1
                }
                position += 1
            }
            let slice = edits[hunk]
            let oldCount = slice.filter { if case .added = $0 { false } else { true } }.count
            let newCount = slice.filter { if case .removed = $0 { false } else { true } }.count
            text += "@@ -\(Self.range(oldLine, oldCount)) +\(Self.range(newLine, newCount)) @@\n"
            for edit in slice {
                switch edit {
                case .same(let line): text += " \(line)\n"; oldLine += 1; newLine += 1
                case .removed(let line): text += "-\(line)\n"; oldLine += 1
                case .added(let line): text += "+\(line)\n"; newLine += 1
                }
            }
            position = hunk.upperBound
        }
        return text
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        count == 1 ? "\(start)" : "\(count == 0 ? start - 1 : start),\(count)"
    }
}
