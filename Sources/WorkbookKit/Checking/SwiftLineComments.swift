/// The `//` line comments of Swift code, found by a small lexer that skips string literals
/// (plain, multi-line, raw, with interpolations) and `/* */` block comments, so that `//`
/// inside a string is not a comment.
package struct SwiftLineComments {
    /// One line comment.
    package struct Comment: Equatable {
        /// 0-based line of the code.
        package var line: Int
        /// 0-based offset, in characters, of `//` in its line.
        var offset: Int
        /// The text after `//`, up to the end of the line (no line break).
        package var text: String
        /// Whether code precedes the comment on its line.
        package var trailing: Bool
    }

    private let characters: [Character]
    private var position = 0
    private var line = 0
    private var lineStart = 0
    package private(set) var comments: [Comment] = []

    package init(code: String) {
        characters = Array(code)
        scanCode(untilClosingParenthesis: false)
    }

    private func peek(_ offset: Int = 0) -> Character? {
        position + offset < characters.count ? characters[position + offset] : nil
    }

    private mutating func advance() {
        if characters[position].isNewline {
            line += 1
            lineStart = position + 1
        }
        position += 1
    }

    private mutating func scanCode(untilClosingParenthesis: Bool) {
        var depth = 0
        while let character = peek() {
            if character == "/" && peek(1) == "/" {
                lineComment()
            } else if character == "/" && peek(1) == "*" {
                blockComment()
            } else if character == "\"" || character == "#" {
                var hashes = 0
                while peek(hashes) == "#" { hashes += 1 }
                if peek(hashes) == "\"" {
                    stringLiteral(hashes: hashes)
                } else {
                    advance()
                }
            } else if untilClosingParenthesis && character == "(" {
                depth += 1
                advance()
            } else if untilClosingParenthesis && character == ")" {
                advance()
                if depth == 0 { return }
                depth -= 1
            } else {
                advance()
            }
        }
    }

    private mutating func lineComment() {
        let start = position
        let before = characters[lineStart..<start]
        while let character = peek(), !character.isNewline { advance() }
        comments.append(Comment(
            line: line, offset: start - lineStart, text: String(characters[(start + 2)..<position]),
            trailing: before.contains { $0 != " " && $0 != "\t" }))
    }

    private mutating func blockComment() {
        var depth = 0
        while let character = peek() {
            if character == "/" && peek(1) == "*" {
                depth += 1; advance(); advance()
            } else if character == "*" && peek(1) == "/" {
                depth -= 1; advance(); advance()
                if depth == 0 { return }
            } else {
                advance()
            }
        }
    }

    private mutating func stringLiteral(hashes: Int) {
        for _ in 0..<hashes { advance() }
        let multiline = peek() == "\"" && peek(1) == "\"" && peek(2) == "\""
        for _ in 0..<(multiline ? 3 : 1) { advance() }
        let delimiter = String(repeating: "\"", count: multiline ? 3 : 1) + String(repeating: "#", count: hashes)
        while let character = peek() {
            if character == "\\" && (0..<hashes).allSatisfy({ peek(1 + $0) == "#" }) {
                for _ in 0...hashes { advance() }
                if peek() == "(" {
                    advance()
                    scanCode(untilClosingParenthesis: true)
                } else if peek() != nil {
                    advance()
                }
            } else if character == "\"" && delimiter.enumerated().allSatisfy({ peek($0.offset) == $0.element }) {
                for _ in 0..<delimiter.count { advance() }
                return
            } else if character.isNewline && !multiline {
                return
            } else {
                advance()
            }
        }
    }
}
