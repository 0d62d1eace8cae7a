/// A text split into lines that keep their terminators (`\n`, `\r\n`, or a lone `\r`), so
/// joining them gives the text back.
package struct SourceLines: Sendable, Equatable {
    let lines: [Substring]

    package init(_ text: String) {
        var lines: [Substring] = []
        var start = text.startIndex
        var index = start
        while index < text.endIndex {
            let next = text.index(after: index)
            if text[index] == "\n" || text[index] == "\r\n" || text[index] == "\r" {
                lines.append(text[start..<next])
                start = next
            }
            index = next
        }
        if start < text.endIndex { lines.append(text[start...]) }
        self.lines = lines
    }

    package var count: Int { lines.count }

    subscript(index: Int) -> Substring { lines[index] }

    /// The line without its terminator.
    func content(_ index: Int) -> Substring {
        var line = lines[index]
        while let last = line.last, last == "\n" || last == "\r\n" || last == "\r" { line = line.dropLast() }
        return line
    }

    /// The lines of `range` joined, terminators kept.
    func joined(_ range: Range<Int>) -> String {
        lines[range].joined()
    }

    func isBlank(_ index: Int) -> Bool {
        content(index).allSatisfy { $0 == " " || $0 == "\t" }
    }
}
