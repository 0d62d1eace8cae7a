/// The chapter line numbers in the output of an `expect=error` or `expect=crash` snippet: the
/// lines that start with the chapter's own path and a line number (`chapters/x.md:28:16: error: …`,
/// `chapters/x.md:28: Fatal error: …`).
///
/// Those numbers say where the snippet sits in its chapter, so they change when lines are added
/// above it. `check` accepts a recorded output whose numbers are all off by the same amount,
/// taken from the first one (the snippet moved), and `promote` writes them as they are in the
/// file it writes.
public enum ChapterLineNumbers {
    /// `text` with each chapter line number `n` at the start of a line replaced by `map(n)`.
    public static func mapped(_ text: String, path: String, _ map: (Int) -> Int) -> String {
        guard text.contains(path + ":") else { return text }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.map { line -> String in
            guard let (number, rest) = located(line, path: path) else { return String(line) }
            return path + ":" + String(map(number)) + rest
        }.joined(separator: "\n")
    }

    /// The first chapter line number of `text`, if any.
    public static func first(_ text: String, path: String) -> Int? {
        guard text.contains(path + ":") else { return nil }
        for line in text.split(separator: "\n") {
            if let (number, _) = located(line, path: path) { return number }
        }
        return nil
    }

    /// `recorded` moved by as many lines as its first chapter line number is off from
    /// `actual`'s; `nil` when either has none or they agree.
    public static func moved(_ recorded: String, toMatch actual: String, path: String) -> String? {
        guard let old = first(recorded, path: path), let new = first(actual, path: path), old != new else { return nil }
        return mapped(recorded, path: path) { $0 + new - old }
    }

    /// The line number after `path:` at the start of `line`, and the text after the number
    /// (which starts with `:`).
    static func located(_ line: Substring, path: String) -> (Int, Substring)? {
        guard line.hasPrefix(path + ":") else { return nil }
        let afterPath = line.dropFirst(path.count + 1)
        let digits = afterPath.prefix { $0.isASCII && $0.isNumber }
        let rest = afterPath.dropFirst(digits.count)
        guard !digits.isEmpty, digits.count < 10, rest.first == ":", let number = Int(digits) else { return nil }
        return (number, rest)
    }
}
