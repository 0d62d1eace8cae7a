/// Reads and writes the one-line Swift string literals of `// Prints "…"` comments.
enum StringLiteralDecoding {
    struct Problem: Error, Equatable {
        var message: String
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
                return .failure(Problem(message: "cannot use interpolation '\\(…)'; write the printed text"))
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
