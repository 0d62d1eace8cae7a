/// `expect=…`: how a snippet must fail.
public enum ExpectedFailure: String, Sendable, Equatable, Hashable, CaseIterable {
    /// `expect=error`: the snippet must fail to compile; its diagnostics are its output.
    case error
    /// `expect=crash`: the snippet must trap; what it printed and the runtime's message are
    /// its output.
    case crash
}

/// The snippet options of documentation-style chapters: `env=NAME` and `expect=error|crash`.
public struct DocumentationOptions: Sendable, Equatable, Hashable {
    /// `env=NAME`: the program the snippet belongs to; `nil` for the chapter's default.
    public var environment: String? = nil
    /// `expect=…`: the failure the snippet must show; `nil` when it must run fine.
    public var expect: ExpectedFailure? = nil

    public init(environment: String? = nil, expect: ExpectedFailure? = nil) {
        self.environment = environment
        self.expect = expect
    }

    /// What reading one option word gave.
    public enum WordResult: Sendable, Equatable {
        /// The word is none of these options.
        case notDocumentation
        /// The word was read into the options.
        case read
        /// The word is one of these options with a bad value: the message, one sentence.
        case invalid(String)
    }

    /// The options' spellings, for the "unknown snippet option" message.
    public static let spellings = "env=NAME, expect=error|crash"

    /// Reads one word of a snippet's info string.
    public mutating func read(_ word: Substring) -> WordResult {
        if word.hasPrefix("env=") {
            let name = word.dropFirst(4)
            guard environment == nil else { return .invalid("'env=' is given twice") }
            guard !name.isEmpty else { return .invalid("'env=' needs a name, as in 'env=shapes'") }
            guard name.allSatisfy(Self.isNameCharacter) else {
                return .invalid("the environment name '\(name)' may only use letters, digits, '_' and '-'")
            }
            environment = String(name)
            return .read
        }
        if word.hasPrefix("expect=") {
            let value = word.dropFirst(7)
            guard expect == nil else { return .invalid("'expect=' is given twice") }
            guard let failure = ExpectedFailure(rawValue: String(value)) else {
                let known = ExpectedFailure.allCases.map(\.rawValue).joined(separator: ", ")
                return .invalid("unknown expectation '\(value)' (known: \(known))")
            }
            expect = failure
            return .read
        }
        return .notDocumentation
    }

    /// What is wrong with these options next to the snippet's other options (one sentence each).
    public func problems(with options: SnippetOptions) -> [String] {
        var problems: [String] = []
        if options.norun && environment != nil {
            problems.append("a 'norun' snippet does not run, so it cannot have 'env='")
        }
        if options.norun, let expect {
            problems.append("a 'norun' snippet does not run, so it cannot have 'expect=\(expect.rawValue)'")
        }
        if let expect, options.output == .markdown || options.output == .html {
            problems.append("'expect=\(expect.rawValue)' records its output as text, so it cannot be 'output=\(options.output.rawValue)'")
        }
        return problems
    }

    static func isNameCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "_" || character == "-")
    }
}
