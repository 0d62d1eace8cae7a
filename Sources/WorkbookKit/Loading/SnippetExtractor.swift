/// Splits a chapter's Markdown into prose and snippets, with each snippet's recorded output.
///
/// A snippet is a fenced block whose info string starts with `swift`; the words after it are
/// options. Its recorded output follows it, blank lines allowed between: a fenced block with
/// info string `output`, or the lines between `<!-- output -->` and `<!-- /output -->`.
/// Every problem of the chapter is reported at once.
public struct SnippetExtractor: Sendable {
    public static let outputStartMarker = "<!-- output -->"
    public static let outputEndMarker = "<!-- /output -->"

    /// Whether the `swifttest` blocks in HTML comments are read as hidden snippets
    /// (`swifttest = "check"`).
    public var swifttests: Bool

    public init(swifttests: Bool = false) {
        self.swifttests = swifttests
    }

    /// Parses `source`, the text of the file at `path` (relative to the workbook root).
    public func extract(path: String, source: String) throws(WorkbookErrors) -> Chapter {
        var parser = Parser(path: path, lines: SourceLines(source))
        parser.swifttests = swifttests
        parser.run()
        if !parser.errors.isEmpty { throw WorkbookErrors(parser.errors) }
        return Chapter(path: path, source: source, blocks: parser.blocks)
    }
}

private struct Parser {
    let path: String
    let lines: SourceLines
    var blocks: [ChapterBlock] = []
    var errors: [WorkbookError] = []
    var proseStart = 0
    var snippetCount = 0
    var nestedSnippet = NestedSnippetDetector()
    var swifttests = false

    init(path: String, lines: SourceLines) {
        self.path = path
        self.lines = lines
    }

    mutating func run() {
        var index = 0
        while index < lines.count {
            let line = lines.content(index)
            if let end = htmlCommentEnd(from: index) {
                // An HTML comment is an HTML block up to its `-->`: a fence inside it (a
                // listing's test kept in a comment) is not code, unless it is a `swifttest` block.
                if swifttests { swifttestSnippets(in: index...end) }
                index = end + 1
            } else if let column = nestedSnippet.read(line) {
                index = nestedSnippet(openedAt: index, column: column)
            } else if let fence = CodeFence(opening: line) {
                let close = closingLine(of: fence, openedAt: index)
                if fence.language == "swift" {
                    index = snippet(fence: fence, openedAt: index, closedAt: close)
                    continue
                }
                if fence.language == "output" {
                    error(line: index, column: fence.infoColumn,
                          "a recorded output must directly follow a swift snippet")
                }
                index = (close ?? lines.count - 1) + 1
            } else if isMarker(index, SnippetExtractor.outputStartMarker) {
                error(line: index, column: 1, "a recorded output must directly follow a swift snippet")
                index += 1
            } else {
                index += 1
            }
        }
        flushProse(upTo: lines.count)
    }

    /// Reads the swift snippet whose fence opens at `column` of line `open`, inside a block
    /// quote or a list item: its code is its lines without the container's prefix (the
    /// characters before the fence, when they are `>` and spaces). It ends at its closing
    /// fence, or where the container does. Returns the next line to read; the lines stay in
    /// the prose around it.
    mutating func nestedSnippet(openedAt open: Int, column: Int) -> Int {
        let width = column - 1
        func inContainer(_ index: Int) -> Bool {
            lines.content(index).prefix(width).allSatisfy { $0 == ">" || $0 == " " || $0 == "\t" }
        }
        func stripped(_ index: Int) -> Substring { lines.content(index).dropFirst(min(width, lines.content(index).count)) }
        guard let fence = CodeFence(opening: stripped(open)) else { return open + 1 }
        var end = open + 1
        var closed = false
        while end < lines.count, inContainer(end) {
            _ = nestedSnippet.read(lines.content(end))
            if fence.isClosed(by: stripped(end)) { closed = true; break }
            end += 1
        }
        let codeLines = (open + 1..<end).map { String(stripped($0)) + "\n" }
        var options = parseOptions(fence, line: open)
        let code = codeLines.joined()
        if !options.norun, let placeholder = EditorPlaceholders.first(in: code) {
            for problem in options.markTemplate(placeholder: placeholder.text) {
                error(line: open + placeholder.line, column: placeholder.column, problem)
            }
        }
        var snippet = Snippet(index: snippetCount, fenceLine: open + 1, code: code, codeFirstLine: open + 2,
                              options: options, lineRange: open..<(closed ? end + 1 : end), recorded: nil)
        snippet.nested = true
        blocks.append(.snippet(snippet))
        snippetCount += 1
        return closed ? end + 1 : end
    }

    /// Appends a hidden snippet for each `swifttest` block of the comment on `range`, in the
    /// program of its test name; a listing right above the comment is tested by them: it is
    /// not run itself, and its drift from their code is noted.
    mutating func swifttestSnippets(in range: ClosedRange<Int>) {
        let found = SwifttestReader.blocks(in: range, of: lines)
        guard !found.isEmpty else { return }
        if let last = blocks.indices.last, case .snippet(var listing) = blocks[last], !listing.inProse,
           ((listing.recorded?.lineRange.upperBound ?? listing.lineRange.upperBound)..<range.lowerBound)
               .allSatisfy({ lines.isBlank($0) }) {
            listing.tested = true
            if !listing.options.template && !listing.options.signature { listing.options.norun = true }
            // A block of several tests is found once per test: its code counts once.
            let distinct = found.enumerated().filter { index, item in !found[..<index].contains { $0.open == item.open } }.map(\.element.block)
            listing.drift = ListingDrift.find(listing: listing, testedBy: distinct)
            blocks[last] = .snippet(listing)
        }
        for item in found {
            var options = SnippetOptions(hide: true)
            let name = String(item.block.testName.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" ? $0 : "_" })
            options.documentation = DocumentationOptions(environment: "swifttest-" + name, expect: item.block.expected)
            var snippet = Snippet(index: snippetCount, fenceLine: item.open + 1,
                                  code: SwifttestReader.programCode(of: item, lines: lines), codeFirstLine: item.open + 2,
                                  options: options, lineRange: item.open..<item.close + 1, recorded: nil)
            snippet.swifttest = item.block
            blocks.append(.snippet(snippet))
            snippetCount += 1
        }
    }

    /// Whether, with `swifttest = "check"`, the first line from `index` that is not blank
    /// opens an HTML comment holding `swifttest` blocks: they test the listing just read.
    func testedBySwifttest(from index: Int) -> Bool {
        guard swifttests else { return false }
        var probe = index
        while probe < lines.count && lines.isBlank(probe) { probe += 1 }
        guard probe < lines.count, let end = htmlCommentEnd(from: probe) else { return false }
        // As ``SwifttestReader/blocks(in:of:)`` finds them: a line that opens a `swifttest` fence.
        return (probe...end).contains { lines.content($0).drop { $0 == " " }.hasPrefix("```swifttest") }
    }

    /// The last line of the HTML comment that starts at line `index` (after at most three
    /// spaces), or `nil` when none starts there; an output marker is not such a comment.
    func htmlCommentEnd(from index: Int) -> Int? {
        let line = lines.content(index)
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3, line.dropFirst(indent).hasPrefix("<!--"),
              !isMarker(index, SnippetExtractor.outputStartMarker), !isMarker(index, SnippetExtractor.outputEndMarker) else { return nil }
        if line.dropFirst(indent + 4).contains("-->") { return index }
        return (index + 1..<lines.count).first { lines.content($0).contains("-->") } ?? lines.count - 1
    }

    /// Reads the snippet opened at `open` and its recorded output; returns the next line to read.
    mutating func snippet(fence: CodeFence, openedAt open: Int, closedAt close: Int?) -> Int {
        guard let close else {
            error(line: open, column: 1, "the swift snippet's code fence is never closed")
            return lines.count
        }
        var options = parseOptions(fence, line: open)
        let code = lines.joined(open + 1..<close)
        if !options.norun, let placeholder = EditorPlaceholders.first(in: code) {
            for problem in options.markTemplate(placeholder: placeholder.text) {
                error(line: open + placeholder.line, column: placeholder.column, problem)
            }
        }
        flushProse(upTo: open)
        var next = close + 1
        var recorded: RecordedOutput? = nil
        var probe = next
        while probe < lines.count && lines.isBlank(probe) { probe += 1 }
        if probe < lines.count {
            if let outputFence = CodeFence(opening: lines.content(probe)), outputFence.info == "output" {
                if let end = closingLine(of: outputFence, openedAt: probe) {
                    recorded = RecordedOutput(
                        text: lines.joined(probe + 1..<end), style: .fenced, lineRange: probe..<end + 1)
                    next = end + 1
                } else {
                    error(line: probe, column: 1, "the recorded output's code fence is never closed")
                    next = lines.count
                }
            } else if isMarker(probe, SnippetExtractor.outputStartMarker) {
                if let end = (probe + 1..<lines.count).first(where: { isMarker($0, SnippetExtractor.outputEndMarker) }) {
                    recorded = RecordedOutput(
                        text: lines.joined(probe + 1..<end), style: .markers, lineRange: probe..<end + 1)
                    next = end + 1
                } else {
                    error(line: probe, column: 1,
                          "'\(SnippetExtractor.outputStartMarker)' has no matching '\(SnippetExtractor.outputEndMarker)'")
                    next = lines.count
                }
            }
        }
        // Signatures: declarations without bodies are shown and checked, not run. A listing
        // that `swifttest` blocks right under it test is neither run nor checked as a
        // signature (its test is its check): only a `signature` it asks for is looked at.
        if options.signature || !testedBySwifttest(from: next) {
            for problem in SignatureSnippets.classify(&options, code: code, firstLine: open + 2,
                                                      fenceLine: open + 1, fenceColumn: fence.infoColumn) {
                error(line: problem.line - 1, column: problem.column, problem.message)
            }
        }
        if !options.norun, let offset = (open + 1..<close).first(where: { lines.content($0).trimmingSpaces.hasPrefix("#sourceLocation") }) {
            let column = lines.content(offset).prefix { $0 == " " || $0 == "\t" }.count + 1
            error(line: offset, column: column, "'#sourceLocation' cannot be used in a snippet: workbook maps snippet lines to the chapter itself")
        }
        blocks.append(.snippet(Snippet(
            index: snippetCount, fenceLine: open + 1, code: code,
            codeFirstLine: open + 2, options: options, lineRange: open..<close + 1, recorded: recorded)))
        snippetCount += 1
        proseStart = recorded == nil ? close + 1 : next
        return next
    }

    mutating func parseOptions(_ fence: CodeFence, line: Int) -> SnippetOptions {
        var options = SnippetOptions()
        var column = fence.infoColumn
        var rest = fence.info
        // Skip the language word.
        let language = rest.prefix { $0 != " " && $0 != "\t" }
        rest = rest.dropFirst(language.count)
        column += language.count
        while !rest.isEmpty {
            let spaces = rest.prefix { $0 == " " || $0 == "\t" }.count
            rest = rest.dropFirst(spaces)
            column += spaces
            let word = rest.prefix { $0 != " " && $0 != "\t" }
            guard !word.isEmpty else { break }
            switch word {
            case "hide": options.hide = true
            case "norun": options.norun = true
            case "signature": options.signature = true
            case "compile": options.compileOnly = true
            default:
                switch options.documentation.read(word) {
                case .read: break
                case .invalid(let message): error(line: line, column: column, message)
                case .notDocumentation:
                    if word.hasPrefix("output="), let kind = OutputKind(rawValue: String(word.dropFirst(7))) {
                        options.output = kind
                    } else if word.hasPrefix("output=") {
                        let known = OutputKind.allCases.map(\.rawValue).joined(separator: ", ")
                        error(line: line, column: column,
                              "unknown output kind '\(word.dropFirst(7))' (known: \(known))")
                    } else {
                        error(line: line, column: column,
                              "unknown snippet option '\(word)' (known: hide, norun, compile, signature, output=text|markdown|html|none, \(DocumentationOptions.spellings))")
                    }
                }
            }
            rest = rest.dropFirst(word.count)
            column += word.count
        }
        if options.hide && options.norun {
            error(line: line, column: fence.infoColumn, "a snippet cannot be both 'hide' and 'norun'")
        }
        for problem in options.documentation.problems(with: options) + options.compileProblems {
            error(line: line, column: fence.infoColumn, problem)
        }
        return options
    }

    func closingLine(of fence: CodeFence, openedAt open: Int) -> Int? {
        (open + 1..<lines.count).first { fence.isClosed(by: lines.content($0)) }
    }

    func isMarker(_ index: Int, _ marker: String) -> Bool {
        lines.content(index).trimmingSpaces == marker
    }

    mutating func flushProse(upTo end: Int) {
        if proseStart < end {
            blocks.append(.prose(Prose(text: lines.joined(proseStart..<end), firstLine: proseStart + 1)))
        }
        proseStart = end
    }

    mutating func error(line: Int, column: Int, _ message: String) {
        errors.append(WorkbookError(path: path, line: line + 1, column: column, message: message, stage: "load"))
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text
    }
}
