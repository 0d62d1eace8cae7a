import Foundation

/// The settings of `workbook.toml`, as typed values read once; every key is optional.
public struct WorkbookConfig: Sendable, Equatable {
    /// `title`: the workbook's title, shown on every page.
    public var title: String = "Workbook"
    /// `description`: a short introduction shown on the index page (Markdown).
    public var description: String = ""
    /// `chapters`: the folder of chapter files, relative to the root.
    public var chaptersFolder: String = "chapters"
    /// `output`: the site folder, relative to the root.
    public var outputFolder: String = "site"
    /// `package`: the folder of a SwiftPM package (relative to the root) whose library
    /// `products` snippets may import; `nil` is plain Swift.
    public var package: String? = nil
    /// `products`: the library products of `package` that are built for chapter programs.
    public var products: [String] = []
    /// `timeout`: seconds a chapter's program may run.
    public var timeout: Double = 60
    /// `date_format`: the format of `{{DATE_PRETTY}}` (a Unicode date pattern).
    public var dateFormat: String = "EEEE, MMMM d, yyyy"
    /// `time_zone`: the time zone in which "today" is taken (written as an IANA name).
    public var timeZone: TimeZone = TimeZone(identifier: "UTC")!
    /// `repo_start`: the day `{{DAYS_SINCE_REPO_START}}` counts from (`YYYY-MM-DD`), overriding git.
    public var repoStart: CalendarDay? = nil
    /// The 1-based line of each key written in `workbook.toml`, so that a value found wrong
    /// later (a `package` folder without `Package.swift`) is reported where it is written.
    public var keyLines: [String: Int] = [:]

    /// The location of `key` in `workbook.toml` for an error: its line and column 1, or the
    /// whole file when the key is not written.
    public func location(of key: String) -> (line: Int, column: Int) {
        guard let line = keyLines[key], line > 0 else { return (0, 0) }
        return (line, 1)
    }
    /// `inputs`: globs of data files (relative to the root) whose contents join every chapter's cache key.
    public var inputs: [String] = []
    /// `snippets`, `prints`, `filters`: how documentation-style chapters run and are checked.
    public var documentation = DocumentationConfig()
    /// `doc_comments`: whether `check` also runs the code examples of the doc comments of the
    /// products' source files.
    public var docComments: DocCommentsMode = .ignore

    public init() {}
}

/// `doc_comments = …`: what the code examples in the products' doc comments are.
public enum DocCommentsMode: String, Sendable, Equatable, CaseIterable {
    /// Comments (the default).
    case ignore
    /// `check` and `promote` run them and check them; `build` leaves them out.
    case check
}
