/// A stretch of Markdown prose as the site's preprocessing sees it.
enum ProseSegment: Equatable {
    /// Text where math and placeholders are recognised.
    case text(Range<Int>)
    /// A code span, fenced or indented code block: copied untouched.
    case code(Range<Int>)
    /// `$…$` or `$$…$$`: `whole` includes the delimiters, `tex` is what lies between.
    case math(whole: Range<Int>, tex: Range<Int>, display: Bool)
}

/// Splits Markdown (as UTF-8 bytes) into text, code and math segments, in order, covering it all.
///
/// It knows just enough Markdown to leave code alone: fenced blocks, indented blocks after a
/// blank line (outside lists), and code spans (a backtick run closed by a run of the same length
/// in the same paragraph). A backslash escapes the next ASCII punctuation character, so `\$`
/// stays a literal dollar. Inline math follows Pandoc's rule: `$` not followed by a space opens,
/// `$` not preceded by a space nor followed by a digit closes, within one paragraph.
///
/// The scanner reads a buffer rather than an array so that its loops carry no bounds checks and
/// no reference counting; every read is guarded by a comparison with the range's end (or,
/// looking back, with its start), so none leaves the buffer. Ordinary text is skipped in bulk
/// (`ByteSearch`).
struct ProseScanner {
    /// The Markdown; it must stay valid while `segments()` runs.
    let bytes: UnsafeBufferPointer<UInt8>

    func segments() -> [ProseSegment] {
        var result: [ProseSegment] = []
        var lineStart = 0
        var fence: (character: UInt8, length: Int)? = nil
        var previousBlank = true
        var inIndentedCode = false
        var inList = false
        let count = bytes.count

        func lineEnd(_ start: Int) -> Int {
            ByteSearch.firstIndex(of: UInt8(ascii: "\n"), in: bytes, from: start, to: count) ?? count
        }

        while lineStart < count {
            let end = lineEnd(lineStart)
            let next = min(end + 1, count)
            if let open = fence {
                result.append(.code(lineStart..<next))
                if closesFence(lineStart, end, open.character, open.length) { fence = nil }
                lineStart = next
                previousBlank = false
                continue
            }
            if let opened = opensFence(lineStart, end) {
                fence = opened
                result.append(.code(lineStart..<next))
                lineStart = next
                inIndentedCode = false
                previousBlank = false
                continue
            }
            let indent = indentation(lineStart, end)
            if isBlank(lineStart, end) {
                result.append(.text(lineStart..<next))
                lineStart = next
                previousBlank = true
                continue
            }
            if indent >= 4 && (previousBlank || inIndentedCode) && !inList {
                result.append(.code(lineStart..<next))
                inIndentedCode = true
                previousBlank = false
                lineStart = next
                continue
            }
            inIndentedCode = false
            // A paragraph-like chunk: consecutive non-blank lines up to a fence.
            var chunkEnd = next
            while chunkEnd < count {
                let end2 = lineEnd(chunkEnd)
                if isBlank(chunkEnd, end2) || opensFence(chunkEnd, end2) != nil { break }
                chunkEnd = min(end2 + 1, count)
            }
            if indent < 4 && startsListItem(lineStart + indent, end) {
                inList = true
            } else if indent == 0 && previousBlank {
                inList = false
            }
            scanInline(lineStart..<chunkEnd, into: &result)
            lineStart = chunkEnd
            previousBlank = false
        }
        return result
    }

    private func scanInline(_ range: Range<Int>, into result: inout [ProseSegment]) {
        let end = range.upperBound
        var index = range.lowerBound
        var textStart = index
        while true {
            // Most bytes are ordinary text: jump over them before looking closer.
            index = nextInlineMarker(from: index, end: end)
            guard index < end else { break }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\\"):
                index += (index + 1 < end && isASCIIPunctuation(bytes[index + 1])) ? 2 : 1
            case UInt8(ascii: "`"):
                let run = runLength(of: byte, at: index, end: end)
                if let close = closingBacktickRun(length: run, from: index + run, end: end) {
                    Self.flushText(textStart..<index, into: &result)
                    result.append(.code(index..<close + run))
                    index = close + run
                    textStart = index
                } else {
                    index += run
                }
            default:
                if index + 1 < end && bytes[index + 1] == byte {
                    if let close = closingDisplayMath(from: index + 2, end: end), close > index + 2 {
                        Self.flushText(textStart..<index, into: &result)
                        result.append(.math(whole: index..<close + 2, tex: index + 2..<close, display: true))
                        index = close + 2
                        textStart = index
                    } else {
                        index += 2
                    }
                } else if let close = closingInlineMath(from: index + 1, end: end) {
                    Self.flushText(textStart..<index, into: &result)
                    result.append(.math(whole: index..<close + 1, tex: index + 1..<close, display: false))
                    index = close + 1
                    textStart = index
                } else {
                    index += 1
                }
            }
        }
        Self.flushText(textStart..<end, into: &result)
    }

    /// The index of the first `\\`, `` ` `` or `$` in `bytes[start..<end]`, or `end` when there is none.
    private func nextInlineMarker(from start: Int, end: Int) -> Int {
        ByteSearch.firstIndex(of: UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "$"), in: bytes, from: start, to: end)
    }

    /// Appends a text segment unless `range` is empty.
    private static func flushText(_ range: Range<Int>, into result: inout [ProseSegment]) {
        if !range.isEmpty { result.append(.text(range)) }
    }

    private func closingDisplayMath(from start: Int, end: Int) -> Int? {
        var index = start
        while index + 1 < end {
            if bytes[index] == UInt8(ascii: "\\") { index += 2; continue }
            if bytes[index] == UInt8(ascii: "$") && bytes[index + 1] == UInt8(ascii: "$") { return index }
            index += 1
        }
        return nil
    }

    private func closingInlineMath(from start: Int, end: Int) -> Int? {
        guard start < end, !isSpace(bytes[start]), bytes[start] != UInt8(ascii: "$") else { return nil }
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") { index += 2; continue }
            if byte == UInt8(ascii: "$") {
                let followedByDigit = index + 1 < end && bytes[index + 1] >= UInt8(ascii: "0") && bytes[index + 1] <= UInt8(ascii: "9")
                if index > start && !isSpace(bytes[index - 1]) && !followedByDigit { return index }
                return nil
            }
            index += 1
        }
        return nil
    }

    private func closingBacktickRun(length: Int, from start: Int, end: Int) -> Int? {
        var index = start
        while index < end {
            if bytes[index] == UInt8(ascii: "`") {
                let run = runLength(of: UInt8(ascii: "`"), at: index, end: end)
                if run == length { return index }
                index += run
            } else {
                index += 1
            }
        }
        return nil
    }

    private func runLength(of byte: UInt8, at start: Int, end: Int) -> Int {
        var index = start
        while index < end && bytes[index] == byte { index += 1 }
        return index - start
    }

    private func indentation(_ start: Int, _ end: Int) -> Int {
        var width = 0
        var index = start
        while index < end {
            if bytes[index] == UInt8(ascii: " ") { width += 1 } else if bytes[index] == UInt8(ascii: "\t") { width += 4 - width % 4 } else { break }
            index += 1
        }
        return width
    }

    private func isBlank(_ start: Int, _ end: Int) -> Bool {
        for index in start..<end where !isSpace(bytes[index]) { return false }
        return true
    }

    private func opensFence(_ start: Int, _ end: Int) -> (character: UInt8, length: Int)? {
        var index = start
        while index < end && index - start < 4 && bytes[index] == UInt8(ascii: " ") { index += 1 }
        guard index - start <= 3, index < end else { return nil }
        let character = bytes[index]
        guard character == UInt8(ascii: "`") || character == UInt8(ascii: "~") else { return nil }
        let run = runLength(of: character, at: index, end: end)
        guard run >= 3 else { return nil }
        if character == UInt8(ascii: "`") {
            for position in (index + run)..<end where bytes[position] == character { return nil }
        }
        return (character, run)
    }

    private func closesFence(_ start: Int, _ end: Int, _ character: UInt8, _ length: Int) -> Bool {
        var index = start
        while index < end && index - start < 4 && bytes[index] == UInt8(ascii: " ") { index += 1 }
        guard index - start <= 3 else { return false }
        let run = runLength(of: character, at: index, end: end)
        guard run >= length else { return false }
        for position in (index + run)..<end where !isSpace(bytes[position]) { return false }
        return true
    }

    private func startsListItem(_ start: Int, _ end: Int) -> Bool {
        guard start < end else { return false }
        let first = bytes[start]
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+") {
            return start + 1 == end || isSpace(bytes[start + 1])
        }
        var index = start
        while index < end && bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9") { index += 1 }
        guard index > start, index < end, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")") else { return false }
        return index + 1 == end || isSpace(bytes[index + 1])
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    private func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (33...47).contains(byte) || (58...64).contains(byte) || (91...96).contains(byte) || (123...126).contains(byte)
    }
}
