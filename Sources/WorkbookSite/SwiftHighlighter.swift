import NoteKit

/// Highlights Swift code as HTML at build time (no script needed on the page): comments,
/// strings, numbers, keywords, type names and attributes become `<span class="hl-…">`.
struct SwiftHighlighter {
    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init",
        "inout", "internal", "let", "open", "operator", "private", "protocol", "public", "rethrows",
        "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue",
        "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return",
        "throw", "switch", "where", "while", "as", "false", "is", "nil", "self", "Self", "super",
        "throws", "true", "try", "await", "async", "some", "any", "mutating", "nonmutating", "lazy",
        "final", "override", "convenience", "required", "weak", "unowned", "indirect", "consuming",
        "borrowing", "sending", "nonisolated", "isolated", "actor", "package", "get", "set", "willSet", "didSet",
    ]

    func highlight(_ code: String) -> String {
        let bytes = Array(code.utf8)
        var output = ""
        output.reserveCapacity(bytes.count * 2)
        var index = 0
        let count = bytes.count
        func emit(_ range: Range<Int>, _ kind: String?) {
            let text = HTMLEscaping.text(String(decoding: bytes[range], as: UTF8.self))
            if let kind { output += "<span class=\"hl-\(kind)\">\(text)</span>" } else { output += text }
        }
        // Byte by byte, without copying: this runs at every position of the code.
        func starts(_ string: StaticString, at position: Int) -> Bool {
            let length = string.utf8CodeUnitCount
            guard position + length <= count else { return false }
            let pattern = string.utf8Start
            for offset in 0..<length where bytes[position + offset] != pattern[offset] { return false }
            return true
        }
        var plainStart = 0
        func flushPlain(_ upTo: Int) {
            if plainStart < upTo { emit(plainStart..<upTo, nil) }
        }
        while index < count {
            let byte = bytes[index]
            var tokenEnd: Int? = nil
            var kind = ""
            if starts("//", at: index) {
                var end = index
                while end < count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
                tokenEnd = end; kind = "comment"
            } else if starts("/*", at: index) {
                var depth = 0
                var end = index
                while end < count {
                    if starts("/*", at: end) { depth += 1; end += 2 } else if starts("*/", at: end) { depth -= 1; end += 2; if depth == 0 { break } } else { end += 1 }
                }
                tokenEnd = end; kind = "comment"
            } else if starts("\"\"\"", at: index) {
                var end = index + 3
                while end < count && !starts("\"\"\"", at: end) { end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1 }
                tokenEnd = min(end + 3, count); kind = "string"
            } else if byte == UInt8(ascii: "\"") {
                tokenEnd = Self.endOfString(bytes, from: index + 1); kind = "string"
            } else if Self.isDigit(byte) && (index == 0 || !Self.isIdentifier(bytes[index - 1])) {
                var end = index
                while end < count && (Self.isIdentifier(bytes[end]) || (bytes[end] == UInt8(ascii: ".") && end + 1 < count && Self.isDigit(bytes[end + 1]))) { end += 1 }
                tokenEnd = end; kind = "number"
            } else if Self.isIdentifierStart(byte) && (index == 0 || !Self.isIdentifier(bytes[index - 1])) {
                var end = index
                while end < count && Self.isIdentifier(bytes[end]) { end += 1 }
                let word = String(decoding: bytes[index..<end], as: UTF8.self)
                let previous = index > 0 ? bytes[index - 1] : 0
                if previous == UInt8(ascii: "@") {
                    tokenEnd = end; kind = "attribute"
                } else if previous == UInt8(ascii: "#") {
                    tokenEnd = end; kind = "keyword"
                } else if Self.keywords.contains(word) && previous != UInt8(ascii: ".") {
                    tokenEnd = end; kind = "keyword"
                } else if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") {
                    tokenEnd = end; kind = "type"
                } else {
                    index = end
                    continue
                }
                if kind == "attribute" || (kind == "keyword" && previous == UInt8(ascii: "#")) {
                    flushPlain(index - 1)
                    emit(index - 1..<end, kind)
                    index = end
                    plainStart = end
                    continue
                }
            }
            if let end = tokenEnd {
                flushPlain(index)
                emit(index..<end, kind)
                index = end
                plainStart = end
            } else {
                index += 1
            }
        }
        flushPlain(count)
        return output
    }

    /// The end of a one-line string literal whose body starts at `start`; quotes inside an
    /// interpolation `\\(…)` belong to the interpolation.
    private static func endOfString(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        let count = bytes.count
        while index < count && bytes[index] != UInt8(ascii: "\"") && bytes[index] != UInt8(ascii: "\n") {
            if bytes[index] == UInt8(ascii: "\\") && index + 1 < count && bytes[index + 1] == UInt8(ascii: "(") {
                var depth = 1
                index += 2
                while index < count && depth > 0 && bytes[index] != UInt8(ascii: "\n") {
                    switch bytes[index] {
                    case UInt8(ascii: "("): depth += 1; index += 1
                    case UInt8(ascii: ")"): depth -= 1; index += 1
                    case UInt8(ascii: "\""): index = endOfString(bytes, from: index + 1)
                    default: index += 1
                    }
                }
                continue
            }
            index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
        }
        return min(index + 1, count)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    private static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || byte == UInt8(ascii: "_")
    }
    private static func isIdentifier(_ byte: UInt8) -> Bool { isIdentifierStart(byte) || isDigit(byte) }
}
