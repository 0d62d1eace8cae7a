import NoteKit

/// A formula as KaTeX needs it: its TeX and whether it is displayed.
struct MathFormula: Hashable, Sendable {
    var tex: String
    var display: Bool
}

/// A formula and where it is written (1-based line and column of its opening delimiter).
struct LocatedFormula: Equatable, Sendable {
    var formula: MathFormula
    var line: Int
    var column: Int
}

/// A piece of a heading or a paragraph: text, or a formula.
enum InlinePiece: Equatable, Sendable {
    case text(String)
    case math(MathFormula)
}

/// A heading with the anchor it was given.
struct RenderedHeading: Equatable, Sendable {
    var level: Int
    var anchor: String
    var pieces: [InlinePiece]
    /// The text as the slug sees it: placeholders expanded, math as written.
    var text: String
}

/// A located problem of a piece of Markdown (1-based line and column in its own text).
struct MarkdownProblem: Equatable, Sendable {
    /// What the problem is about: `check` reports links and images as `build` does.
    enum Kind: Equatable, Sendable { case link, image, other }

    var line: Int
    var column: Int
    var message: String
    var kind: Kind = .other
}

/// A local image a piece of Markdown shows.
struct ImageReference: Equatable, Sendable {
    var destination: String
    var line: Int
    var column: Int
}

/// The text under one heading (or before the first), for the search index.
struct SearchSection: Equatable, Sendable {
    var anchor: String?
    var title: String
    var text: String
}

/// What rendering a piece of Markdown produced: the HTML, and what the rest of the site needs
/// to know about it, as values.
struct RenderedMarkdown: Sendable {
    var html = ""
    var headings: [RenderedHeading] = []
    var formulas: [LocatedFormula] = []
    var images: [ImageReference] = []
    var problems: [MarkdownProblem] = []
    var sections: [SearchSection] = [SearchSection(anchor: nil, title: "", text: "")]
    /// Every `id` of the HTML (heading anchors, raw HTML ids, footnotes), in order.
    var ids: [String] = []
    /// The first top-level paragraph.
    var firstParagraph: [InlinePiece]?
}

/// Everything a rendering may look up; rendering itself does no I/O.
struct MarkdownEnvironment {
    /// Expands `{{…}}` in prose; `nil` for snippet outputs, where braces are text.
    var placeholders: PlaceholderExpander?
    /// Typeset formulas; a formula missing here becomes a `math` element holding its TeX.
    var math: [MathFormula: String] = [:]
    /// A link's new destination (`nil`: keep), or why it is broken.
    var rewriteLink: (String) -> Result<String?, LinkProblem> = { _ in .success(nil) }
    /// A local image's new destination (`nil`: keep), or why it is broken.
    var rewriteImage: (String) -> Result<String?, LinkProblem> = { _ in .success(nil) }
    /// The HTML of snippet `index` (its marker line stands in the prose), and what it adds.
    var snippet: ((Int, inout HeadingSlugger) -> RenderedMarkdown)? = nil
    /// Headings get an `id` and a self-link.
    var anchorsHeadings = true
    /// Record the search text and the page's ids (the site needs them; a lone render does not).
    var recordsPageFacts = true
    /// Math and placeholders are written back as typed (the conformance test compares the
    /// structure around them with cmark-gfm's).
    var keepsSource = false
}

/// A broken link or image, in words.
struct LinkProblem: Error, Equatable { var message: String }

/// Renders one piece of Markdown to HTML: math and placeholders as cmark-gfm parsed them, heading
/// anchors, asides, links and images rewritten, snippets spliced in; problems come back located.
enum MarkdownRenderer {
    static let markerPrefix = "<!--workbook-snippet:"
    static let markerSuffix = "-->"

    static func render(_ markdown: String, environment: MarkdownEnvironment, slugger: inout HeadingSlugger) -> RenderedMarkdown {
        let document = MarkdownDocument(markdown, placeholders: environment.placeholders != nil)
        var walk = TreeWalk(document: document, environment: environment)
        walk.run(slugger: &slugger)
        var result = walk.result
        result.html = document.renderHTML()
        if environment.recordsPageFacts { result.ids = Self.ids(in: result.html) }
        return result
    }

    /// The values of every `id="…"` attribute of `html`, in one pass over its bytes.
    static func ids(in html: String) -> [String] {
        var ids: [String] = []
        let pattern = Array(" id=\"".utf8)
        var html = html
        html.withUTF8 { bytes in
            var index = 0
            let count = bytes.count
            while index + pattern.count <= count {
                guard bytes[index] == pattern[0], bytes[index + 1] == pattern[1], bytes[index + 2] == pattern[2],
                      bytes[index + 3] == pattern[3], bytes[index + 4] == pattern[4] else {
                    index += 1
                    continue
                }
                var close = index + pattern.count
                while close < count && bytes[close] != UInt8(ascii: "\"") { close += 1 }
                ids.append(HTMLEscaping.unescape(String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + pattern.count)..<close]), as: UTF8.self)))
                index = close
            }
        }
        return ids
    }

    /// The math element for a formula: KaTeX's HTML when typeset, else its TeX for a reader.
    static func mathHTML(_ formula: MathFormula, typeset: [MathFormula: String]) -> String {
        let inner = typeset[formula] ?? (formula.display ? "\\[" : "\\(") + HTMLEscaping.text(formula.tex) + (formula.display ? "\\]" : "\\)")
        return "<span class=\"math \(formula.display ? "display" : "inline")\">\(inner)</span>"
    }

    /// Text and formulas as HTML.
    static func html(of pieces: [InlinePiece], typeset: [MathFormula: String]) -> String {
        pieces.map {
            switch $0 {
            case .text(let text): HTMLEscaping.text(text)
            case .math(let formula): mathHTML(formula, typeset: typeset)
            }
        }.joined()
    }
}

/// One depth-first pass over a document: records what the page needs, then changes the tree.
private struct TreeWalk {
    let document: MarkdownDocument
    let environment: MarkdownEnvironment
    var result = RenderedMarkdown()
    private var changes: [() -> Void] = []
    /// A page repeats a few placeholders many times: each name is expanded once.
    private let expansions = PlaceholderValues()
    /// Search text from the next block starts after a space.
    private var startsNewBlock = false

    init(document: MarkdownDocument, environment: MarkdownEnvironment) {
        self.document = document
        self.environment = environment
    }

    mutating func run(slugger: inout HeadingSlugger) {
        if environment.recordsPageFacts {
            runOverEveryNode(slugger: &slugger)
        } else {
            // Without search text, only some nodes matter: C finds them in one pass.
            for node in document.actionableNodes() {
                _ = visitBlock(node, slugger: &slugger) ?? { visitInline(node); return node }()
            }
        }
        for change in changes { change() }
    }

    private mutating func runOverEveryNode(slugger: inout HeadingSlugger) {
        let root = document.root
        var next = root.firstChild
        while let node = next {
            if let current = visitBlock(node, slugger: &slugger) {
                var descend = true
                if case .heading = node.kind {
                    descend = false
                    visitInlines(of: current, searchable: false)
                }
                next = current.nextInDocumentOrder(within: root, descend: descend)
                continue
            }
            switch node.kind {
            case .paragraph:
                startsNewBlock = true
                if result.firstParagraph == nil, node.parent?.pointer == root.pointer {
                    result.firstParagraph = inlinePieces(of: node)
                }
            case .other, .item, .table:
                startsNewBlock = true
            default:
                // An inline leaf may be replaced on the spot: step past it first.
                next = node.nextInDocumentOrder(within: root)
                visitInline(node)
                continue
            }
            next = node.nextInDocumentOrder(within: root)
        }
    }

    /// Handles a heading, block quote, code block or HTML block, and returns the node that now
    /// stands in its place; `nil` for any other node.
    private mutating func visitBlock(_ node: MarkdownNode, slugger: inout HeadingSlugger) -> MarkdownNode? {
        switch node.kind {
        case .heading(let level):
            let pieces = inlinePieces(of: node)
            let text = plainText(pieces)
            let anchor = slugger.slug(for: text)
            result.headings.append(RenderedHeading(level: level, anchor: anchor, pieces: pieces, text: text))
            result.sections.append(SearchSection(anchor: anchor, title: text, text: ""))
            startsNewBlock = true
            guard environment.anchorsHeadings else { return node }
            let escaped = HTMLEscaping.attribute(anchor)
            guard let block = document.wrapChildren(of: node, enter: "<h\(level) id=\"\(escaped)\">", exit: "</h\(level)>") else { return node }
            document.appendInlineHTML(" <a class=\"anchor\" href=\"#\(escaped)\" aria-label=\"Link to this section\">#</a>", to: block)
            return block
        case .blockQuote:
            guard let aside = AsideKind.detect(in: node, document: document) else { return node }
            return document.wrapChildren(
                of: node, enter: "<aside class=\"callout callout-\(aside.rawValue)\">\n<p class=\"callout-title\">\(aside.title)</p>\n",
                exit: "</aside>\n") ?? node
        case .codeBlock:
            let info = node.fenceInfo.split(separator: " ").first.map { $0.lowercased() }
            if info == "math" {
                var tex = node.literal
                if tex.hasSuffix("\n") { tex.removeLast() }
                let formula = MathFormula(tex: tex, display: true)
                let (line, _) = node.position
                result.formulas.append(LocatedFormula(formula: formula, line: line + 1, column: 1))
                let html = "<p>" + MarkdownRenderer.mathHTML(formula, typeset: environment.math) + "</p>\n"
                changes.append { [document] in document.replace(node, withHTML: html, block: true) }
            } else {
                startsNewBlock = true
                appendSearchText(node.literal)
            }
            return node
        case .htmlBlock:
            if let index = Self.snippetIndex(node.literal), let snippet = environment.snippet {
                let rendered = snippet(index, &slugger)
                merge(rendered)
                changes.append { [document] in document.replace(node, withHTML: rendered.html, block: true) }
            }
            return node
        default:
            return nil
        }
    }

    /// Visits the inline descendants of a container whose own handling is done.
    private mutating func visitInlines(of container: MarkdownNode, searchable: Bool) {
        var next = container.firstChild
        while let node = next {
            next = node.nextInDocumentOrder(within: container)
            visitInline(node, searchable: searchable)
        }
    }

    private mutating func visitInline(_ node: MarkdownNode, searchable: Bool = true) {
        switch node.kind {
        case .text, .code:
            if searchable { appendSearchText(node.literal) }
        case .softBreak, .lineBreak:
            if searchable { appendSearchText(" ") }
        case .math:
            let tex = node.extensionText
            if node.isInsideImage || environment.keepsSource {
                let (open, close) = node.mathDelimiters
                document.replace(node, withText: open + tex + close)
                return
            }
            let formula = MathFormula(tex: tex, display: node.isDisplayMath)
            let (line, column) = node.extensionPosition
            result.formulas.append(LocatedFormula(formula: formula, line: line, column: column))
            if searchable { appendSearchText(tex) }
            // Formulas not typeset are rendered by the extension itself, as `mathHTML` would.
            if !environment.math.isEmpty, let typeset = environment.math[formula] {
                document.replace(node, withHTML: "<span class=\"math \(formula.display ? "display" : "inline")\">\(typeset)</span>", block: false)
            }
        case .placeholder:
            let (line, column) = node.extensionPosition
            let text: String
            switch expand(node) {
            case .success(let value): text = value
            case .failure(let problem):
                result.problems.append(MarkdownProblem(line: line, column: column, message: problem.message))
                text = node.isUnterminatedPlaceholder ? "{{" : "{{\(node.extensionText)}}"
            }
            if searchable { appendSearchText(text) }
            let shown = environment.keepsSource ? (node.isUnterminatedPlaceholder ? "{{" : "{{\(node.extensionText)}}") : text
            document.replace(node, withText: shown)
        case .link:
            let destination = node.url
            let (line, column) = node.position
            switch environment.rewriteLink(destination) {
            case .success(let rewritten?): document.setURL(rewritten, of: node)
            case .success(nil): break
            case .failure(let problem): result.problems.append(MarkdownProblem(line: line, column: column, message: problem.message, kind: .link))
            }
        case .image:
            let destination = node.url
            let (line, column) = node.position
            if ImageReference.isLocal(destination) {
                result.images.append(ImageReference(destination: destination, line: line, column: column))
            }
            switch environment.rewriteImage(destination) {
            case .success(let rewritten?): document.setURL(rewritten, of: node)
            case .success(nil): break
            case .failure(let problem): result.problems.append(MarkdownProblem(line: line, column: column, message: problem.message, kind: .image))
            }
        default:
            break
        }
    }

    private func expand(_ node: MarkdownNode) -> Result<String, PlaceholderExpander.Failure> {
        guard let expander = environment.placeholders else { return .success("{{\(node.extensionText)}}") }
        if node.isUnterminatedPlaceholder { return .failure(PlaceholderExpander.unterminated) }
        return expansions.value(of: node.extensionText, expander: expander)
    }

    /// A heading's or paragraph's inline content as text and formulas.
    private func inlinePieces(of container: MarkdownNode) -> [InlinePiece] {
        var pieces: [InlinePiece] = []
        var text = ""
        var next = container.firstChild
        while let node = next {
            switch node.kind {
            case .text, .code: text += node.literal
            case .softBreak, .lineBreak: text += " "
            case .placeholder: text += (try? expand(node).get()) ?? "{{\(node.extensionText)}}"
            case .math:
                if node.isInsideImage { break }
                if !text.isEmpty { pieces.append(.text(text)); text = "" }
                pieces.append(.math(MathFormula(tex: node.extensionText, display: node.isDisplayMath)))
            default: break
            }
            next = node.nextInDocumentOrder(within: container)
        }
        if !text.isEmpty { pieces.append(.text(text)) }
        return pieces
    }

    private func plainText(_ pieces: [InlinePiece]) -> String {
        pieces.map {
            switch $0 {
            case .text(let text): text
            case .math(let formula): formula.display ? "$$\(formula.tex)$$" : "$\(formula.tex)$"
            }
        }.joined()
    }

    private mutating func appendSearchText(_ text: @autoclosure () -> String) {
        guard environment.recordsPageFacts else { return }
        let text = text()
        let index = result.sections.count - 1
        if startsNewBlock, !result.sections[index].text.isEmpty { result.sections[index].text += " " }
        startsNewBlock = false
        result.sections[index].text += text
    }

    /// Adds a snippet's headings, formulas, problems and search text, in document order.
    private mutating func merge(_ rendered: RenderedMarkdown) {
        result.headings += rendered.headings
        result.formulas += rendered.formulas
        result.images += rendered.images
        result.problems += rendered.problems
        if let first = rendered.sections.first, !first.text.isEmpty {
            startsNewBlock = true
            appendSearchText(first.text)
        }
        result.sections += rendered.sections.dropFirst()
    }

    /// The snippet number of a marker block (`<!--workbook-snippet:3-->`).
    private static func snippetIndex(_ literal: String) -> Int? {
        guard literal.hasPrefix(MarkdownRenderer.markerPrefix) else { return nil }
        let rest = literal.dropFirst(MarkdownRenderer.markerPrefix.count)
        guard let close = rest.range(of: MarkdownRenderer.markerSuffix) else { return nil }
        return Int(rest[..<close.lowerBound])
    }
}

extension ImageReference {
    /// Whether an image destination names a file of the workbook (no scheme, not absolute).
    static func isLocal(_ destination: String) -> Bool {
        !destination.isEmpty && !destination.hasPrefix("/") && !destination.hasPrefix("#")
            && !LinkRewriter.hasScheme(destination)
    }
}
