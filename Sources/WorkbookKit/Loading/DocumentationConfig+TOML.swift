import TOMLKit

extension DocumentationConfig {
    /// The keys of `workbook.toml` these settings read.
    public static let knownKeys = ["snippets", "prints", "filters", "imports", "swifttest"]

    /// A bad value: the message, one sentence naming the key.
    public struct Problem: Error, Sendable, Equatable {
        public var message: String
    }

    /// Reads `value`, the value of `key` (one of `knownKeys`), into the settings.
    public mutating func read(key: String, value: TOMLValueConvertible) throws(Problem) {
        switch key {
        case "snippets": snippets = try Self.choice(value, key: key)
        case "prints": prints = try Self.choice(value, key: key)
        case "filters": filters = try Self.filters(value, key: key)
        case "swifttest": swifttest = try Self.choice(value, key: key)
        case "imports": imports = try Self.moduleNames(value, key: key)
        default: throw Problem(message: "unknown key '\(key)'")
        }
    }

    static func choice<Choice: RawRepresentable & CaseIterable>(_ value: TOMLValueConvertible, key: String) throws(Problem) -> Choice
    where Choice.RawValue == String {
        let names = Choice.allCases.map { "\"\($0.rawValue)\"" }
        let known = names.count > 2 ? names.dropLast().joined(separator: ", ") + " or " + names[names.count - 1] : names.joined(separator: " or ")
        guard let text = value.string else { throw Problem(message: "'\(key)' must be \(known), not \(value.type)") }
        guard let choice = Choice(rawValue: text) else { throw Problem(message: "'\(key)' must be \(known), not \"\(text)\"") }
        return choice
    }

    static func moduleNames(_ value: TOMLValueConvertible, key: String) throws(Problem) -> [String] {
        let shape = "'\(key)' must be a list of module names like [\"Algorithms\"]"
        guard let array = value.array else { throw Problem(message: shape) }
        var names: [String] = []
        for element in array {
            guard let name = element.string else { throw Problem(message: shape) }
            guard let first = name.first, first.isLetter || first == "_",
                  name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                throw Problem(message: "'\(name)' in '\(key)' is not a module name")
            }
            if !names.contains(name) { names.append(name) }
        }
        return names
    }

    static func filters(_ value: TOMLValueConvertible, key: String) throws(Problem) -> [OutputFilter] {
        let shape = "'\(key)' must be a list of tables like { pattern = \"0x[0-9a-f]+\", replacement = \"0x…\" }"
        guard let array = value.array else { throw Problem(message: shape) }
        var filters: [OutputFilter] = []
        for (index, element) in array.enumerated() {
            guard let table = element.table else { throw Problem(message: shape) }
            let number = "filter \(index + 1) of '\(key)'"
            for name in table.keys where name != "pattern" && name != "replacement" {
                throw Problem(message: "\(number) has an unknown key '\(name)' (known: pattern, replacement)")
            }
            guard let pattern = table["pattern"]?.string else {
                throw Problem(message: "\(number) needs a 'pattern' string")
            }
            guard let replacement = table["replacement"]?.string else {
                throw Problem(message: "\(number) needs a 'replacement' string")
            }
            do {
                filters.append(try OutputFilter(pattern: pattern, replacement: replacement))
            } catch {
                throw Problem(message: "\(number): \(error.message)")
            }
        }
        return filters
    }
}
