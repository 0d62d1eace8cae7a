/// Parameter lists written with argument labels only, as guides and DocC name functions:
/// `func chunked(by:) -> ChunkedByCollection<Self, Element>`, `init(_:size:)`,
/// `subscript(offset:)`.
///
/// Swift does not parse such a list, so before a snippet is parsed each one that follows
/// `func NAME` (with an optional generic clause), `init`, `init?`, `init!` or `subscript` is
/// replaced by `()` and spaces of the same length (every other column stays where it was), and
/// its labels are kept by the offset of its `(`.
struct LabelsOnlyClauses: Sendable {
    /// The code with each labels-only list blanked to `()`.
    var code: String
    /// The labels of each blanked list, by the UTF-8 offset of its `(` in `code`.
    var labels: [Int: [String]]

    init(_ source: String) {
        var bytes = Array(source.utf8)
        var labels: [Int: [String]] = [:]
        var index = 0
        while index < bytes.count {
            if let open = Self.clauseOpening(in: bytes, at: index), let (close, names) = Self.labelsOnly(in: bytes, from: open) {
                labels[open] = names
                bytes[open + 1] = UInt8(ascii: ")")
                for position in open + 2...close { bytes[position] = UInt8(ascii: " ") }
                index = close + 1
            } else {
                index += 1
            }
        }
        self.code = String(decoding: bytes, as: UTF8.self)
        self.labels = labels
    }

    /// The offset of the `(` of a declaration's parameter list when a keyword that opens one
    /// starts at `start` (`func NAME<…>`, `init`, `init?`, `init!`, `subscript`).
    static func clauseOpening(in bytes: [UInt8], at start: Int) -> Int? {
        guard start == 0 || !isIdentifierByte(bytes[start - 1]) else { return nil }
        var index: Int
        if matches(bytes, at: start, "func") && start + 4 < bytes.count && isSpace(bytes[start + 4]) {
            index = skipSpaces(bytes, from: start + 4)
            let nameStart = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "("), bytes[index] != UInt8(ascii: "<"),
                  !isSpace(bytes[index]) { index += 1 }
            guard index > nameStart else { return nil }
            index = skipSpaces(bytes, from: index)
            if index < bytes.count, bytes[index] == UInt8(ascii: "<") {
                var depth = 0
                while index < bytes.count {
                    if bytes[index] == UInt8(ascii: "<") { depth += 1 }
                    if bytes[index] == UInt8(ascii: ">") { depth -= 1; if depth == 0 { index += 1; break } }
                    if bytes[index] == UInt8(ascii: "\n") { return nil }
                    index += 1
                }
            }
        } else if matches(bytes, at: start, "subscript") {
            index = start + 9
        } else if matches(bytes, at: start, "init") {
            index = start + 4
            if index < bytes.count, bytes[index] == UInt8(ascii: "?") || bytes[index] == UInt8(ascii: "!") { index += 1 }
        } else {
            return nil
        }
        index = skipSpaces(bytes, from: index)
        guard index < bytes.count, bytes[index] == UInt8(ascii: "(") else { return nil }
        return index
    }

    /// The closing `)` and the labels when the list opened at `open` is `(label:label:…)`,
    /// each label an identifier or `_`, spaces allowed around them; `nil` otherwise (`()` too).
    static func labelsOnly(in bytes: [UInt8], from open: Int) -> (Int, [String])? {
        var names: [String] = []
        var index = open + 1
        while true {
            index = skipSpaces(bytes, from: index)
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: ")") { return names.isEmpty ? nil : (index, names) }
            let nameStart = index
            while index < bytes.count, isIdentifierByte(bytes[index]) { index += 1 }
            guard index > nameStart else { return nil }
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
            guard name == "_" || !(name.first?.isNumber ?? true) else { return nil }
            index = skipSpaces(bytes, from: index)
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
            names.append(name)
            index += 1
        }
    }

    static func matches(_ bytes: [UInt8], at start: Int, _ word: String) -> Bool {
        let word = Array(word.utf8)
        guard start + word.count <= bytes.count, Array(bytes[start..<start + word.count]) == word else { return false }
        return start + word.count == bytes.count || !isIdentifierByte(bytes[start + word.count])
    }

    static func skipSpaces(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        return index
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    static func isIdentifierByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte >= 0x80
    }
}
