import WorkbookKit
/// Expands the diary placeholders of prose text: `{{DATE_PRETTY}}`, `{{DATE_ISO}}`,
/// `{{DAYS_SINCE_YYYY_MM_DD}}` (or `DAY_SINCE_…`) and `{{DAYS_SINCE_REPO_START}}`.
///
/// `\{{` is left for Markdown, which prints it as a literal `{{`.
struct PlaceholderExpander {
    let date: BuildDate
    let repositoryStart: RepositoryStart

    static let knownNames = "DATE_PRETTY, DATE_ISO, DAYS_SINCE_YYYY_MM_DD (or DAY_SINCE_YYYY_MM_DD), DAYS_SINCE_REPO_START"

    /// A placeholder that could not be expanded, at a byte offset of the scanned text.
    struct Problem: Equatable {
        var offset: Int
        var message: String
    }

    /// Appends `bytes[range]` to `output` with its placeholders expanded; `values` remembers the
    /// names already looked up (pass the same one for every range of a text). Every read of
    /// `bytes` is guarded by a comparison with the range's bounds, so none leaves the buffer.
    func expand(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into output: inout [UInt8], problems: inout [Problem], values: inout Values) {
        var index = range.lowerBound
        var copied = index
        let end = range.upperBound
        while index + 1 < end {
            // Jump to the next `{`: only a `{{` matters, and the backslashes before it tell
            // whether it is escaped.
            guard let brace = ByteSearch.firstIndex(of: UInt8(ascii: "{"), in: bytes, from: index, to: end - 1) else { break }
            if Self.isEscaped(bytes, brace, scanFrom: index) {
                // The byte after the escaped `{` is where a byte-by-byte reading resumes.
                index = brace + 1
                continue
            }
            index = brace
            guard bytes[index + 1] == UInt8(ascii: "{") else {
                index += 1
                continue
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
            var close = index + 2
            while close + 1 < end && bytes[close] != UInt8(ascii: "\n")
                && !(bytes[close] == UInt8(ascii: "}") && bytes[close + 1] == UInt8(ascii: "}")) {
                close += 1
            }
            guard close + 1 < end, bytes[close] == UInt8(ascii: "}"), bytes[close + 1] == UInt8(ascii: "}") else {
                problems.append(Problem(offset: index, message: "unterminated placeholder '{{' (known: \(Self.knownNames); write '\\{{' for a literal '{{')"))
                index += 2
                copied = index - 2
                continue
            }
            let name = UnsafeBufferPointer(rebasing: bytes[(index + 2)..<close])
            let result = values.value(of: name) { value(of: String(decoding: name, as: UTF8.self)) }
            switch result {
            case .success(let value):
                output.append(contentsOf: value)
                copied = close + 2
            case .failure(let failure):
                problems.append(Problem(offset: index, message: failure.message))
                copied = index
            }
            index = close + 2
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<end]))
    }

    /// Whether reading `bytes` byte by byte from `start`, where a backslash escapes whatever
    /// byte follows it, skips the byte at `position`: exactly when an odd number of backslashes
    /// (counted back no further than `start`) precede it.
    private static func isEscaped(_ bytes: UnsafeBufferPointer<UInt8>, _ position: Int, scanFrom start: Int) -> Bool {
        var backslash = position
        while backslash > start && bytes[backslash - 1] == UInt8(ascii: "\\") { backslash -= 1 }
        return (position - backslash) % 2 == 1
    }

    /// Placeholder values by name, looked up once per name: the few distinct names of a text are
    /// compared byte by byte, so a repeated placeholder costs no string.
    struct Values {
        private var entries: [(name: [UInt8], value: Result<[UInt8], RepositoryStart.RepositoryStartFailure>)] = []
        /// Beyond this many distinct names, values are looked up again each time.
        private static let capacity = 32

        /// The value of the placeholder `name`, from `lookUp` the first time.
        mutating func value(of name: UnsafeBufferPointer<UInt8>, lookUp: () -> Result<String, RepositoryStart.RepositoryStartFailure>) -> Result<[UInt8], RepositoryStart.RepositoryStartFailure> {
            for entry in entries where entry.name.elementsEqual(name) { return entry.value }
            let value = lookUp().map { Array($0.utf8) }
            if entries.count < Self.capacity { entries.append((Array(name), value)) }
            return value
        }
    }

    private func value(of name: String) -> Result<String, RepositoryStart.RepositoryStartFailure> {
        switch name {
        case "DATE_PRETTY": return .success(date.pretty)
        case "DATE_ISO": return .success(date.today.description)
        case "DAYS_SINCE_REPO_START":
            return repositoryStart.day().map { String($0.days(until: date.today)) }
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
