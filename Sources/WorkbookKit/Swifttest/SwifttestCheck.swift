/// Checks what a `swifttest` block's program did against the block's markers.
///
/// - A block without `!$ error:` or `xx` must print exactly its `<-`, `<<` and `</` lines, in
///   order (through the workbook's `filters`; the spaces at the end of a line aside).
/// - A block with `!$ error:` must fail to compile with those errors: the `error: …` texts of
///   the compiler's errors at the block's lines equal the `!$ error:` lines, in any order
///   (notes and warnings are not compared; the diagnostic group a newer compiler names after
///   a message, ` [#ExclusivityViolation]`, is left out).
/// - A block with `xx` must trap (the runtime's message, which names addresses, is not
///   compared) after printing its output lines.
///
/// A mismatch is reported at the first marker line that differs (`path:line:col: error: …`),
/// with a diff from the test's lines to what happened.
public struct SwifttestCheck: Sendable {
    public var matcher: OutputMatcher

    public init(matcher: OutputMatcher = OutputMatcher()) {
        self.matcher = matcher
    }

    /// The mismatch of `snippet` (which runs `block`), or `nil` when it did what the block says.
    public func compare(_ snippet: Snippet, block: SwifttestBlock, actual: String, path: String) -> SnippetMismatch? {
        switch block.expected {
        case .error?: return compareErrors(snippet, block: block, actual: actual, path: path)
        case .crash?: return compareOutput(snippet, block: block, actual: Self.printedBeforeTrap(actual, expected: block.expectedOutput.count), path: path)
        case nil: return compareOutput(snippet, block: block, actual: actual, path: path)
        }
    }

    /// The mismatch of a block that did not fail as its markers say (`unmet` is why).
    public func unmet(_ snippet: Snippet, block: SwifttestBlock, reason: String, actual: String, path: String) -> SnippetMismatch {
        let marker = block.expected == .error ? block.expectedErrors.first : block.lines.first { $0.marker == .trap }
        let what = block.expected == .error ? "the test expects a compile error ('!$'), but the block compiled"
            : "the test expects a trap ('xx'), but the block ran to the end"
        let expected = block.expected == .error ? OutputLines.join(block.expectedErrors.map(\.text)) : OutputLines.join(block.expectedOutput.map(\.text))
        return SnippetMismatch(path: path, line: marker?.line ?? snippet.fenceLine, column: marker?.column ?? 0,
                               reason: "error: " + what,
                               diff: matcher.diff(expected: expected, actual: actual, expectedName: "test", actualName: "actual"))
    }

    func compareOutput(_ snippet: Snippet, block: SwifttestBlock, actual: String, path: String) -> SnippetMismatch? {
        let expectedLines = block.expectedOutput.map { line in
            var line = line
            line.text = Self.withoutTrailingSpaces(line.text)
            return line
        }
        let expected = OutputLines.join(expectedLines.map(\.text))
        let actual = OutputLines.join(OutputLines.split(actual).map(Self.withoutTrailingSpaces))
        if matcher.matches(expected: expected, actual: actual) { return nil }
        let actualLines = matcher.filteredLines(actual)
        let differing = expectedLines.indices.first { index in
            index >= actualLines.count || !matcher.matches(expected: expectedLines[index].text + "\n", actual: actualLines[index] + "\n")
        }
        let at = differing.map { expectedLines[$0] } ?? expectedLines.last
        return SnippetMismatch(path: path, line: at?.line ?? snippet.fenceLine, column: at?.column ?? 0,
                               reason: "error: the test's expected output differs from what the code printed",
                               diff: matcher.diff(expected: expected, actual: actual, expectedName: "test", actualName: "actual"))
    }

    func compareErrors(_ snippet: Snippet, block: SwifttestBlock, actual: String, path: String) -> SnippetMismatch? {
        let expected = block.expectedErrors.map(\.text)
        let errors = OutputLines.split(actual).compactMap(Self.diagnosticText)
        if expected.sorted() == errors.sorted() { return nil }
        let at = block.expectedErrors.first { !errors.contains($0.text) } ?? block.expectedErrors[0]
        return SnippetMismatch(path: path, line: at.line, column: at.column,
                               reason: "error: the compiler's errors differ from the test's '!$' lines",
                               diff: LineDiff(old: OutputLines.join(expected), new: OutputLines.join(errors))
                                   .unified(oldName: "test", newName: "actual"))
    }

    /// `line` without the spaces at its end: a marker line cannot keep them (the book's
    /// editors strip them), so printed lines are compared without them.
    static func withoutTrailingSpaces(_ line: String) -> String {
        var line = Substring(line)
        while let last = line.last, last == " " || last == "\t" { line = line.dropLast() }
        return String(line)
    }

    /// `error: message` of a `path:line:col: error: message` line, or `nil`; the name of the
    /// diagnostic's group that newer compilers append (` [#ExclusivityViolation]`) is left out.
    static func diagnosticText(_ line: String) -> String? {
        guard let range = line.range(of: ": error: ") else { return nil }
        var message = line[range.upperBound...]
        if message.hasSuffix("]"), let group = message.range(of: " [#", options: .backwards),
           message[group.upperBound...].dropLast().allSatisfy({ $0.isLetter || $0.isNumber }) {
            message = message[..<group.lowerBound]
        }
        return "error: " + message
    }

    /// What a program that trapped printed: its output without the runtime's message, which
    /// follows the printed lines (the first `expected` lines are taken as printed, and any
    /// further line that is not the runtime's).
    static func printedBeforeTrap(_ output: String, expected: Int) -> String {
        let lines = OutputLines.split(output)
        guard lines.count > expected else { return output }
        return OutputLines.join(Array(lines.prefix(expected)))
    }
}
