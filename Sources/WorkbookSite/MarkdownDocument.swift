import CMarkGFM
import CMarkMath
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Markdown parsed by cmark-gfm with the GFM extensions and the workbook's own math (and, for
/// prose, placeholder) extensions, which cmark-gfm runs while it parses inlines: math and
/// placeholders exist only where cmark-gfm itself reads prose.
///
/// This is the only file that talks to cmark-gfm's C API; the call order follows swift-markdown's
/// `CommonMarkConverter`: register the core extensions, create the parser, attach the extensions,
/// feed, finish, render with the parser's extension list, free. A document lives inside one
/// rendering call and never crosses a stage.
final class MarkdownDocument {
    private static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]
    /// Raw HTML passes (snippet outputs, inline SVG); footnotes; table alignment as `style`
    /// (the `align` attribute is obsolete in HTML5).
    private static let options =
        CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES

    private let parser: OpaquePointer
    let root: MarkdownNode
    /// Containers replaced by other blocks. Their inline children moved, but cmark's inline
    /// literals point into the container's own text buffer, so it is freed only after the
    /// document is.
    private var replacedContainers: [OpaquePointer] = []

    /// cmark-gfm keeps the inline parser's special characters in one global table, which each
    /// parse fills with its extensions' characters and clears again: two parses at once with
    /// different extensions would undo each other's (`{` lost for placeholders), so parses take
    /// turns.
    private static let parsing = NSLock()

    /// Parses `markdown`; `placeholders` attaches the placeholder extension, `math` the math one.
    init(_ markdown: String, math: Bool = true, placeholders: Bool) {
        var markdown = markdown
        cmark_gfm_core_extensions_ensure_registered()
        let parser: OpaquePointer = cmark_parser_new(Self.options)
        for name in Self.extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        if math { cmark_parser_attach_syntax_extension(parser, workbook_math_extension()) }
        if placeholders { cmark_parser_attach_syntax_extension(parser, workbook_placeholder_extension()) }
        Self.parsing.lock()
        markdown.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        let document: OpaquePointer = cmark_parser_finish(parser)
        Self.parsing.unlock()
        self.parser = parser
        root = MarkdownNode(pointer: document)
    }

    deinit {
        cmark_node_free(root.pointer)
        for container in replacedContainers { cmark_node_free(container) }
        cmark_parser_free(parser)
    }

    /// The document as HTML (UTF-8 from cmark's buffer).
    func renderHTML() -> String {
        guard let html = cmark_render_html(root.pointer, Self.options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(html) }
        // cmark's output is NUL-terminated (NUL in the input becomes U+FFFD), so strlen is its length.
        let count = strlen(html)
        return html.withMemoryRebound(to: UInt8.self, capacity: count) {
            String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self)
        }
    }

    /// The nodes a rendering acts on (see `workbook_collect_nodes`), found in one pass in C.
    func actionableNodes() -> [MarkdownNode] {
        var count = 0
        guard let nodes = workbook_collect_nodes(root.pointer, &count) else { return [] }
        defer { free(nodes) }
        return (0..<count).compactMap { nodes[$0].map(MarkdownNode.init) }
    }

    // MARK: Changing the tree

    /// Replaces a leaf (math, placeholder, code block, HTML block) by raw HTML, inline or block.
    func replace(_ node: MarkdownNode, withHTML html: String, block: Bool) {
        guard let replacement = cmark_node_new(block ? CMARK_NODE_HTML_BLOCK : CMARK_NODE_HTML_INLINE) else { return }
        cmark_node_set_literal(replacement, html)
        swap(node, for: replacement)
    }

    /// Replaces an inline leaf by text.
    func replace(_ node: MarkdownNode, withText text: String) {
        guard let replacement = cmark_node_new(CMARK_NODE_TEXT) else { return }
        cmark_node_set_literal(replacement, text)
        swap(node, for: replacement)
    }

    private func swap(_ node: MarkdownNode, for replacement: OpaquePointer) {
        cmark_node_replace(node.pointer, replacement)
        if node.isContainerOfInlines {
            replacedContainers.append(node.pointer)
        } else {
            cmark_node_free(node.pointer)
        }
    }

    /// Replaces a container by a block that writes `enter` and `exit` around the container's
    /// children, and returns the new block.
    @discardableResult
    func wrapChildren(of node: MarkdownNode, enter: String, exit: String) -> MarkdownNode? {
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return nil }
        cmark_node_set_on_enter(block, enter)
        cmark_node_set_on_exit(block, exit)
        while let child = cmark_node_first_child(node.pointer) {
            cmark_node_unlink(child)
            cmark_node_append_child(block, child)
        }
        cmark_node_replace(node.pointer, block)
        replacedContainers.append(node.pointer)
        return MarkdownNode(pointer: block)
    }

    /// Appends raw inline HTML to a container's children.
    func appendInlineHTML(_ html: String, to node: MarkdownNode) {
        guard let inline = cmark_node_new(CMARK_NODE_HTML_INLINE) else { return }
        cmark_node_set_literal(inline, html)
        cmark_node_append_child(node.pointer, inline)
    }

    /// Removes a node; a container among them waits for the document to be freed.
    func remove(_ node: MarkdownNode) {
        cmark_node_unlink(node.pointer)
        replacedContainers.append(node.pointer)
    }

    func setURL(_ url: String, of node: MarkdownNode) { cmark_node_set_url(node.pointer, url) }
    func setLiteral(_ text: String, of node: MarkdownNode) { cmark_node_set_literal(node.pointer, text) }
}

/// A node of a `MarkdownDocument`, seen as Swift values; valid while its document lives.
struct MarkdownNode {
    let pointer: OpaquePointer

    enum Kind: Equatable {
        case heading(level: Int), paragraph, blockQuote, codeBlock, htmlBlock, table, item
        case text, code, softBreak, lineBreak, htmlInline, link, image, footnoteReference
        case math, placeholder, other
    }

    var kind: Kind {
        let type = cmark_node_get_type(pointer)
        switch type {
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(pointer)))
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_CODE:
            if workbook_is_math(pointer) != 0 { return .math }
            if workbook_is_placeholder(pointer) != 0 { return .placeholder }
            return .code
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_LINK: return .link
        case CMARK_NODE_IMAGE: return .image
        case CMARK_NODE_FOOTNOTE_REFERENCE: return .footnoteReference
        default: return .other
        }
    }

    /// Headings and paragraphs own the text their inline children point into.
    fileprivate var isContainerOfInlines: Bool {
        let type = cmark_node_get_type(pointer)
        return type == CMARK_NODE_HEADING || type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_BLOCK_QUOTE
    }

    var firstChild: MarkdownNode? { cmark_node_first_child(pointer).map(MarkdownNode.init) }
    var next: MarkdownNode? { cmark_node_next(pointer).map(MarkdownNode.init) }
    var parent: MarkdownNode? { cmark_node_parent(pointer).map(MarkdownNode.init) }

    /// The text of a text, code, HTML or code-block node.
    var literal: String { cmark_node_get_literal(pointer).map { String(cString: $0) } ?? "" }
    var url: String { cmark_node_get_url(pointer).map { String(cString: $0) } ?? "" }
    var fenceInfo: String { cmark_node_get_fence_info(pointer).map { String(cString: $0) } ?? "" }

    /// The TeX of a math node, or the name of a placeholder node.
    var extensionText: String { String(cString: workbook_node_text(pointer)) }
    var isDisplayMath: Bool { workbook_math_is_display(pointer) != 0 }
    /// `$`, `$$` or `` $` `` … as written around a math node's TeX.
    var mathDelimiters: (String, String) {
        switch workbook_math_delimiter(pointer) {
        case 1: ("$$", "$$")
        case 2: ("$`", "`$")
        default: ("$", "$")
        }
    }
    var isUnterminatedPlaceholder: Bool { workbook_placeholder_is_unterminated(pointer) != 0 }

    /// The 1-based line and (byte) column where the node starts: the extensions' own record for
    /// math and placeholders, cmark's for other nodes (the enclosing block's when an inline has
    /// none).
    var position: (line: Int, column: Int) {
        if workbook_is_math(pointer) != 0 || workbook_is_placeholder(pointer) != 0 {
            return (Int(workbook_node_line(pointer)), Int(workbook_node_column(pointer)))
        }
        var current: OpaquePointer? = pointer
        while let candidate = current {
            let line = Int(cmark_node_get_start_line(candidate))
            if line > 0 {
                return (line, candidate == pointer ? Int(cmark_node_get_start_column(candidate)) : 0)
            }
            current = cmark_node_parent(candidate)
        }
        return (0, 0)
    }

    /// The node after this one in a depth-first walk of `root`'s descendants, skipping this
    /// node's children when `descend` is false.
    func nextInDocumentOrder(within root: MarkdownNode, descend: Bool = true) -> MarkdownNode? {
        if descend, let child = firstChild { return child }
        var current = self
        while current.pointer != root.pointer {
            if let sibling = current.next { return sibling }
            guard let parent = current.parent else { return nil }
            current = parent
        }
        return nil
    }

    /// Whether an ancestor is an image (whose children become its `alt` text).
    var isInsideImage: Bool { hasAncestor(of: CMARK_NODE_IMAGE) }
    /// Whether an ancestor is a link.
    var isInsideLink: Bool { hasAncestor(of: CMARK_NODE_LINK) }

    private func hasAncestor(of type: cmark_node_type) -> Bool {
        var current = parent
        while let node = current {
            if cmark_node_get_type(node.pointer) == type { return true }
            current = node.parent
        }
        return false
    }
}
