/// A callout: a block quote that starts with a GitHub alert (`> [!NOTE]`) or a DocC aside
/// (`> Note: …`).
enum AsideKind: String, CaseIterable {
    case note, tip, important, warning, caution

    var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    /// DocC spells these four as `Note:`…; `Caution` is GitHub's only.
    private static let docCKinds: [AsideKind] = [.note, .tip, .important, .warning]

    /// The aside a block quote opens with, with its marker removed from the quote's first
    /// paragraph; `nil` (and the quote untouched) for an ordinary quote.
    static func detect(in quote: MarkdownNode, document: MarkdownDocument) -> AsideKind? {
        guard let paragraph = quote.firstChild, paragraph.kind == .paragraph else { return nil }
        // The leading text, which cmark splits at `[`, `!` and `]`.
        var leading: [MarkdownNode] = []
        var text = ""
        var next = paragraph.firstChild
        while let node = next, node.kind == .text {
            leading.append(node)
            text += node.literal
            next = node.next
        }
        let lineEnds = next == nil || next?.kind == .softBreak || next?.kind == .lineBreak
        if text.hasPrefix("[!"), text.hasSuffix("]"), lineEnds,
           let kind = AsideKind(rawValue: text.dropFirst(2).dropLast().lowercased()) {
            for node in leading { document.remove(node) }
            if let lineBreak = next { document.remove(lineBreak) }
            if paragraph.firstChild == nil { document.remove(paragraph) }
            return kind
        }
        for kind in docCKinds where text.hasPrefix(kind.title + ":") {
            var toDrop = kind.title.count + 1
            for node in leading where toDrop > 0 {
                var literal = Substring(node.literal)
                let dropped = min(toDrop, literal.count)
                literal = literal.dropFirst(dropped)
                toDrop -= dropped
                if toDrop == 0 { literal = literal.drop(while: { $0 == " " }) }
                if literal.isEmpty { document.remove(node) } else { document.setLiteral(String(literal), of: node) }
            }
            return kind
        }
        return nil
    }
}
