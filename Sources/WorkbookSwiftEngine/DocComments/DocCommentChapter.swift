import SwiftToolchain
import WorkbookKit

/// The chapter of a Swift source file's doc comment examples, so they run like a chapter's
/// snippets: each doc comment is one program (`env=`), its examples in order, checked through
/// their `// Prints` comments (they are listings without recorded outputs, like those in a
/// note), and every code line keeps its source line and column, so diagnostics name the
/// source file where the example is written.
///
/// The chapter's text is a Markdown stand-in for the file with as many lines: each Swift
/// example becomes a fenced snippet whose code lines are the source lines with the comment
/// markers blanked out, whose opening fence sits on the line of the example's fence (or the
/// line above an indented block) and carries the fence's options, and whose closing fence
/// sits on the line below; every other line is empty. `SnippetExtractor` reads it, so
/// options, templates and signatures follow the rules of chapters.
public enum DocCommentChapter {
    /// The environment name of the `index`th doc comment of a file.
    public static func environment(_ index: Int) -> String { "doc-comment-\(index + 1)" }

    /// The chapter of `source`, the text of the Swift file at `path` (relative to the workbook
    /// root), whose programs import `modules`; `nil` when it has no Swift example.
    public static func chapter(path: String, source: String, modules: [String]) throws(WorkbookErrors) -> Chapter? {
        let lineCount = SourceLines(source).count
        var rows = [String](repeating: "", count: max(lineCount, 1) + 2)
        var owners: [Int: Int] = [:]
        var ordinal = 0
        var used = Set<Int>()
        for (commentIndex, comment) in DocCommentScanner.comments(in: source).enumerated() {
            for example in DocCommentCodeBlocks.examples(in: comment) where example.isSwift && !example.lines.isEmpty {
                let open = example.fence?.line ?? (example.lines[0].line - 1)
                let close = example.closingFence?.line ?? (example.lines[example.lines.count - 1].line + 1)
                guard open >= 0, used.isDisjoint(with: open...close) else { continue }
                used.formUnion(open...close)
                let words = example.info.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst()
                rows[open] = (["````swift"] + words.map(String.init)).joined(separator: " ")
                for line in example.lines {
                    rows[line.line] = String(repeating: " ", count: line.column) + line.text
                }
                rows[close] = "````"
                owners[open + 1] = commentIndex
                ordinal += 1
            }
        }
        guard ordinal > 0 else { return nil }
        let text = rows.map { $0 + "\n" }.joined()
        var chapter = try SnippetExtractor().extract(path: path, source: text)
        chapter.blocks = chapter.blocks.compactMap { block in
            guard case .snippet(var snippet) = block else { return nil }
            snippet.nested = true
            if let comment = owners[snippet.fenceLine] {
                snippet.options.documentation.environment = environment(comment)
            }
            return .snippet(snippet)
        }
        chapter.source = source
        chapter.imports = modules
        chapter.isSourceFile = true
        return chapter
    }
}
