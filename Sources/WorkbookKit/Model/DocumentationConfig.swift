/// `snippets = …`: which snippets of a chapter share a program.
public enum SnippetGrouping: String, Sendable, Equatable, CaseIterable {
    /// Every snippet of a chapter without `env=` is in one program (the default).
    case shared
    /// Every snippet without `env=` is a program of its own.
    case isolated
    /// Every snippet of a chapter without `env=` is in one program, as the cells of a REPL
    /// session: each sees what the earlier ones declared, may declare a name again, and fails
    /// alone (see `NotebookScoping`, `NotebookRunner`).
    case notebook
}

/// `prints = …`: what `// Prints` comments in snippets mean.
public enum PrintsMode: String, Sendable, Equatable, CaseIterable {
    /// They are comments (the default).
    case ignore
    /// They state the snippet's output and are checked and promoted.
    case check
}

/// `swifttest = …`: whether the `swifttest` blocks kept in HTML comments under listings
/// (The Swift Programming Language's tests) run.
public enum SwifttestMode: String, Sendable, Equatable, CaseIterable {
    /// They are comments (the default).
    case ignore
    /// Each test name's blocks run as one program and are checked against their markers;
    /// a listing right above its blocks is not run itself, and must show their code.
    case check
}

/// The `workbook.toml` keys for chapters written like Swift documentation: `snippets`,
/// `prints` and `filters`.
public struct DocumentationConfig: Sendable, Equatable {
    /// `snippets`: which snippets share a program.
    public var snippets: SnippetGrouping = .shared
    /// `imports`: modules every program of every chapter imports, not shown on the page.
    public var imports: [String] = []
    /// `prints`: whether `// Prints` comments are checked.
    public var prints: PrintsMode = .ignore
    /// `filters`: replacements applied to every line of actual and expected outputs before
    /// they are compared, in order.
    public var filters: [OutputFilter] = []
    /// `swifttest`: whether `swifttest` blocks run.
    public var swifttest: SwifttestMode = .ignore

    public init(snippets: SnippetGrouping = .shared, prints: PrintsMode = .ignore, filters: [OutputFilter] = [],
                imports: [String] = []) {
        self.snippets = snippets
        self.imports = imports
        self.prints = prints
        self.filters = filters
    }

    /// How outputs are compared under these settings.
    public var matcher: OutputMatcher { OutputMatcher(filters: filters) }

    /// The comparison of `check` under these settings.
    public var comparison: OutputComparison { OutputComparison(matcher: matcher, prints: prints == .check) }
}
