import SwiftParser
import SwiftSyntax

/// Finds Xcode's editor placeholders (`<#name#>`) in a snippet's code: a snippet that has one
/// is a template, shown and not run.
///
/// A placeholder counts only where the parser reads it as code (an identifier token that is a
/// whole placeholder): `"<#name#>"` in a string literal and `// <#name#>` in a comment do not.
public enum EditorPlaceholders {
    /// The first placeholder of `code` with its 1-based line and column, or `nil`.
    public static func first(in code: String) -> (text: String, line: Int, column: Int)? {
        // Parsing costs far more than a text search: only code that holds the opener is parsed.
        guard code.contains("<#") else { return nil }
        let tree = Parser.parse(source: code)
        let converter = SourceLocationConverter(fileName: "", tree: tree)
        for token in tree.tokens(viewMode: .sourceAccurate) where isPlaceholder(token) {
            let location = token.startLocation(converter: converter)
            return (token.text, location.line, location.column)
        }
        return nil
    }

    /// Whether `code` has a placeholder in code.
    public static func contains(in code: String) -> Bool { first(in: code) != nil }

    static func isPlaceholder(_ token: TokenSyntax) -> Bool {
        let text = token.text
        guard text.count >= 4, text.hasPrefix("<#"), text.hasSuffix("#>") else { return false }
        if case .identifier = token.tokenKind { return true }
        return false
    }
}
