/// Which snippets are signature snippets: shown, checked against the products, never run.
///
/// A snippet is one when its info string says `signature`, or, with none of `norun`, `hide`,
/// `env=`, `expect=` and `output=` other than text, when ``SignatureReader`` finds only
/// declarations and at least one of them without a body. A signature snippet is `norun` for
/// everything that runs programs, and `signature` for the check.
public enum SignatureSnippets {
    /// A problem with a snippet's `signature` option, at a 1-based chapter line and column.
    public struct Problem: Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    /// Marks `options` as a signature snippet's (`signature` and `norun`) when `code` is one;
    /// `firstLine` is the chapter line of the code's first line and `fenceLine`/`fenceColumn`
    /// locate the info string. Returns what is wrong with a forced `signature`.
    public static func classify(
        _ options: inout SnippetOptions, code: String, firstLine: Int, fenceLine: Int, fenceColumn: Int
    ) -> [Problem] {
        if options.signature {
            var problems: [String] = []
            if options.norun { problems.append("a snippet cannot be both 'signature' and 'norun'") }
            if options.hide { problems.append("a 'signature' snippet is shown, so it cannot be 'hide'") }
            if options.documentation.environment != nil { problems.append("a 'signature' snippet does not run, so it cannot have 'env='") }
            if let expect = options.documentation.expect {
                problems.append("a 'signature' snippet does not run, so it cannot have 'expect=\(expect.rawValue)'")
            }
            if !problems.isEmpty { return problems.map { Problem(line: fenceLine, column: fenceColumn, message: $0) } }
            options.norun = true
            if case .code(let reason, let place) = SignatureReader.read(code) {
                return [Problem(line: firstLine + place.line - 1, column: place.column,
                                message: "a 'signature' snippet holds only declarations without bodies, but \(reason)")]
            }
            return []
        }
        guard !options.norun, !options.hide, options.output == .text, options.documentation == DocumentationOptions(),
              mayBeSignatures(code), case .signatures(_, isBodiless: true) = SignatureReader.read(code)
        else { return [] }
        options.signature = true
        options.norun = true
        return []
    }

    /// A quick test before parsing: signatures name `func`, `init`, `subscript` or an accessor.
    static func mayBeSignatures(_ code: String) -> Bool {
        code.contains("func ") || code.contains("init") || code.contains("subscript") || code.contains("get")
    }
}
