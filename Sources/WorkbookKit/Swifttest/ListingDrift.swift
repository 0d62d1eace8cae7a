/// A shown ```` ```swift ```` listing whose code is not what its `swifttest` blocks test: the
/// listing's lines (without trailing spaces and the blank lines around them) against the
/// blocks' `->` lines without their markers and the indentation up to the code's column.
public struct ListingDrift: Sendable, Equatable {
    /// The 1-based chapter line of the listing's first line that differs (its fence line when
    /// the listing is shorter).
    public var line: Int
    /// A unified diff from the listing to the tested code.
    public var diff: String

    /// The drift of the listing `snippet` tested by `blocks`, or `nil` when its code is theirs.
    static func find(listing snippet: Snippet, testedBy blocks: [SwifttestBlock]) -> ListingDrift? {
        let tested = normalized(blocks.flatMap(\.shownCode))
        guard !tested.isEmpty else { return nil }
        var listingLines = OutputLines.split(snippet.code).map { trimmedEnd($0) }
        var first = 0
        while first < listingLines.count, listingLines[first].isEmpty { first += 1 }
        listingLines = Array(listingLines.dropFirst(first))
        let shown = normalized(listingLines)
        guard shown != tested else { return nil }
        let differing = zip(shown, tested).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(shown.count, tested.count)
        let line = differing < shown.count ? snippet.codeFirstLine + first + differing : snippet.fenceLine
        let diff = LineDiff(old: OutputLines.join(shown), new: OutputLines.join(tested)).unified(oldName: "listing", newName: "test")
        return ListingDrift(line: line, diff: diff)
    }

    static func normalized(_ lines: [String]) -> [String] {
        var lines = lines.map(trimmedEnd)
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        while let first = lines.first, first.isEmpty { lines.removeFirst() }
        return lines
    }

    static func trimmedEnd(_ line: String) -> String {
        var line = Substring(line)
        while let last = line.last, last == " " || last == "\t" { line = line.dropLast() }
        return String(line)
    }
}
