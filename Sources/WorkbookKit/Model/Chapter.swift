/// One Markdown file of a workbook, split into prose and snippets.
public struct Chapter: Sendable, Equatable {
    /// The path relative to the workbook root, as printed in diagnostics (`chapters/02-ewa.md`).
    public var path: String
    /// The file's exact text; `promote` rewrites it and nothing else.
    public var source: String
    /// The chapter's blocks in source order.
    public var blocks: [ChapterBlock]
    /// When the chapter is a page of a DocC catalog (`chapters = "TSPL.docc"`): the catalog's
    /// images by bare name, paths relative to the catalog folder; `nil` otherwise.
    public var catalogImages: [String: CatalogImage]? = nil
    /// Modules the chapter's programs import besides the workbook's `imports` (the products,
    /// for the examples of a source file's doc comments).
    public var imports: [String] = []
    /// Whether the chapter stands for the doc comment examples of a Swift source file
    /// (`doc_comments = "check"`): `path` names that file, which is never rewritten.
    public var isSourceFile = false

    public init(path: String, source: String, blocks: [ChapterBlock]) {
        self.path = path
        self.source = source
        self.blocks = blocks
    }

    /// Whether the chapter is a page of a DocC catalog.
    public var inCatalog: Bool { catalogImages != nil }

    /// The folder of the chapter relative to its catalog's folder, as `../` steps
    /// (`TSPL.docc/LanguageGuide/TheBasics.md` → `../`).
    public var pathToCatalog: String {
        let components = path.split(separator: "/")
        guard let catalog = components.firstIndex(where: { $0.hasSuffix(".docc") }) else { return "" }
        return String(repeating: "../", count: max(0, components.count - catalog - 2))
    }

    /// The file name without folder (`02-ewa.md`).
    public var fileName: String { String(path.split(separator: "/").last ?? Substring(path)) }

    /// The file name without its `.md` extension (`02-ewa`), which names the rendered page.
    public var slug: String {
        fileName.hasSuffix(".md") ? String(fileName.dropLast(3)) : fileName
    }

    /// The snippets in source order; `snippets[i].index == i`.
    public var snippets: [Snippet] {
        blocks.compactMap { if case .snippet(let snippet) = $0 { snippet } else { nil } }
    }
}

/// A run of a chapter: either Markdown prose or a snippet with its recorded output.
public enum ChapterBlock: Sendable, Equatable {
    case prose(Prose)
    case snippet(Snippet)
}

/// Markdown text between snippets, kept verbatim with the line it starts on.
public struct Prose: Sendable, Equatable {
    /// The text, lines joined with their original line terminators.
    public var text: String
    /// The 1-based line of the chapter where `text` starts.
    public var firstLine: Int

    public init(text: String, firstLine: Int) {
        self.text = text
        self.firstLine = firstLine
    }
}
