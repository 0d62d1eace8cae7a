import WorkbookKit
/// Expands the diary placeholders of prose text: `{{DATE_PRETTY}}`, `{{DATE_ISO}}`,
/// `{{DAYS_SINCE_YYYY_MM_DD}}` (or `DAY_SINCE_…`) and `{{DAYS_SINCE_REPO_START}}`.
///
/// cmark-gfm finds the placeholders (see `CMarkMath`), only where it reads prose; `\{{` is an
/// escaped brace, so it stays a literal `{{`.
struct PlaceholderExpander {
    let date: BuildDate
    /// The day `{{DAYS_SINCE_REPO_START}}` counts from, or why there is none; looked up only
    /// when a placeholder asks for it.
    let repositoryStartLookup: RepositoryStart.Lookup

    init(date: BuildDate, repositoryStart: Result<CalendarDay, Failure>) {
        self.init(date: date, repositoryStartLookup: RepositoryStart.Lookup(known: repositoryStart))
    }

    init(date: BuildDate, repositoryStartLookup: RepositoryStart.Lookup) {
        self.date = date
        self.repositoryStartLookup = repositoryStartLookup
    }

    static let knownNames = "DATE_PRETTY, DATE_ISO, DAYS_SINCE_YYYY_MM_DD (or DAY_SINCE_YYYY_MM_DD), DAYS_SINCE_REPO_START"

    /// Why a placeholder has no value, in words.
    struct Failure: Error, Equatable { var message: String }

    static let unterminated = Failure(message: "unterminated placeholder '{{' (known: \(knownNames); write '\\{{' for a literal '{{')")

    /// The value of `{{name}}`.
    func value(of name: String) -> Result<String, Failure> {
        switch name {
        case "DATE_PRETTY": return .success(date.pretty)
        case "DATE_ISO": return .success(date.today.description)
        case "DAYS_SINCE_REPO_START":
            return repositoryStartLookup.value.map { String($0.days(until: date.today)) }
        default:
            for prefix in ["DAYS_SINCE_", "DAY_SINCE_"] where name.hasPrefix(prefix) {
                let iso = name.dropFirst(prefix.count).replacingOccurrences(of: "_", with: "-")
                guard let start = CalendarDay(iso: iso) else {
                    return .failure(.init(message: "malformed placeholder '{{\(name)}}': '\(name.dropFirst(prefix.count))' is not a date YYYY_MM_DD (known: \(Self.knownNames))"))
                }
                return .success(String(start.days(until: date.today)))
            }
            return .failure(.init(message: "unknown placeholder '{{\(name)}}' (known: \(Self.knownNames); write '\\{{' for a literal '{{')"))
        }
    }
}

extension Substring {
    fileprivate func replacingOccurrences(of target: Character, with replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}

/// Placeholder values by name, each computed once (for one rendering; not shared across threads).
final class PlaceholderValues {
    private var values: [String: Result<String, PlaceholderExpander.Failure>] = [:]

    func value(of name: String, expander: PlaceholderExpander) -> Result<String, PlaceholderExpander.Failure> {
        if let known = values[name] { return known }
        let value = expander.value(of: name)
        values[name] = value
        return value
    }
}
