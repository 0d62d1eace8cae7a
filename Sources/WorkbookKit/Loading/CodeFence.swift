/// A CommonMark code fence line: up to three spaces, then three or more backticks or tildes.
package struct CodeFence: Sendable, Equatable {
    let character: Character
    let length: Int
    /// The info string, trimmed.
    package let info: Substring
    /// The 1-based column where the info string starts.
    let infoColumn: Int

    /// Reads an opening fence, or returns `nil` when `line` is not one.
    package init?(opening line: Substring) {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        guard let first = rest.first, first == "`" || first == "~" else { return nil }
        let run = rest.prefix { $0 == first }.count
        guard run >= 3 else { return nil }
        let afterRun = rest.dropFirst(run)
        if first == "`" && afterRun.contains("`") { return nil }
        let leading = afterRun.prefix { $0 == " " || $0 == "\t" }.count
        character = first
        length = run
        info = afterRun.dropFirst(leading).reversed().drop { $0 == " " || $0 == "\t" }.reversed()
            .reduce(into: Substring()) { $0.append($1) }
        infoColumn = indent + run + leading + 1
    }

    /// Whether `line` closes this fence.
    package func isClosed(by line: Substring) -> Bool {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return false }
        let rest = line.dropFirst(indent)
        let run = rest.prefix { $0 == character }.count
        guard run >= length else { return false }
        return rest.dropFirst(run).allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// The first word of the info string (the language), lowercased: ```` ```Swift ```` is Swift.
    var language: Substring { Substring(info.prefix { $0 != " " && $0 != "\t" }.lowercased()) }
}
