import Foundation

/// The site's search index: one entry per section of every chapter (the text under a heading,
/// outputs included), written as a script (`search-index.js`) so that pages opened from
/// `file://` can load it without a request `fetch` would refuse.
enum SearchIndex {
    struct Entry: Encodable {
        /// The page and anchor (`02-ewa.html#bias-correction`).
        var url: String
        /// The chapter's title.
        var chapter: String
        /// The section's heading (empty for the text before the first heading).
        var heading: String
        var text: String
    }

    static func entries(page: String, chapterTitle: String, sections: [SearchSection]) -> [Entry] {
        sections.compactMap { section in
            let text = collapsed(section.text)
            guard !text.isEmpty || !section.title.isEmpty else { return nil }
            return Entry(url: page + (section.anchor.map { "#" + $0 } ?? ""), chapter: chapterTitle, heading: section.title, text: text)
        }
    }

    static func script(_ entries: [Entry]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(entries)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        // `</` would end an inline script; escaped, it reads the same to JSON.
        return "window.workbookSearchIndex = " + json.replacingOccurrences(of: "</", with: "<\\/") + ";\n"
    }

    private static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }
}
