/// A shown ```` ```swift ```` listing whose code is not what its `swifttest` blocks test: the
/// listing's code lines against the blocks' `->` lines without their markers and the
/// indentation up to the code's column. Only code is compared, line by line without its
/// indentation: blank lines, the spaces at either end of a line and lines that are only a `//`
/// comment (the listing's `// Prints "…"` lines stand for the test's `<-` lines) are left out
/// on both sides (the diff shows the lines as written).
public struct ListingDrift: Sendable, Equatable {
    /// The 1-based chapter line of the listing's first line that differs (its fence line when
    /// the listing is shorter).
    public var line: Int
    /// A unified diff from the listing's code to the tested code.
    public var diff: String

    /// The drift of the listing `snippet` tested by `blocks`, or `nil` when its code is theirs.
    static func find(listing snippet: Snippet, testedBy blocks: [SwifttestBlock]) -> ListingDrift? {
        let testedLines = codeLines(blocks.flatMap(\.shownCode))
        let tested = testedLines.map(\.text)
        guard !tested.isEmpty else { return nil }
        let shown = codeLines(OutputLines.split(snippet.code))
        func key(_ line: String) -> Substring { line.drop { $0 == " " || $0 == "\t" } }
        guard shown.map({ key($0.text) }) != tested.map(key) else { return nil }
        let differing = zip(shown.map(\.text), tested).enumerated().first { key($0.element.0) != key($0.element.1) }?.offset
            ?? min(shown.count, tested.count)
        let line = differing < shown.count ? snippet.codeFirstLine + shown[differing].offset : snippet.fenceLine
        let diff = LineDiff(old: OutputLines.join(shown.map(\.text)), new: OutputLines.join(tested)).unified(oldName: "listing", newName: "test")
        return ListingDrift(line: line, diff: diff)
    }

    /// The lines of code among `lines`, without trailing spaces, with their offsets.
    static func codeLines(_ lines: [String]) -> [(offset: Int, text: String)] {
        lines.enumerated().compactMap { offset, line in
            let text = trimmedEnd(line)
            let content = text.drop { $0 == " " || $0 == "\t" }
            return content.isEmpty || content.hasPrefix("//") ? nil : (offset, text)
        }
    }

    static func trimmedEnd(_ line: String) -> String {
        var line = Substring(line)
        while let last = line.last, last == " " || last == "\t" { line = line.dropLast() }
        return String(line)
    }
}
