/// Markdown made ready for cmark-gfm: placeholders expanded and math replaced by tokens.
struct PreparedMarkdown {
    /// The Markdown to parse, as UTF-8.
    var bytes: [UInt8]
    var math: MathProtector
    /// Placeholder problems, located in the original text (1-based line and column).
    var problems: [(line: Int, column: Int, message: String)]

    /// The Markdown to parse, as a string.
    var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// Runs the prose preprocessing stages over one Markdown text: outside code, expand placeholders
/// (when an expander is given) and protect math.
struct ProsePreparer {
    /// `nil` for snippet outputs, whose text is printed by code and never holds placeholders.
    let expander: PlaceholderExpander?

    func prepare(_ markdown: String) -> PreparedMarkdown {
        let bytes = Array(markdown.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 16)
        var math = MathProtector(source: bytes)
        var problems: [PlaceholderExpander.Problem] = []
        var values = PlaceholderExpander.Values()
        bytes.withUnsafeBufferPointer { buffer in
            for segment in ProseScanner(bytes: buffer).segments() {
                switch segment {
                case .code(let range):
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[range]))
                case .math(_, let tex, let display):
                    math.protect(tex: tex, display: display, into: &output)
                case .text(let range):
                    if let expander {
                        expander.expand(buffer, range, into: &output, problems: &problems, values: &values)
                    } else {
                        output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[range]))
                    }
                }
            }
        }
        let located = problems.map { problem in
            let (line, column) = Self.position(of: problem.offset, in: bytes)
            return (line: line, column: column, message: problem.message)
        }
        return PreparedMarkdown(bytes: output, math: math, problems: located)
    }

    /// The 1-based line and column (in characters) of a byte offset.
    static func position(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
        return (line, column)
    }
}
