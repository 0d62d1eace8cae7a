import Foundation
import WorkbookKit

/// Errors and output mismatches as GitHub Actions workflow commands
/// (`::error file=chapters/x.md,line=12,col=5::message`), so they show on the lines of a pull
/// request's diff.
public struct GitHubAnnotations: Sendable {
    /// The workbook root relative to the repository (`GITHUB_WORKSPACE`), prefixed to paths;
    /// empty when the workbook is the repository.
    public var prefix: String

    /// Annotations for the workbook at `root`, run with `inputs`.
    public init(root: URL, inputs: WorkbookInputs) {
        prefix = ""
        if let workspace = inputs.environment["GITHUB_WORKSPACE"], !workspace.isEmpty {
            let base = URL(fileURLWithPath: workspace).standardizedFileURL.path + "/"
            let path = root.standardizedFileURL.path + "/"
            if path.hasPrefix(base) { prefix = String(path.dropFirst(base.count)) }
        }
    }

    /// The annotation of `error`.
    public func line(for error: WorkbookError) -> String {
        var message = error.message
        if !error.details.isEmpty { message += "\n" + error.details }
        return annotation(path: error.path, line: error.line, column: error.column, message: message)
    }

    /// The annotation of `mismatch`, with its diff.
    public func line(for mismatch: SnippetMismatch) -> String {
        let message = mismatch.reason + (mismatch.diff.isEmpty ? "" : "\n" + mismatch.diff)
        return annotation(path: mismatch.path, line: mismatch.line, column: 0, message: message)
    }

    func annotation(path: String, line: Int, column: Int, message: String) -> String {
        let file = path.hasPrefix("/") ? path : prefix + path
        var properties = ["file=\(Self.escapeProperty(file))"]
        if line > 0 { properties.append("line=\(line)") }
        if line > 0 && column > 0 { properties.append("col=\(column)") }
        return "::error \(properties.joined(separator: ","))::\(Self.escapeData(message))"
    }

    /// A message, escaped as GitHub's toolkit does: `%`, CR and LF.
    static func escapeData(_ text: String) -> String {
        var trimmed = text
        while trimmed.hasSuffix("\n") { trimmed.removeLast() }
        return trimmed.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// A property value: also `:` and `,`.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
