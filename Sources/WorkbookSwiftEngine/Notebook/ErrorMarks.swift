import SwiftToolchain
import WorkbookKit

/// The lines of a snippet that Apple's documentation marks as failing on purpose with an
/// `// Error` comment:
///
/// ```swift
/// ("blue", false) < ("purple", true)  // Error: Can't use < to compare Boolean values.
/// increment(&stepSize)
/// // Error: Conflicting accesses to stepSize.
/// ```
///
/// A `//` comment (not `///`, not in a string) whose text is `Error`, or starts with `Error:`
/// or `Error.`, or says so in words (see `failurePhrases`: `// this triggers a runtime error`),
/// marks its line when it follows code, and otherwise the nearest line of code above it and
/// the nearest below it (a comment line before a declaration, or after a call).
struct ErrorMarks: Equatable {
    /// The marked lines, 1-based within the snippet's code.
    var lines: Set<Int> = []

    init(code: String) {
        let comments = SwiftLineComments(code: code).comments
        let marking = comments.filter { Self.isMark($0.text) }
        guard !marking.isEmpty else { return }
        let codeLines = code.split(separator: "\n", omittingEmptySubsequences: false)
        let commentOnly = Set(comments.filter { !$0.trailing }.map(\.line))
        func isCode(_ index: Int) -> Bool {
            index >= 0 && index < codeLines.count && !commentOnly.contains(index)
                && !codeLines[index].allSatisfy { $0 == " " || $0 == "\t" }
        }
        for comment in marking {
            if comment.trailing {
                lines.insert(comment.line + 1)
                continue
            }
            if let above = stride(from: comment.line - 1, through: 0, by: -1).first(where: isCode) { lines.insert(above + 1) }
            if let below = (comment.line + 1..<codeLines.count).first(where: isCode) { lines.insert(below + 1) }
        }
    }

    var isEmpty: Bool { lines.isEmpty }

    /// Words by which a comment says the code next to it fails, as Apple's documentation
    /// writes it (`// this triggers a runtime error`, `// This is a compile-time error: …`).
    static let failurePhrases = [
        "causes an error", "report an error", "reports an error", "compile-time error", "runtime error",
        "triggers an assert", "assertion fails", "will not compile", "doesn't compile", "is an error", "invalid", "isn't valid",
        "not valid",
    ]

    /// Whether a comment's text (after `//`) marks an error.
    static func isMark(_ text: String) -> Bool {
        guard !text.hasPrefix("/") else { return false }
        let words = text.drop { $0 == " " }
        if words.hasPrefix("Error") || words.hasPrefix("ERROR") {
            let rest = words.dropFirst(5)
            if rest.allSatisfy({ $0 == " " }) || rest.hasPrefix(":") || rest.hasPrefix(".") { return true }
        }
        let lowered = words.lowercased()
        return failurePhrases.contains { lowered.contains($0) }
    }
}
