/// GitHub-style heading anchors: lowercase, punctuation dropped, spaces as hyphens; a repeated
/// slug gets `-1`, `-2`, … (as github-slugger does).
struct HeadingSlugger {
    private var occurrences: [String: Int] = [:]

    /// The anchor for the next heading with text `text`.
    mutating func slug(for text: String) -> String {
        let base = Self.slugify(text)
        var slug = base
        while let count = occurrences[slug] {
            let next = (occurrences[base] ?? count) + 1
            occurrences[base] = next
            slug = "\(base)-\(next)"
        }
        occurrences[slug] = 0
        return slug
    }

    static func slugify(_ text: String) -> String {
        var slug = ""
        for character in text.lowercased() {
            if character == " " {
                slug.append("-")
            } else if character == "-" || character == "_" || character.isLetter || character.isNumber {
                slug.append(character)
            }
        }
        return slug.isEmpty ? "section" : slug
    }
}
