/// An output's text as lines without terminators, and back.
enum OutputLines {
    /// The lines of `text`; a final line break ends the last line, `\r\n` counts as `\n`.
    static func split(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// `lines`, each ended by `\n`.
    static func join(_ lines: [String]) -> String {
        var text = ""
        for line in lines { text += line + "\n" }
        return text
    }
}
