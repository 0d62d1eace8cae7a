/// A fenced code block whose info string starts with `swift`: code the workbook runs.
public struct Snippet: Sendable, Equatable {
    /// The position of the snippet among its chapter's snippets, from 0.
    public var index: Int
    /// The 1-based line of the opening fence.
    public var fenceLine: Int
    /// The code between the fences, each line ending in `\n`.
    public var code: String
    /// The 1-based line of the first code line (the fence line + 1).
    public var codeFirstLine: Int
    /// The options written after `swift` in the info string.
    public var options: SnippetOptions
    /// The 0-based, half-open range of source lines of the snippet, fences included.
    public var lineRange: Range<Int>
    /// The output recorded after the snippet in the source, if any.
    public var recorded: RecordedOutput?
    /// Whether the snippet lies inside a block quote or a list item (a listing in a note):
    /// it runs like any other, is shown as part of the prose around it, and its output is
    /// never recorded; it is checked through its `// Prints` comments only.
    public var nested = false
    /// The `swifttest` block this hidden snippet runs (`swifttest = "check"`): it lies inside an
    /// HTML comment of the prose, is never shown, recorded or promoted, and is checked against
    /// the block's markers (see `SwifttestCheck`).
    public var swifttest: SwifttestBlock? = nil
    /// Whether `swifttest` blocks under this listing test it (`swifttest = "check"`): it is
    /// shown, and not run itself (`norun`); its test runs its code.
    public var tested = false
    /// Where the listing's code differs from the code its `swifttest` blocks test.
    public var drift: ListingDrift? = nil

    /// Whether the snippet is shown as part of the prose around it (inside a quote, a list
    /// item or an HTML comment) rather than in a place of its own.
    public var inProse: Bool { nested || swifttest != nil }

    public init(
        index: Int, fenceLine: Int, code: String, codeFirstLine: Int,
        options: SnippetOptions, lineRange: Range<Int>, recorded: RecordedOutput?
    ) {
        self.index = index
        self.fenceLine = fenceLine
        self.code = code
        self.codeFirstLine = codeFirstLine
        self.options = options
        self.lineRange = lineRange
        self.recorded = recorded
    }
}

/// How a snippet is shown and what its printed text means.
public struct SnippetOptions: Sendable, Equatable, Hashable {
    /// `hide`: run the code but do not show it on the page.
    public var hide: Bool = false
    /// `norun`: show the code but do not run it.
    public var norun: Bool = false
    /// `output=…`: how the printed text is recorded and rendered.
    public var output: OutputKind = .text
    /// `env=NAME`, `expect=error|crash`: the snippet's program and the failure it must show.
    public var documentation = DocumentationOptions()
    /// `signature`, or found without the option: declarations without bodies, shown and
    /// checked against the package's products, never run (such a snippet is also `norun`).
    public var signature: Bool = false
    /// `compile`: the snippet is compiled with its program, in order, but its statements are
    /// not run (its declarations stay visible to later snippets).
    public var compileOnly: Bool = false
    /// The snippet's code has an editor placeholder (`<#name#>`): it is shown, marked as a
    /// template, and not run (`norun` is set with it). Found in the code, not an option word.
    public var template: Bool = false

    public init(hide: Bool = false, norun: Bool = false, output: OutputKind = .text,
                documentation: DocumentationOptions = DocumentationOptions(),
                compileOnly: Bool = false, template: Bool = false) {
        self.hide = hide
        self.norun = norun
        self.output = output
        self.documentation = documentation
        self.compileOnly = compileOnly
        self.template = template
    }
}

/// What a snippet's printed text is.
public enum OutputKind: String, Sendable, Equatable, Hashable, CaseIterable {
    /// Plain text, recorded in a fenced block with info string `output`.
    case text
    /// Markdown (a table, a list), recorded between `<!-- output -->` and `<!-- /output -->`.
    case markdown
    /// Raw HTML (an inline SVG plot), recorded between `<!-- output -->` and `<!-- /output -->`.
    case html
    /// Printed text is discarded and nothing is recorded.
    case none
}

/// The output recorded after a snippet in a chapter's source.
public struct RecordedOutput: Sendable, Equatable {
    /// The recorded text, each line ending in `\n`.
    public var text: String
    /// How the block is written in the source.
    public var style: RecordedOutputStyle
    /// The 0-based, half-open range of source lines of the recorded block (markers or fences
    /// included), not counting the blank lines that separate it from the snippet.
    public var lineRange: Range<Int>

    public init(text: String, style: RecordedOutputStyle, lineRange: Range<Int>) {
        self.text = text
        self.style = style
        self.lineRange = lineRange
    }
}

/// The two ways an output is recorded in a chapter.
public enum RecordedOutputStyle: Sendable, Equatable {
    /// A fenced block with info string `output` (for `output=text`).
    case fenced
    /// Lines between `<!-- output -->` and `<!-- /output -->` (for `output=markdown` and `html`).
    case markers

    /// The style in which output of `kind` is recorded; `nil` for `output=none`.
    public init?(for kind: OutputKind) {
        switch kind {
        case .text: self = .fenced
        case .markdown, .html: self = .markers
        case .none: return nil
        }
    }
}
