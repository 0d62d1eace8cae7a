/// Reads and writes the one-line Swift string literals of `// Prints "…"` comments.
enum StringLiteralDecoding {
    struct Problem: Error, Equatable {
        var message: String
        /// Whether the literal is well formed but interpolates (`"\(x)"`): its value is unknown.
        var isInterpolation = false
    }

    /// What a quoted `// Prints` text means.
    enum Reading: Equatable {
        /// One valid string literal, and its value.
        case literal(String)
        /// Not one valid string literal (a quote inside not escaped, an unknown escape): the
        /// text between the outer quotes, verbatim, as Apple's documentation writes it.
        case verbatim(String)
        /// A valid literal whose value is unknown (interpolation), or no closing quote.
        case problem(Problem)
    }

    /// Reads `text`, which starts with `"`: as one string literal when it is one, else as the
    /// text between its outer quotes.
    static func read(_ text: Substring) -> Reading {
        guard text.count >= 2, text.first == "\"", text.last == "\"" else {
            return .problem(Problem(message: "starts with a quote but does not end with one; write // Prints \"text\" (a '.' may follow the closing quote)"))
        }
        switch decode(text) {
        case .success(let value):
            return .literal(value)
        case .failure:
            // Not one literal whose value is known (a quote not escaped, an unknown escape, an
            // interpolation, which Apple's raw strings print as written): the text as written.
            return .verbatim(String(text.dropFirst().dropLast()))
        }
    }

    /// Whether `inner` holds a `"` that no backslash escapes.
    static func hasUnescapedQuote(_ inner: Substring) -> Bool {
        var escaped = false
        for character in inner {
            if escaped { escaped = false; continue }
            if character == "\\" { escaped = true } else if character == "\"" { return true }
        }
        return false
    }

    /// The value of `literal`, which must be exactly one `"…"` literal.
    static func decode(_ literal: Substring) -> Result<String, Problem> {
        guard literal.count >= 2, literal.first == "\"", literal.last == "\"" else {
            return .failure(Problem(message: "must be one string literal, \"…\" (a quote inside is written \\\")"))
        }
        var value = ""
        var rest = literal.dropFirst().dropLast()
        while let character = rest.first {
            rest = rest.dropFirst()
            if character == "\"" {
                return .failure(Problem(message: "must be one string literal, \"…\" (a quote inside is written \\\")"))
            }
            guard character == "\\" else { value.append(character); continue }
            guard let escape = rest.first else {
                return .failure(Problem(message: "ends with a lone backslash"))
            }
            rest = rest.dropFirst()
            switch escape {
            case "\\": value.append("\\")
            case "\"": value.append("\"")
            case "'": value.append("'")
            case "n": value.append("\n")
            case "r": value.append("\r")
            case "t": value.append("\t")
            case "0": value.append("\0")
            case "u":
                guard rest.first == "{", let close = rest.firstIndex(of: "}") else {
                    return .failure(Problem(message: "has a '\\u' escape without '{…}'"))
                }
                let digits = rest[rest.index(after: rest.startIndex)..<close]
                guard (1...8).contains(digits.count), let code = UInt32(digits, radix: 16),
                      let scalar = Unicode.Scalar(code) else {
                    return .failure(Problem(message: "has an invalid escape '\\u{\(digits)}'"))
                }
                value.unicodeScalars.append(scalar)
                rest = rest[rest.index(after: close)...]
            case "(":
                return .failure(Problem(message: "cannot use interpolation '\\(…)'; write the printed text", isInterpolation: true))
            default:
                return .failure(Problem(message: "has an unknown escape '\\\(escape)'"))
            }
        }
        return .success(value)
    }

    /// `text` as a `"…"` literal that `decode` reads back.
    static func encode(_ text: String) -> String {
        var literal = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": literal += "\\\\"
            case "\"": literal += "\\\""
            case "\n": literal += "\\n"
            case "\r": literal += "\\r"
            case "\t": literal += "\\t"
            case "\0": literal += "\\0"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    literal += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    literal.unicodeScalars.append(scalar)
                }
            }
        }
        return literal + "\""
    }
}
