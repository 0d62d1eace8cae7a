/// Putting math back into rendered HTML: one pass over the HTML bytes, jumping from token to
/// token, so text without math is copied in bulk.
extension MathProtector {
    /// Replaces tokens in rendered HTML by math elements (or by the TeX source inside a tag).
    func restore(inHTML html: String) -> String {
        var html = html
        return html.withUTF8 { restore(inHTML: $0) }
    }

    /// Replaces tokens in rendered HTML (UTF-8) by math elements (or by the TeX source inside a
    /// tag, where an element would break the markup).
    ///
    /// Whether a token lies inside a tag is decided by the nearest `<` or `>` before it; tokens
    /// themselves hold neither, so looking back no further than the previous token suffices.
    func restore(inHTML source: UnsafeBufferPointer<UInt8>) -> String {
        guard let index = Self.nextTokenLead(in: source, from: 0) else {
            return String(decoding: source, as: UTF8.self)
        }
        return self.source.withUnsafeBufferPointer { tex in
            restore(inHTML: source, firstToken: index, tex: tex)
        }
    }

    /// `restore(inHTML:)` from the first token lead byte (at `index`), with the Markdown the
    /// spans' TeX comes from as `tex`.
    private func restore(inHTML source: UnsafeBufferPointer<UInt8>, firstToken index: Int, tex: UnsafeBufferPointer<UInt8>) -> String {
        let count = source.count
        var index = index
        var output: [UInt8] = []
        output.reserveCapacity(count + spans.count * 48)
        var copied = 0
        // `insideTag` is the state just before `tagStateAt`.
        var insideTag = false
        var tagStateAt = 0
        while true {
            if index + 2 < count && source[index + 1] == 0x80 {
                let kind = source[index + 2]
                if kind == 0x80, let (number, after) = Self.number(in: source, from: index + 3), number < spans.count {
                    insideTag = Self.isInsideTag(source, before: index, lookingBackTo: tagStateAt, otherwise: insideTag)
                    tagStateAt = index
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: source[copied..<index]))
                    let span = spans[number]
                    Self.appendHTML(of: span, tex: UnsafeBufferPointer(rebasing: tex[span.tex]), insideTag: insideTag, to: &output)
                    index = after
                    copied = after
                } else if kind == 0x82 {
                    // A line keeper: drop it and the line break before it.
                    var end = index
                    if end > copied && source[end - 1] == UInt8(ascii: "\n") { end -= 1 }
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: source[copied..<end]))
                    index += 3
                    copied = index
                } else {
                    index += 1
                }
            } else {
                index += 1
            }
            guard let next = Self.nextTokenLead(in: source, from: index) else { break }
            index = next
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: source[copied..<count]))
        return String(decoding: output, as: UTF8.self)
    }

    /// The span as an element KaTeX typesets, or (inside a tag) as escaped TeX between dollars;
    /// `tex` is the span's TeX, taken from `source`.
    private static func appendHTML(of span: Span, tex: UnsafeBufferPointer<UInt8>, insideTag: Bool, to output: inout [UInt8]) {
        let open: StaticString
        let close: StaticString
        switch (insideTag, span.display) {
        case (true, true): (open, close) = ("$$", "$$")
        case (true, false): (open, close) = ("$", "$")
        case (false, true): (open, close) = (#"<span class="math display">\["#, #"\]</span>"#)
        case (false, false): (open, close) = (#"<span class="math inline">\("#, #"\)</span>"#)
        }
        append(open, to: &output)
        HTMLEscaping.appendText(tex, to: &output)
        append(close, to: &output)
    }

    private static func append(_ string: StaticString, to output: inout [UInt8]) {
        output.append(contentsOf: UnsafeBufferPointer(start: string.utf8Start, count: string.utf8CodeUnitCount))
    }

    /// The index of the next 0xEE byte (the lead byte of every token) at or after `start`.
    private static func nextTokenLead(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        ByteSearch.firstIndex(of: 0xEE, in: bytes, from: start, to: bytes.count)
    }

    /// Whether the nearest `<` or `>` in `bytes[floor..<index]` is a `<`; `otherwise` when there
    /// is neither.
    private static func isInsideTag(_ bytes: UnsafeBufferPointer<UInt8>, before index: Int, lookingBackTo floor: Int, otherwise: Bool) -> Bool {
        guard let nearest = ByteSearch.lastIndex(of: UInt8(ascii: "<"), UInt8(ascii: ">"), in: bytes, from: floor, to: index) else { return otherwise }
        return bytes[nearest] == UInt8(ascii: "<")
    }
}
