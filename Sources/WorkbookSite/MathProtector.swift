/// Keeps TeX away from the Markdown parser: each math span becomes an inert token before
/// parsing, and the token becomes an element KaTeX typesets after rendering.
///
/// A token is U+E000, the span's number, U+E001 (private-use characters that Markdown treats as
/// letters). A span covering several lines adds, per line break, a line holding only U+E002 so
/// cmark's line numbers stay those of the source; those lines vanish on restoring.
///
/// Spans are kept as byte ranges of the Markdown they were taken from, so protecting a span
/// copies nothing but its token.
struct MathProtector {
    /// A protected span: where its TeX (without the dollars) lies in `source`.
    struct Span: Equatable {
        var tex: Range<Int>
        var display: Bool
    }

    /// The Markdown (UTF-8) the spans' ranges point into.
    let source: [UInt8]
    private(set) var spans: [Span] = []

    static let tokenStart: [UInt8] = [0xEE, 0x80, 0x80]
    static let tokenEnd: [UInt8] = [0xEE, 0x80, 0x81]
    static let lineKeeper: [UInt8] = [0xEE, 0x80, 0x82]

    init(source: [UInt8]) {
        self.source = source
    }

    /// Appends the token for the math in `source[tex]` to `output`.
    mutating func protect(tex: Range<Int>, display: Bool, into output: inout [UInt8]) {
        let number = spans.count
        spans.append(Span(tex: tex, display: display))
        Self.appendToken(number, to: &output)
        source.withUnsafeBufferPointer { source in
            var index = tex.lowerBound
            while let lineBreak = ByteSearch.firstIndex(of: UInt8(ascii: "\n"), in: source, from: index, to: tex.upperBound) {
                output.append(UInt8(ascii: "\n"))
                output.append(contentsOf: Self.lineKeeper)
                index = lineBreak + 1
            }
        }
    }

    /// Appends the token of span `number`: `tokenStart`, the decimal digits, `tokenEnd`.
    private static func appendToken(_ number: Int, to output: inout [UInt8]) {
        var divisor = 1
        while divisor <= number / 10 { divisor *= 10 }
        output.append(0xEE)
        output.append(0x80)
        output.append(0x80)
        while divisor > 0 {
            output.append(UInt8(ascii: "0") + UInt8(number / divisor % 10))
            divisor /= 10
        }
        output.append(0xEE)
        output.append(0x80)
        output.append(0x81)
    }

    /// Appends the TeX of `span` between its dollars, as written in the source.
    func delimitedTeX(_ span: Span, into output: inout [UInt8]) {
        let dollars = span.display ? 2 : 1
        output.append(contentsOf: repeatElement(UInt8(ascii: "$"), count: dollars))
        output.append(contentsOf: source[span.tex])
        output.append(contentsOf: repeatElement(UInt8(ascii: "$"), count: dollars))
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
                    delimitedTeX(spans[number], into: &output)
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

    /// The span number of a token whose digits start at `start`, and the index after the token.
    static func number<Bytes: RandomAccessCollection<UInt8>>(in bytes: Bytes, from start: Int) -> (Int, Int)? where Bytes.Index == Int {
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
