import SwiftToolchain
import WorkbookKit

/// Notebook scoping (`snippets = "notebook"`): the snippets of a program as the cells of a
/// REPL session. Each snippet sees what the earlier ones declared and may declare a name again;
/// from there on the new declaration is the one in force.
///
/// The program stays one module of file-scope declarations (so types can be extended,
/// conformed and nested as usual): a name declared at the top level of more than one snippet
/// gets a version per snippet, written as a suffix (`piǂ4`) that the program's output and the
/// compiler's messages never show. The first declaration keeps the plain name. Each reference
/// to such a name is rewritten to the version in force at its snippet: the latest declaration
/// in that snippet or an earlier one (a declaration further down, when none is earlier).
/// Functions are versioned by their full name (`greet(person:)`), so functions of other full
/// names stay overloads; a call picks the full name its argument labels fit. A reference is
/// left alone where it cannot mean the top-level name: a member (`x.pi`, `.pi`), or inside a
/// declaration or statement that declares the same name itself (a member, a parameter, a local).
struct NotebookScoping {
    /// The character that starts a version suffix.
    static let versionMark = "ǂ"

    /// The chapter as the compiler sees it: the given snippets with versioned names, every
    /// other snippet `norun`.
    var chapter: Chapter
    /// The names each given snippet declares at its top level, by snippet index.
    var declaredNames: [Int: [String]] = [:]
    /// The suffixes inserted on each chapter line: the original 1-based UTF-8 column of each
    /// insertion and its length in bytes.
    private var insertions: [Int: [(column: Int, length: Int)]] = [:]

    /// Snippets whose definitions see the versions of the definition-only listings after them
    /// (see `init`).
    var looksAhead: Set<Int> = []

    /// `blanking` gives, by snippet index, 1-based lines of its code that are left empty
    /// (lines marked `// Error` after they failed as marked); the definitions of the snippets
    /// in `strict` see only the versions in force at their own snippet.
    init(chapter original: Chapter, running active: [Int], blanking: [Int: Set<Int>] = [:], strict: Set<Int> = []) {
        let members = Set(active)
        var chapter = original
        chapter.blocks = original.blocks.map { block in
            guard case .snippet(var snippet) = block else { return block }
            if !members.contains(snippet.index) {
                snippet.options.norun = true
            } else if let lines = blanking[snippet.index] {
                snippet.code = Self.blanking(lines, of: snippet.code)
            }
            return .snippet(snippet)
        }
        let original = chapter
        self.chapter = chapter
        let snippets = active.map { original.snippets[$0] }
        let parsed = snippets.map { NotebookSnippetSyntax(code: $0.code) }
        let versions = NotebookVersions(snippets: snippets, parsed: parsed)
        var replaced: [Int: String] = [:]
        // Consecutive listings that only define types and functions are read as one: a
        // definition's references mean the versions in force after the last of them.
        var horizon: [Int: Int] = [:]
        var runEnd = snippets.last?.index ?? 0
        for position in snippets.indices.reversed() {
            if position + 1 == parsed.count || !parsed[position + 1].definesOnly { runEnd = snippets[position].index }
            let index = snippets[position].index
            horizon[index] = strict.contains(index) ? index : runEnd
            if horizon[index] != index { looksAhead.insert(index) }
        }
        for (snippet, syntax) in zip(snippets, parsed) {
            declaredNames[snippet.index] = syntax.declarations.map(\.name)
            let edits = versions.suffixes(in: syntax, of: snippet.index, definitionsSeeUpTo: horizon[snippet.index] ?? snippet.index)
            guard !edits.isEmpty else { continue }
            replaced[snippet.index] = apply(edits, to: snippet)
        }
        chapter.blocks = chapter.blocks.map { block in
            guard case .snippet(var snippet) = block, let code = replaced[snippet.index] else { return block }
            snippet.code = code
            return .snippet(snippet)
        }
        self.chapter = chapter
    }

    /// `snippet`'s code with `edits` (UTF-8 offset, suffix) inserted; records where.
    private mutating func apply(_ edits: [(offset: Int, suffix: String)], to snippet: Snippet) -> String {
        var bytes = Array(snippet.code.utf8)
        var lineStarts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { lineStarts.append(offset + 1) }
        for edit in edits {
            let lineIndex = (lineStarts.lastIndex { $0 <= edit.offset }) ?? 0
            let column = edit.offset - lineStarts[lineIndex] + 1
            insertions[snippet.codeFirstLine + lineIndex, default: []].append((column, edit.suffix.utf8.count))
        }
        for edit in edits.sorted(by: { $0.offset > $1.offset }) {
            bytes.insert(contentsOf: Array(edit.suffix.utf8), at: edit.offset)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `code` with the 1-based `lines` emptied (their line breaks kept).
    static func blanking(_ lines: Set<Int>, of code: String) -> String {
        code.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { lines.contains($0.offset + 1) ? "" : String($0.element) }.joined(separator: "\n")
    }

    /// `text` without version suffixes.
    static func stripped(_ text: String) -> String {
        guard text.contains(versionMark) else { return text }
        var result = ""
        var dropping = false
        for character in text {
            if String(character) == versionMark {
                dropping = true
                continue
            }
            if dropping, character.isASCII, character.isNumber { continue }
            dropping = false
            result.append(character)
        }
        return result
    }

    /// The column `column` of the compiled `line` had in the chapter.
    func originalColumn(line: Int, column: Int) -> Int {
        guard let inserted = insertions[line], column > 0 else { return column }
        var shift = 0
        for insertion in inserted.sorted(by: { $0.column < $1.column }) {
            let start = insertion.column + shift
            if column < start { break }
            if column < start + insertion.length { return insertion.column }
            shift += insertion.length
        }
        return column - shift
    }

    /// `run` as the chapter's own code would give it: no version suffixes in outputs and
    /// messages, columns of the chapter.
    func restore(_ run: ChapterRun) -> ChapterRun {
        var run = run
        run.outputs = run.outputs.mapValues(Self.stripped)
        run.errors = run.errors.map(restore)
        if var stopped = run.stoppedSnippet {
            stopped.printed = Self.stripped(stopped.printed)
            stopped.standardError = Self.stripped(stopped.standardError)
            run.stoppedSnippet = stopped
        }
        return run
    }

    func restore(_ error: WorkbookError) -> WorkbookError {
        var error = error
        if error.path == chapter.path { error.column = originalColumn(line: error.line, column: error.column) }
        error.message = Self.stripped(error.message)
        error.details = Self.stripped(error.details)
        return error
    }
}

/// Which declarations get a version, and which version each reference means.
struct NotebookVersions {
    /// Every top-level declaration by key, in snippet order, with its snippet's index.
    var declarations: [String: [(snippet: Int, declaration: NotebookSnippetSyntax.Declaration)]] = [:]
    /// The full names of the functions of each base name, with their parameters.
    var functions: [String: [String: [NotebookSnippetSyntax.Parameter]]] = [:]
    /// Keys declared by more than one snippet.
    var versioned: Set<String> = []
    /// The members of each type, over every snippet, and the types it inherits from.
    var members: [String: Set<String>] = [:]
    var supertypes: [String: Set<String>] = [:]

    init(snippets: [Snippet], parsed: [NotebookSnippetSyntax]) {
        for (snippet, syntax) in zip(snippets, parsed) {
            for declaration in syntax.declarations {
                declarations[declaration.key, default: []].append((snippet.index, declaration))
                if let parameters = declaration.parameters, functions[declaration.name]?[declaration.key] == nil {
                    functions[declaration.name, default: [:]][declaration.key] = parameters
                }
            }
            for item in syntax.items {
                guard let type = item.typeName else { continue }
                members[type, default: []].formUnion(item.members)
                supertypes[type, default: []].formUnion(item.inherited)
            }
        }
        versioned = Set(declarations.filter { Set($0.value.map(\.snippet)).count > 1 }.keys)
    }

    /// The suffix of `key`'s version in force in snippet `index`: the latest declaration at or
    /// before it, else the first; the first declaration has none.
    func suffix(of key: String, in index: Int) -> String {
        guard versioned.contains(key), let all = declarations[key], let first = all.first?.snippet else { return "" }
        let inForce = all.last { $0.snippet <= index }?.snippet ?? first
        return inForce == first ? "" : NotebookScoping.versionMark + String(inForce)
    }

    /// The members a reference inside `item` may mean instead of a top-level name: those of the
    /// type the item declares or extends, and of its supertypes.
    func memberNames(of item: NotebookSnippetSyntax.Item) -> Set<String> {
        guard let type = item.typeName else { return [] }
        var names: Set<String> = []
        var seen: Set<String> = []
        var pending = [type] + item.inherited
        while let next = pending.popLast() {
            guard seen.insert(next).inserted else { continue }
            names.formUnion(members[next] ?? [])
            pending += supertypes[next] ?? []
        }
        return names
    }

    /// The suffixes to insert in a snippet's code: after its own versioned declarations and
    /// after references to versioned names.
    /// References inside definitions (types, functions) mean the versions in force at snippet
    /// `horizon` (the last of the definition-only listings that follow), except names the
    /// snippet declares itself.
    func suffixes(in syntax: NotebookSnippetSyntax, of index: Int, definitionsSeeUpTo horizon: Int) -> [(offset: Int, suffix: String)] {
        guard !versioned.isEmpty else { return [] }
        var edits: [(offset: Int, suffix: String)] = []
        for declaration in syntax.declarations where versioned.contains(declaration.key) {
            let suffix = suffix(of: declaration.key, in: index)
            if !suffix.isEmpty { edits.append((declaration.offset, suffix)) }
        }
        var shadowed: [Int: Set<String>] = [:]
        for reference in syntax.references {
            let names = shadowed[reference.item] ?? {
                let item = syntax.items[reference.item]
                let names = item.nestedNames.union(memberNames(of: item))
                shadowed[reference.item] = names
                return names
            }()
            if names.contains(reference.name) { continue }
            guard let key = key(of: reference), versioned.contains(key) else { continue }
            let ownKey = syntax.declarations.contains { $0.key == key }
            let seenFrom = syntax.items[reference.item].isDefinition && !ownKey ? horizon : index
            let suffix = suffix(of: key, in: seenFrom)
            if !suffix.isEmpty { edits.append((reference.offset, suffix)) }
        }
        return edits
    }

    /// The declaration key a reference means, or `nil` when it is not one name's.
    func key(of reference: NotebookSnippetSyntax.Reference) -> String? {
        if let overloads = functions[reference.name] {
            if let labels = reference.callLabels {
                if reference.namesFunction {
                    let key = reference.name + "(" + labels.map { ($0 ?? "_") + ":" }.joined() + ")"
                    return overloads[key] != nil ? key : nil
                }
                let fitting = overloads.filter { Self.accepts($0.value, labels) }
                if fitting.count == 1 { return fitting.first?.key }
                let exact = fitting.filter { $0.value.map(\.label) == labels }
                return exact.count == 1 ? exact.first?.key : nil
            }
            return overloads.count == 1 ? overloads.first?.key : nil
        }
        return declarations[reference.name] != nil ? reference.name : nil
    }

    /// Whether a call with argument `labels` fits `parameters` (defaults may be left out, a
    /// variadic parameter takes the unlabeled arguments after it, a closure may be trailing).
    static func accepts(_ parameters: [NotebookSnippetSyntax.Parameter], _ labels: [String?]) -> Bool {
        var next = 0
        for parameter in parameters {
            if next < labels.count, labels[next] == parameter.label || (labels[next] == nil && parameter.isFunction) {
                next += 1
                if parameter.isVariadic { while next < labels.count, labels[next] == nil { next += 1 } }
                continue
            }
            if parameter.hasDefault || parameter.isVariadic { continue }
            return false
        }
        return next == labels.count
    }
}
