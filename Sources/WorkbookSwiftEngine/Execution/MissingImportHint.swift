import SwiftToolchain
import WorkbookKit

/// A hint under a compile error that reads like a snippet using Foundation without importing
/// it, since chapter programs import only what the chapter asks for: `cannot find 'Date' in
/// scope`, `no exact matches in call to initializer` at a `String(format:` line, or a
/// Foundation-only member of `String` such as `components(separatedBy:)`.
enum MissingImportHint {
    static let text = "note: chapter programs import only what the chapter asks for: "
        + "add 'import Foundation' to a snippet, or imports = [\"Foundation\"] to workbook.toml"

    /// Foundation names a snippet often uses without thinking of the import.
    static let foundationNames: Set<String> = [
        "Date", "Calendar", "DateComponents", "DateFormatter", "ISO8601DateFormatter", "NumberFormatter",
        "Locale", "TimeZone", "URL", "URLComponents", "Data", "UUID", "FileManager", "ProcessInfo", "Bundle",
        "Thread", "DispatchQueue", "DispatchGroup", "JSONEncoder", "JSONDecoder", "PropertyListEncoder",
        "PropertyListDecoder", "NSString", "NSNumber", "NSRegularExpression", "CharacterSet", "Measurement",
        "NSDecimalNumber", "Decimal", "IndexSet", "NSLock", "NSRange", "NSMakeRange",
    ]

    /// Members `String` has only with Foundation.
    static let foundationStringMembers: Set<String> = [
        "components", "trimmingCharacters", "padding", "replacingOccurrences", "capitalized",
        "range", "data", "addingPercentEncoding", "folding", "appendingFormat",
    ]

    /// Whether `error`, at `line` (the chapter's text of that line, if known), calls for the hint.
    static func applies(to error: WorkbookError, line: String?) -> Bool {
        let message = error.message
        for prefix in ["cannot find '", "cannot find type '"] where message.hasPrefix(prefix) {
            let name = message.dropFirst(prefix.count).prefix { $0 != "'" }
            return foundationNames.contains(String(name))
        }
        if message.hasPrefix("no exact matches in call to initializer") {
            return line?.contains("String(format:") ?? false
        }
        if message.hasPrefix("value of type 'String' has no member '") || message.hasPrefix("value of type 'Substring' has no member '") {
            let name = message.split(separator: "'").dropFirst(3).first.map(String.init) ?? ""
            return foundationStringMembers.contains(name)
        }
        return false
    }

    /// `errors` with the hint added to the details of each that calls for it, unless the
    /// program imports Foundation (`imports` are its modules; `chapter`'s snippets may import it).
    static func adding(to errors: [WorkbookError], chapter: Chapter, imports: [String]) -> [WorkbookError] {
        if imports.contains("Foundation") || chapter.snippets.contains(where: { importsFoundation($0.code) }) { return errors }
        let lines = chapter.source.split(separator: "\n", omittingEmptySubsequences: false)
        return errors.map { error in
            guard error.path == chapter.path else { return error }
            let line = error.line > 0 && error.line <= lines.count ? String(lines[error.line - 1]) : nil
            guard applies(to: error, line: line) else { return error }
            var hinted = error
            hinted.details += (hinted.details.isEmpty ? "" : "\n") + text
            return hinted
        }
    }

    static func importsFoundation(_ code: String) -> Bool {
        code.split(separator: "\n").contains { line in
            let words = line.split(whereSeparator: \.isWhitespace)
            return words.count >= 2 && words[0] == "import" && words[1] == "Foundation"
        }
    }
}
