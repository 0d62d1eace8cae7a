import CMarkGFM

/// A heading of a parsed Markdown document.
struct MarkdownHeading: Sendable, Equatable {
    /// 1 for `#`, 2 for `##`, …
    var level: Int
    /// The heading's text without markup.
    var text: String
    /// The 1-based line of the document where the heading starts.
    var line: Int
}

/// A link (not an image) of a parsed Markdown document.
struct MarkdownLink: Sendable, Equatable {
    /// The destination as written (`./02-ewa.md#bias`).
    var destination: String
    /// The 1-based line where the link's paragraph or cell line starts (cmark's position).
    var line: Int
    /// The 1-based column of the link, or 0 when cmark does not know it.
    var column: Int
}

/// A Markdown document parsed by cmark-gfm with the GFM extensions, whose heading anchors and
/// link destinations can be set before it is rendered to HTML.
///
/// This is the only file that talks to cmark-gfm's C API; the call order follows swift-markdown's
/// `CommonMarkConverter`: register the core extensions, create the parser, attach the extensions,
/// feed, finish, render with the parser's extension list, free.
final class MarkdownDocument {
    private static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]
    /// Raw HTML passes (snippet outputs, inline SVG); footnotes; table alignment as `style`
    /// (the `align` attribute is obsolete in HTML5).
    private static let options =
        CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES

    private let parser: OpaquePointer
    private let root: OpaquePointer
    private var headingNodes: [OpaquePointer] = []
    private var linkNodes: [OpaquePointer] = []
    /// Heading nodes replaced by anchored blocks. Their inline children moved to the new
    /// blocks, but cmark's inline literals (raw HTML among them) point into the heading's own
    /// text buffer, so the heading is freed only after the document is.
    private var replacedHeadings: [OpaquePointer] = []

    /// The headings in document order.
    private(set) var headings: [MarkdownHeading] = []
    /// The links in document order.
    private(set) var links: [MarkdownLink] = []
    /// The text of the first top-level paragraph, without markup.
    private(set) var firstParagraphText: String?

    /// Parses `markdown`.
    convenience init(markdown: String) {
        var markdown = markdown
        let parser = Self.makeParser()
        markdown.withUTF8 { Self.feed(parser, $0) }
        self.init(finishing: parser)
    }

    /// Parses Markdown given as UTF-8 bytes.
    convenience init(utf8 markdown: [UInt8]) {
        let parser = Self.makeParser()
        markdown.withUnsafeBufferPointer { Self.feed(parser, $0) }
        self.init(finishing: parser)
    }

    /// Takes over `parser`, already fed, and finishes the document.
    private init(finishing parser: OpaquePointer) {
        self.parser = parser
        root = cmark_parser_finish(parser)
        collect()
    }

    private static func makeParser() -> OpaquePointer {
        cmark_gfm_core_extensions_ensure_registered()
        let parser: OpaquePointer = cmark_parser_new(options)
        for name in extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        return parser
    }

    private static func feed(_ parser: OpaquePointer, _ bytes: UnsafeBufferPointer<UInt8>) {
        bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
    }

    deinit {
        cmark_node_free(root)
        for heading in replacedHeadings { cmark_node_free(heading) }
        cmark_parser_free(parser)
    }

    /// Records headings, links and the first top-level paragraph in one depth-first walk, in
    /// document order. It follows child and sibling pointers instead of using an iterator: a
    /// node is visited once (an iterator also stops on the way out of every container).
    private func collect() {
        var node = cmark_node_first_child(root)
        while let current = node {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_HEADING {
                headingNodes.append(current)
                headings.append(MarkdownHeading(
                    level: Int(cmark_node_get_heading_level(current)), text: Self.plainText(of: current),
                    line: Int(cmark_node_get_start_line(current))))
            } else if type == CMARK_NODE_LINK {
                linkNodes.append(current)
                let url = cmark_node_get_url(current).map { String(cString: $0) } ?? ""
                links.append(MarkdownLink(
                    destination: url, line: Self.line(of: current), column: Int(cmark_node_get_start_column(current))))
            } else if type == CMARK_NODE_PARAGRAPH, firstParagraphText == nil,
                      cmark_node_parent(current) == root {
                firstParagraphText = Self.plainText(of: current)
            }
            node = Self.nextInDocumentOrder(after: current, within: root)
        }
    }

    /// The node after `node` in a depth-first walk of `root`'s descendants: its first child, else
    /// the next sibling of it or of its nearest ancestor that has one; `nil` at the end.
    private static func nextInDocumentOrder(after node: OpaquePointer, within root: OpaquePointer) -> OpaquePointer? {
        if let child = cmark_node_first_child(node) { return child }
        var current = node
        while current != root {
            if let sibling = cmark_node_next(current) { return sibling }
            guard let parent = cmark_node_parent(current) else { return nil }
            current = parent
        }
        return nil
    }

    /// The line of an inline node: its own when cmark recorded one, else its block's.
    private static func line(of node: OpaquePointer) -> Int {
        var current: OpaquePointer? = node
        while let candidate = current {
            let line = Int(cmark_node_get_start_line(candidate))
            if line > 0 { return line }
            current = cmark_node_parent(candidate)
        }
        return 0
    }

    private static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                if let literal = cmark_node_get_literal(child) { text += String(cString: literal) }
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += " "
            }
        }
        return text
    }

    /// Gives the headings (in document order) an `id` and a self-link.
    func setHeadingAnchors(_ anchors: [String]) {
        for (node, anchor) in zip(headingNodes, anchors) {
            let level = cmark_node_get_heading_level(node)
            guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            let escaped = HTMLEscaping.attribute(anchor)
            cmark_node_set_on_enter(block, "<h\(level) id=\"\(escaped)\">")
            cmark_node_set_on_exit(block, "</h\(level)>")
            while let child = cmark_node_first_child(node) {
                cmark_node_unlink(child)
                cmark_node_append_child(block, child)
            }
            if let selfLink = cmark_node_new(CMARK_NODE_HTML_INLINE) {
                cmark_node_set_literal(selfLink, " <a class=\"anchor\" href=\"#\(escaped)\" aria-label=\"Link to this section\">#</a>")
                cmark_node_append_child(block, selfLink)
            }
            cmark_node_replace(node, block)
            replacedHeadings.append(node)
        }
        headingNodes = []
    }

    /// Sets the destination of every link (in document order) for which `rewrite` returns one.
    func rewriteLinks(_ rewrite: (Int, MarkdownLink) -> String?) {
        for (index, node) in linkNodes.enumerated() {
            if let destination = rewrite(index, links[index]) { cmark_node_set_url(node, destination) }
        }
    }

    /// The document as HTML.
    func renderHTML() -> String {
        withRenderedHTML { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the document rendered as HTML (UTF-8, in cmark's buffer, which is
    /// freed when `body` returns).
    func withRenderedHTML<Value>(_ body: (UnsafeBufferPointer<UInt8>) -> Value) -> Value {
        guard let html = cmark_render_html(root, Self.options, cmark_parser_get_syntax_extensions(parser)) else {
            return body(UnsafeBufferPointer(start: nil, count: 0))
        }
        defer { free(html) }
        // cmark's output is NUL-terminated (NUL in the input becomes U+FFFD), so strlen is its length.
        let count = strlen(html)
        return html.withMemoryRebound(to: UInt8.self, capacity: count) {
            body(UnsafeBufferPointer(start: $0, count: count))
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
