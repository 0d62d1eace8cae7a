import Foundation

/// A regular expression replaced in every line of both the actual and the recorded output
/// before they are compared (`filters` in `workbook.toml`, as Documenter's doctest filters).
///
/// The pattern is an ICU regular expression applied to each line on its own (without its line
/// break), so `^` and `$` are the line's ends; every match is replaced by `replacement`, in
/// which `$1` names the first group and `\$` is a literal dollar sign.
public struct OutputFilter: Sendable, Equatable {
    public let pattern: String
    public let replacement: String
    private let expression: NSRegularExpression

    /// Why a filter is refused.
    public struct Problem: Error, Sendable, Equatable {
        public var message: String
    }

    public init(pattern: String, replacement: String) throws(Problem) {
        guard !pattern.isEmpty else { throw Problem(message: "a filter's 'pattern' must not be empty") }
        do {
            expression = try NSRegularExpression(pattern: pattern)
        } catch {
            throw Problem(message: "the filter pattern '\(pattern)' is not a valid regular expression")
        }
        if expression.firstMatch(in: "", range: NSRange(location: 0, length: 0)) != nil {
            throw Problem(message: "the filter pattern '\(pattern)' matches the empty text; it must match at least one character")
        }
        if replacement.contains(where: \.isNewline) {
            throw Problem(message: "a filter's 'replacement' must not contain a line break")
        }
        self.pattern = pattern
        self.replacement = replacement
    }

    /// `line` (without its line break) with every match replaced.
    public func apply(to line: String) -> String {
        let range = NSRange(line.startIndex..<line.endIndex, in: line)
        return expression.stringByReplacingMatches(in: line, range: range, withTemplate: replacement)
    }

    public static func == (left: OutputFilter, right: OutputFilter) -> Bool {
        left.pattern == right.pattern && left.replacement == right.replacement
    }
}
