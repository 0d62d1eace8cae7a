/// A line of an expected output read as a pattern (as OCaml mdx's ellipsis): a line that is
/// `...` alone (spaces around it allowed) matches any run of lines, none included; `...`
/// inside a line matches any text within that line, none included.
enum OutputPatternLine: Sendable, Equatable {
    /// `...` alone on its line.
    case anyLines
    /// A line without `...`: matches an equal line.
    case exact(String)
    /// A line with `...` inside: the texts between the ellipses, in order.
    case pieces([String])

    static let ellipsis = "..."

    init(_ line: String) {
        if Substring(line).trimmingEdges(of: " \t") == Self.ellipsis {
            self = .anyLines
        } else if line.contains(Self.ellipsis) {
            self = .pieces(line.components(separatedBy: Self.ellipsis))
        } else {
            self = .exact(line)
        }
    }

    var isAnyLines: Bool { self == .anyLines }

    /// Whether this pattern, other than `anyLines`, matches the single line `line`.
    func matches(_ line: String) -> Bool {
        switch self {
        case .anyLines: return true
        case .exact(let text): return text == line
        case .pieces(let pieces):
            guard let first = pieces.first, let last = pieces.last, pieces.count >= 2 else { return false }
            var rest = Substring(line)
            guard rest.hasPrefix(first) else { return false }
            rest = rest.dropFirst(first.count)
            guard rest.hasSuffix(last) else { return false }
            rest = rest.dropLast(last.count)
            for piece in pieces.dropFirst().dropLast() where !piece.isEmpty {
                guard let found = rest.firstRange(of: piece) else { return false }
                rest = rest[found.upperBound...]
            }
            return true
        }
    }
}
