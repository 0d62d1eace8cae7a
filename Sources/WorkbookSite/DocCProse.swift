import WorkbookKit

/// The prose of a DocC catalog's page as the site shows it, line for line (every line keeps its
/// number, so problems are still located in the chapter):
///
/// - HTML comments (a listing's `swifttest` blocks, notes to the book's editors) are blank
///   lines: they stay out of the page.
/// - Directives are blank lines: `@Metadata`, `@Options`, `@Comment` and `@Redirected` with
///   everything inside them, any other `@Name(…) {` and its closing `}` (what is inside is
///   shown).
/// - An image by bare name (`![UTF-8](UTF8)`), found anywhere in the catalog, is its light
///   variant (`@2x` preferred), followed by its `~dark` variant when there is one: the page
///   shows them as one picture (see `pictures(in:)`).
///
/// Fenced code is left as written.
enum DocCProse {
    /// Directives whose contents are not shown either.
    static let hiddenDirectives: Set<String> = ["Metadata", "Options", "Comment", "Redirected", "TechnologyRoot", "PageKind", "PageImage", "PageColor", "CallToAction", "Available", "DisplayName", "TitleHeading", "SupportedLanguage", "AutomaticSeeAlso", "AutomaticTitleHeading", "AutomaticArticleSubheading", "AutomaticTopics"]

    static func shown(_ text: String, chapter: Chapter) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var fence: Substring? = nil
        var comment = false
        var hiddenDepth = 0
        var openDirectives: [Bool] = []  // whether each open block directive hides its contents
        for index in lines.indices {
            let line = lines[index]
            let trimmed = Substring(line).drop { $0 == " " || $0 == "\t" }
            if comment {
                if line.contains("-->") { comment = false }
                lines[index] = ""
                continue
            }
            if let open = fence {
                if trimmed.hasPrefix(open) && trimmed.drop(while: { $0 == open.first }).allSatisfy({ $0 == " " }) { fence = nil }
                if hiddenDepth > 0 { lines[index] = "" }
                continue
            }
            if hiddenDepth == 0, trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix { $0 == trimmed.first }
                continue
            }
            if trimmed.hasPrefix("<!--"), !trimmed.hasPrefix("<!-- output") && !trimmed.hasPrefix("<!-- /output") {
                comment = !trimmed.dropFirst(4).contains("-->")
                lines[index] = ""
                continue
            }
            if let name = directiveName(trimmed) {
                let opens = trimmed.hasSuffix("{")
                let hides = hiddenDepth > 0 || hiddenDirectives.contains(name)
                if opens {
                    openDirectives.append(hides)
                    if hides { hiddenDepth += 1 }
                }
                lines[index] = ""
                continue
            }
            if trimmed == "}", !openDirectives.isEmpty {
                if openDirectives.removeLast() { hiddenDepth -= 1 }
                lines[index] = ""
                continue
            }
            if hiddenDepth > 0 {
                lines[index] = ""
                continue
            }
            if let images = chapter.catalogImages, line.contains("![") {
                lines[index] = withImages(line, images: images, prefix: chapter.pathToCatalog)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `Name` of a line that starts with `@Name` (a letter after `@`), else `nil`.
    static func directiveName(_ line: Substring) -> String? {
        guard line.first == "@", let first = line.dropFirst().first, first.isLetter else { return nil }
        return String(line.dropFirst().prefix { $0.isLetter || $0.isNumber })
    }

    /// `line` with each `![alt](name)` of a bare name the catalog has pointing at its files.
    static func withImages(_ line: String, images: [String: CatalogImage], prefix: String) -> String {
        var result = ""
        var rest = Substring(line)
        while let start = rest.range(of: "![") {
            result += rest[..<start.lowerBound]
            let afterBang = rest[start.upperBound...]
            guard let close = afterBang.range(of: "]("), let end = afterBang[close.upperBound...].firstIndex(of: ")") else {
                result += rest[start.lowerBound...]
                return result
            }
            let alt = afterBang[..<close.lowerBound]
            let name = String(afterBang[close.upperBound..<end])
            if let image = images[name], let light = image.light {
                result += "![\(alt)](\(prefix)\(light))"
                if let dark = image.dark { result += "![\(alt)](\(prefix)\(dark))" }
            } else {
                result += rest[start.lowerBound...end]
            }
            rest = afterBang[afterBang.index(after: end)...]
        }
        return result + rest
    }

    /// `html` with each light image directly followed by its `~dark` variant (as `shown` writes
    /// them) made one `<picture>` that shows the dark variant in dark mode.
    static func pictures(in html: String) -> String {
        guard html.contains("~dark") else { return html }
        var result = ""
        var rest = Substring(html)
        while let start = rest.range(of: "<img src=\"") {
            guard let end = rest[start.upperBound...].range(of: "/>") else { break }
            let first = rest[start.lowerBound..<end.upperBound]
            let after = rest[end.upperBound...]
            guard after.hasPrefix("<img src=\""), let secondEnd = after.range(of: "/>") else {
                result += rest[..<end.upperBound]
                rest = after
                continue
            }
            let second = after[..<secondEnd.upperBound]
            let darkSource = second.dropFirst(10).prefix { $0 != "\"" }
            guard darkSource.contains("~dark") else {
                result += rest[..<end.upperBound]
                rest = after
                continue
            }
            result += rest[..<start.lowerBound]
            result += "<picture><source srcset=\"\(darkSource)\" media=\"(prefers-color-scheme: dark)\" />\(first)</picture>"
            rest = after[secondEnd.upperBound...]
        }
        return result + rest
    }
}
