/// Finds `swift` code fences that CommonMark puts inside a block quote or a list item, which
/// the page shows but the top-level snippet reader would not run: the extractor reports them.
///
/// Fed every prose line (outside top-level fences) in order; `read` returns the 1-based column
/// of a nested fence's backticks, or `nil`.
struct NestedSnippetDetector {
    /// Whether the previous lines opened a list item that the current line may continue.
    private var inListItem = false
    /// Inside a nested fence (quoted or listed): its lines are code, not fences.
    private var openFence: CodeFence? = nil

    mutating func read(_ line: Substring) -> Int? {
        var rest = line
        var column = 1
        var nested = false
        // Block-quote markers.
        while true {
            let spaces = rest.prefix { $0 == " " }.count
            guard spaces <= 3, rest.dropFirst(spaces).first == ">" else { break }
            rest = rest.dropFirst(spaces + 1)
            column += spaces + 1
            if rest.first == " " { rest = rest.dropFirst(); column += 1 }
            nested = true
        }
        // A list-item marker: `-`, `*`, `+`, or digits with `.` or `)`, then a space.
        let indent = rest.prefix { $0 == " " }.count
        let afterIndent = rest.dropFirst(indent)
        var marker = 0
        if let first = afterIndent.first, "-*+".contains(first) {
            marker = 1
        } else {
            let digits = afterIndent.prefix { $0.isASCII && $0.isNumber }.count
            if digits > 0 && digits <= 9, let punctuation = afterIndent.dropFirst(digits).first, punctuation == "." || punctuation == ")" {
                marker = digits + 1
            }
        }
        let isListItem = indent <= 3 && marker > 0 && afterIndent.dropFirst(marker).first == " "
        if isListItem {
            let spaces = afterIndent.dropFirst(marker).prefix { $0 == " " }.count
            rest = afterIndent.dropFirst(marker + spaces)
            column += indent + marker + spaces
            inListItem = true
            nested = true
        } else if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
            return nil
        } else if indent == 0 && !nested {
            inListItem = false
            openFence = nil
            return nil
        } else if inListItem && indent >= 2 {
            rest = afterIndent
            column += indent
            nested = true
        }
        guard nested else { return nil }
        if let fence = openFence {
            if fence.isClosed(by: rest.drop { $0 == " " }) { openFence = nil }
            return nil
        }
        let stripped = rest.drop { $0 == " " }
        guard let fence = CodeFence(opening: stripped) else { return nil }
        openFence = fence
        return fence.language == "swift" ? column + (rest.count - stripped.count) : nil
    }
}
