import Foundation
import WorkbookKit
import WorkbookSite

/// One fuzz input, fed to every parser a user's files reach: `workbook.toml` parsing, chapter
/// extraction, promotion of outputs into the chapter, and page rendering. Errors are fine;
/// a trap is a finding.
enum FuzzInput {
    static let renderer = MarkdownFileRenderer(day: CalendarDay(iso: "2024-02-29")!)

    static func exercise(_ bytes: UnsafeRawBufferPointer) {
        let text = String(decoding: bytes, as: UTF8.self)
        _ = try? WorkbookConfig.parse(toml: text)
        if let chapter = try? SnippetExtractor().extract(path: "chapters/fuzz.md", source: text) {
            let outputs: [String?] = chapter.snippets.enumerated().map { index, _ in
                index % 3 == 2 ? nil : String(text.prefix(index * 7 % 40))
            }
            _ = Promoter().promote(chapter, outputs: outputs)
        }
        _ = try? renderer.render(text, path: "chapters/fuzz.md")
    }
}
