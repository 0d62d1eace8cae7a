/// Escapes text for HTML content and attribute values.
enum HTMLEscaping {
    /// Escapes `&`, `<`, `>` and `"` (safe in content and in double-quoted attributes).
    static func text(_ string: some StringProtocol) -> String {
        var result = ""
        result.reserveCapacity(string.utf8.count)
        for character in string.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    static func attribute(_ string: some StringProtocol) -> String { text(string) }
}
