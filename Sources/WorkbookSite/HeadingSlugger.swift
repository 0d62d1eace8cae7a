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
        if let slug = asciiSlug(text) { return slug }
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

    /// `slugify` for ASCII text, byte by byte (for ASCII, lowercasing only maps `A`–`Z`, the
    /// letters are `a`–`z` and the numbers `0`–`9`); `nil` for text that is not all ASCII.
    private static func asciiSlug(_ text: String) -> String? {
        var slug: [UInt8] = []
        slug.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case 0x80...: return nil
            case UInt8(ascii: " "): slug.append(UInt8(ascii: "-"))
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): slug.append(byte + 32)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"):
                slug.append(byte)
            default: break
            }
        }
        return slug.isEmpty ? "section" : String(decoding: slug, as: UTF8.self)
    }
}
