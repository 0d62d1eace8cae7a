/// Keeps TeX away from the Markdown parser: each math span becomes an inert token before
/// parsing, and the token becomes an element KaTeX typesets after rendering.
///
/// A token is U+E000, the span's number, U+E001 (private-use characters that Markdown treats as
/// letters). A span covering several lines adds, per line break, a line holding only U+E002 so
/// cmark's line numbers stay those of the source; those lines vanish on restoring.
struct MathProtector {
    struct Span: Equatable {
        var tex: String
        var display: Bool
    }

    private(set) var spans: [Span] = []

    static let tokenStart: [UInt8] = [0xEE, 0x80, 0x80]
    static let tokenEnd: [UInt8] = [0xEE, 0x80, 0x81]
    static let lineKeeper: [UInt8] = [0xEE, 0x80, 0x82]

    /// Appends the token for the math in `bytes[tex]` to `output`.
    mutating func protect(_ bytes: [UInt8], tex: Range<Int>, display: Bool, into output: inout [UInt8]) {
        let number = spans.count
        spans.append(Span(tex: String(decoding: bytes[tex], as: UTF8.self), display: display))
        output.append(contentsOf: Self.tokenStart)
        output.append(contentsOf: String(number).utf8)
        output.append(contentsOf: Self.tokenEnd)
        for byte in bytes[tex] where byte == UInt8(ascii: "\n") {
            output.append(UInt8(ascii: "\n"))
            output.append(contentsOf: Self.lineKeeper)
        }
    }

    /// Replaces tokens in rendered HTML by math elements (or by the TeX source inside a tag).
    func restore(inHTML html: String) -> String {
        var html = html
        return html.withUTF8 { source in
            guard source.contains(0xEE) else { return String(decoding: source, as: UTF8.self) }
            var output: [UInt8] = []
            output.reserveCapacity(source.count + spans.count * 48)
            var insideTag = false
            var copied = 0
            var index = 0
            let count = source.count
            while index < count {
                let byte = source[index]
                if byte == UInt8(ascii: "<") {
                    insideTag = true
                } else if byte == UInt8(ascii: ">") {
                    insideTag = false
                } else if byte == 0xEE && index + 2 < count && source[index + 1] == 0x80 {
                    let kind = source[index + 2]
                    if kind == 0x80, let (number, after) = Self.number(in: source, from: index + 3), number < spans.count {
                        output.append(contentsOf: source[copied..<index])
                        let span = spans[number]
                        if insideTag {
                            Self.appendEscaped(span.display ? "$$\(span.tex)$$" : "$\(span.tex)$", to: &output)
                        } else {
                            output.append(contentsOf: span.display ? Self.displayOpen : Self.inlineOpen)
                            Self.appendEscaped(span.tex, to: &output)
                            output.append(contentsOf: span.display ? Self.displayClose : Self.inlineClose)
                        }
                        index = after
                        copied = after
                        continue
                    }
                    if kind == 0x82 {
                        // A line keeper: drop it and the line break before it.
                        var end = index
                        if end > copied && source[end - 1] == UInt8(ascii: "\n") { end -= 1 }
                        output.append(contentsOf: source[copied..<end])
                        index += 3
                        copied = index
                        continue
                    }
                }
                index += 1
            }
            output.append(contentsOf: source[copied..<count])
            return String(decoding: output, as: UTF8.self)
        }
    }

    private static let inlineOpen = Array(#"<span class="math inline">\("#.utf8)
    private static let inlineClose = Array(#"\)</span>"#.utf8)
    private static let displayOpen = Array(#"<span class="math display">\["#.utf8)
    private static let displayClose = Array(#"\]</span>"#.utf8)

    private static func appendEscaped(_ text: String, to output: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
            default: output.append(byte)
            }
        }
    }

    /// Replaces tokens in plain text by their TeX between dollars.
    func restore(inPlainText text: String) -> String {
        guard text.utf8.contains(0xEE) else { return text }
        var output: [UInt8] = []
        let source = Array(text.utf8)
        let count = source.count
        var index = 0
        while index < count {
            if source[index] == 0xEE && index + 2 < count && source[index + 1] == 0x80 {
                if source[index + 2] == 0x80, let (number, after) = Self.number(in: source, from: index + 3), number < spans.count {
                    let span = spans[number]
                    output.append(contentsOf: (span.display ? "$$\(span.tex)$$" : "$\(span.tex)$").utf8)
                    index = after
                    continue
                }
                if source[index + 2] == 0x82 { index += 3; continue }
            }
            output.append(source[index])
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The element KaTeX typesets: TeX escaped for HTML, in `\(…\)` or `\[…\]`.
    static func element(_ span: Span) -> String {
        let tex = HTMLEscaping.text(span.tex)
        return span.display
            ? "<span class=\"math display\">\\[\(tex)\\]</span>"
            : "<span class=\"math inline\">\\(\(tex)\\)</span>"
    }

    private static func number<Bytes: RandomAccessCollection<UInt8>>(in bytes: Bytes, from start: Int) -> (Int, Int)? where Bytes.Index == Int {
        var index = start
        var value = 0
        let count = bytes.endIndex
        while index < count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            index += 1
        }
        guard index > start, index + 2 < count, bytes[index] == 0xEE, bytes[index + 1] == 0x80, bytes[index + 2] == 0x81 else { return nil }
        return (value, index + 3)
    }
}
