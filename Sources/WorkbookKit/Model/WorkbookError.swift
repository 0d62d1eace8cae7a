/// A problem a user can hit, located in a file, printed in the compiler's form.
///
/// `description` is `path:line:col: error: message`, followed by the underlying output
/// (a compiler message or a stderr excerpt), indented, when there is one.
public struct WorkbookError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file, relative to the workbook root where it lies inside it (`chapters/02-x.md`).
    public var path: String
    /// 1-based line; 0 when the problem concerns the whole file.
    public var line: Int
    /// 1-based column; 0 when unknown.
    public var column: Int
    /// One sentence saying what is wrong; names are quoted with '…'.
    public var message: String
    /// The stage that found the problem (`load`, `execute`, `render`, …).
    public var stage: String
    /// Underlying output (compiler diagnostics, stderr), or empty.
    public var details: String

    public init(
        path: String, line: Int = 0, column: Int = 0, message: String,
        stage: String = "", details: String = ""
    ) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        self.stage = stage
        self.details = details
    }

    public var description: String {
        var location = path
        if line > 0 { location += ":\(line)" }
        if line > 0 && column > 0 { location += ":\(column)" }
        var text = "\(location): error: \(message)"
        if !details.isEmpty {
            let indented = details.split(separator: "\n", omittingEmptySubsequences: false)
                .map { "    " + $0 }.joined(separator: "\n")
            text += "\n" + indented
        }
        return text
    }
}

/// Every problem found by a stage: stages report all of them, not only the first.
public struct WorkbookErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public var errors: [WorkbookError]

    public init(_ errors: [WorkbookError]) { self.errors = errors }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
