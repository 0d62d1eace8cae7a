/// Checks `workbook.toml` text for what the TOML parser (toml++, inside TOMLKit) cannot be
/// handed: a table header whose key starts with anything but a bare-key character or a quote
/// (`[.]`, `[[ .a]]`, `[=]`, `[é]`) trips an assertion that aborts the process. Found by
/// `make fuzz`; such text is a located error instead.
enum TOMLPreflight {
    /// The 1-based line and column of the first problem, with its message, or `nil`.
    static func problem(in text: String) -> (line: Int, column: Int, message: String)? {
        var insideMultilineString: Substring? = nil
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            // Lines inside a multi-line string are text, not headers.
            for delimiter in ["\"\"\"", "'''"] {
                let count = line.components(separatedBy: delimiter).count - 1
                if count % 2 == 1 {
                    if insideMultilineString == nil { insideMultilineString = Substring(delimiter) }
                    else if insideMultilineString == Substring(delimiter) { insideMultilineString = nil }
                }
            }
            if insideMultilineString != nil { continue }
            let indent = line.prefix { $0 == " " || $0 == "\t" }.count
            var rest = line.dropFirst(indent)
            guard rest.first == "[" else { continue }
            rest = rest.dropFirst(rest.hasPrefix("[[") ? 2 : 1)
            let key = rest.drop { $0 == " " || $0 == "\t" }
            guard let first = key.first else {
                return (index + 1, indent + 1, "a table header must start with a key name on its own line")
            }
            if !startsKey(first) {
                return (index + 1, indent + 1, "a table header must start with a key name, not '\(first)'")
            }
        }
        return nil
    }

    /// Whether `character` may start a table header's key (or end an empty header).
    static func startsKey(_ character: Character) -> Bool {
        if character == "]" || character == "\"" || character == "'" || character == "-" || character == "_" || character == "\r" { return true }
        return character.isASCII && (character.isLetter || character.isNumber)
    }
}
