import Foundation
import SwiftToolchain
import WorkbookKit

/// Several chapters' programs as one module: one compiler process, one link, one binary that
/// runs one chapter per process (the chapter's ordinal, `1`, `2`, …, as its argument).
///
/// Each chapter is one file of the module in the library shape (`ChapterProgram+Shapes.swift`)
/// with every declaration `fileprivate`, so chapters that declare the same names (every chapter
/// its own `fmt` or `mean`) do not collide, and none sees another's. Only chapters whose program
/// means and prints exactly the same that way are bundled: every declaration a function, a type
/// alias or a global without modifiers (a type's reflected name would change: `dump` and
/// `debugPrint` of a `fileprivate struct P` print `(unknown context at $…)`), no extension,
/// protocol or operator (they are visible from every file), no `private`, no expected failure.
/// Chapters are bundled only with chapters that import the same modules: an extension member of
/// a module one file imports is visible in every file of the module.
///
/// A bundle is a shortcut: a chapter whose bundled run reports any error runs again as its own
/// program, whose outcome is the one reported (`SwiftCompilerEngine`).
struct ChapterBundle: Sendable, Equatable {
    /// The most chapters one bundle holds: a bundle that does not compile costs its compile
    /// before its chapters compile alone.
    static let maximumChapters = 16

    /// The framing and entry point (`main.swift`), then one file per chapter.
    var sources: [String]
    /// The bundled chapters, in ordinal order (argument `1` runs the first).
    var members: [Member]

    /// The bundled chapters' programs.
    var programs: [ChapterProgram] { members.map(\.program) }
    /// The bundled chapters' paths, in the same order.
    var paths: [String] { members.map(\.path) }

    /// The bundles of `chapters` (with the modules each program imports, `ChapterRunner.modules`):
    /// the chapters that can be bundled, grouped by the modules they import, each group cut
    /// into at most `parts` bundles (one per compiler process that may run at once; more when
    /// a bundle would hold more than `maximumChapters`) of at least two chapters and about as
    /// much code each.
    static func bundles(of chapters: [(chapter: Chapter, modules: [String])], parts: Int = 1) -> [ChapterBundle] {
        var groups: [String: [Member]] = [:]
        var order: [String] = []
        for (chapter, modules) in chapters {
            guard let member = Member(chapter, modules: modules) else { continue }
            if groups[member.imports] == nil { order.append(member.imports) }
            groups[member.imports, default: []].append(member)
        }
        return order.flatMap { imports -> [ChapterBundle] in
            guard let members = groups[imports], members.count > 1 else { return [] }
            let wanted = max(parts, (members.count + maximumChapters - 1) / maximumChapters)
            let count = max(1, min(wanted, members.count / 2))
            var runs: [[Member]] = []
            let total = members.reduce(0) { $0 + $1.file.utf8.count }
            var done = 0
            for member in members {
                // A new bundle starts where the code so far passes its share, while at least
                // two chapters are left for each bundle still to start.
                if runs.isEmpty || (runs.count < count && done >= total * runs.count / count && runs[runs.count - 1].count >= 2) {
                    runs.append([])
                }
                runs[runs.count - 1].append(member)
                done += member.file.utf8.count
            }
            if runs.count > 1, let last = runs.last, last.count < 2 {
                runs.removeLast()
                runs[runs.count - 1] += last
            }
            return runs.map(Self.init(members:))
        }
    }

    init(members: [Member]) {
        self.members = members
        sources = [Self.framing(count: members.count)]
        for (ordinal, member) in members.enumerated() {
            sources.append(member.file + Self.entry(ordinal: ordinal + 1, running: member.runIndices))
        }
    }

    /// The positions of the members that `errors` (the compiler's, located by
    /// `CompilerDiagnostics` relative to the workbook) lie in: at a line of one of a member's
    /// snippets, or in its file (`chapter-<ordinal>.swift`); `nil` when an error lies in none.
    func members(blamedBy errors: [WorkbookError]) -> Set<Int>? {
        var blamed = Set<Int>()
        for error in errors {
            let file = URL(fileURLWithPath: error.path).lastPathComponent
            if file.hasPrefix("chapter-"), file.hasSuffix(".swift"),
               let ordinal = Int(file.dropFirst("chapter-".count).dropLast(".swift".count)), members.indices.contains(ordinal - 1) {
                blamed.insert(ordinal - 1)
                continue
            }
            let matching = members.indices.filter { members[$0].location == error.path && members[$0].lines.contains { $0.contains(error.line) } }
            guard !matching.isEmpty else { return nil }
            blamed.formUnion(matching)
        }
        return blamed
    }

    /// A chapter that can be bundled.
    struct Member: Sendable, Equatable {
        /// The chapter's program as it runs alone (its identity and boundary).
        var program: ChapterProgram
        var path: String
        /// The chapter's path as the program names it (`ChapterProgram.locationName`).
        var location: String
        /// The chapter lines of the code of each snippet it runs.
        var lines: [ClosedRange<Int>]
        /// Its file in a bundle, without its entry function.
        var file: String
        /// The snippets its entry function runs (not the `compile` ones).
        var runIndices: [Int]
        /// The modules its file imports, one per line.
        var imports: String

        /// `nil` when `chapter`, whose program imports `modules`, cannot be bundled.
        init?(_ chapter: Chapter, modules: [String]) {
            program = ChapterProgram(chapter: chapter, modules: modules)
            path = chapter.path
            location = ChapterProgram.locationName(chapter.path)
            guard program.shape == .library else { return nil }
            let runnable = chapter.snippets.filter { !$0.options.norun }
            guard !runnable.isEmpty, !runnable.contains(where: { $0.options.documentation.expect != nil || $0.code.contains("private") }) else {
                return nil
            }
            var split: [SnippetItems] = []
            for snippet in runnable {
                guard let items = SnippetItems(code: snippet.code) else { return nil }
                split.append(items)
            }
            let literal = ChapterProgram.stringLiteral(ChapterProgram.locationName(chapter.path))
            let marker = program.boundary.replacingOccurrences(of: "\u{1}", with: "\\u{1}")
            guard let chunks = ChapterProgram.snippetChunks(runnable, split, file: literal, filePrivate: true) else { return nil }
            var imported = Set(modules)
            for items in split {
                for item in items.imports { imported.insert(item.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")) }
            }
            file = ChapterProgram.importsOnly(path: chapter.path, modules: modules)
                + ChapterProgram.userImports(runnable, split, file: literal)
                + ChapterProgram.runFunction(marker: marker, access: "fileprivate ")
                + chunks.joined()
            runIndices = runnable.filter { !$0.options.compileOnly }.map(\.index)
            lines = runnable.map { $0.codeFirstLine...($0.codeFirstLine + max(0, $0.code.split(separator: "\n", omittingEmptySubsequences: false).count - 1)) }
            imports = imported.sorted().joined(separator: "\n")
        }
    }

    /// The function that runs a bundled chapter's snippets in order.
    static func entry(ordinal: Int, running indices: [Int]) -> String {
        var text = "func _workbookChapter\(ordinal)() throws {\n"
        for index in indices {
            text += "    try _workbookRun(\(index), _workbookSnippet\(index))\n"
        }
        return text + "}\n"
    }

    /// The file every bundle starts with: the framing of `ChapterProgram.prelude` and an entry
    /// point that runs the chapter its argument names.
    static func framing(count: Int) -> String {
        var text = ChapterProgram.prelude(path: "\(count) chapters", modules: []) + ChapterProgram.tryFunction
        text += "@main enum _WorkbookMain {\n    static func main() throws {\n"
        text += "        switch Swift.CommandLine.arguments.dropFirst().first ?? \"\" {\n"
        for ordinal in 1...count {
            text += "        case \"\(ordinal)\": try _workbookChapter\(ordinal)()\n"
        }
        text += "        default: Swift.fatalError(\"no such chapter in this bundle\")\n        }\n    }\n}\n"
        return text
    }
}
