import Foundation

/// A DocC catalog used as the chapters folder (`chapters = "TSPL.docc"`): its Markdown files in
/// reading order, and its images by the bare names DocC pages use.
///
/// The order: the pages the root page's `Topics` name (`- <doc:GuidedTour>`), in that
/// order, then the other pages by path. The root page (the file with `@TechnologyRoot`) only
/// gives that order: it is the catalog's landing page, and the site's index takes its place.
public struct DocCCatalog: Sendable, Equatable {
    /// The `.md` files, relative to the catalog folder, in reading order.
    public var pages: [String]
    /// The images, by bare name (`UTF8` for `Assets/UTF8@2x.png`).
    public var images: [String: CatalogImage]

    /// Whether the chapters folder `name` is a DocC catalog.
    public static func isCatalog(_ name: String) -> Bool { name.hasSuffix(".docc") }

    /// Reads the catalog at `folder` (its files' names, and the root page's text).
    public static func read(_ folder: URL) -> DocCCatalog {
        var markdown: [String] = []
        var imageFiles: [String] = []
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        let base = folder.standardizedFileURL.path
        while let url = enumerator?.nextObject() as? URL {
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(base + "/") else { continue }
            let relative = String(path.dropFirst(base.count + 1))
            let lowered = relative.lowercased()
            if lowered.hasSuffix(".md") { markdown.append(relative) }
            else if ["png", "jpg", "jpeg", "gif", "svg"].contains(where: { lowered.hasSuffix("." + $0) }) { imageFiles.append(relative) }
        }
        markdown.sort { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        imageFiles.sort { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        let texts = markdown.map { (try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)) ?? "" }
        return DocCCatalog(pages: ordered(markdown, texts: texts), images: images(imageFiles))
    }

    static let technologyRoot = "@TechnologyRoot"

    /// Whether `needle` occurs in `text`, byte for byte over their UTF-8.
    static func mentions(_ text: String, _ needle: String) -> Bool {
        var text = text
        let wanted = Array(needle.utf8)
        guard let first = wanted.first else { return true }
        return text.withUTF8 { bytes in
            guard bytes.count >= wanted.count else { return false }
            var index = 0
            let last = bytes.count - wanted.count
            while index <= last {
                if bytes[index] == first {
                    var matched = 1
                    while matched < wanted.count && bytes[index + matched] == wanted[matched] { matched += 1 }
                    if matched == wanted.count { return true }
                }
                index += 1
            }
            return false
        }
    }

    /// `pages` (sorted by path) in reading order, given their texts.
    static func ordered(_ pages: [String], texts: [String]) -> [String] {
        // A quick look for the directive's name before reading a page line by line.
        guard let rootIndex = texts.firstIndex(where: { text in
            mentions(text, technologyRoot) &&
                text.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == "@TechnologyRoot" }
        }) else { return pages }
        var result: [String] = []
        var rest = pages
        rest.remove(at: rootIndex)
        for name in topics(in: texts[rootIndex]) {
            if let index = rest.firstIndex(where: { baseName($0) == name }) {
                result.append(rest.remove(at: index))
            }
        }
        return result + rest
    }

    /// The names of the `- <doc:Name>` items under the root page's `## Topics`, in order.
    static func topics(in text: String) -> [String] {
        var names: [String] = []
        var inTopics = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("## ") { inTopics = trimmed == "## Topics" }
            guard inTopics, trimmed.hasPrefix("- <doc:"), let end = trimmed.firstIndex(of: ">") else { continue }
            let name = trimmed[trimmed.index(trimmed.startIndex, offsetBy: 7)..<end]
            names.append(String(name.split(separator: "#").first ?? name))
        }
        return names
    }

    /// `LanguageGuide/TheBasics.md` → `TheBasics`.
    static func baseName(_ path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return file.hasSuffix(".md") ? String(file.dropLast(3)) : file
    }

    /// The images by bare name: `name.png`, `name@2x.png` (preferred) and their `~dark` variants.
    static func images(_ files: [String]) -> [String: CatalogImage] {
        var result: [String: CatalogImage] = [:]
        for file in files {
            var name = Substring(file.split(separator: "/").last ?? Substring(file))
            if let dot = name.lastIndex(of: ".") { name = name[..<dot] }
            var scale = 1
            for (suffix, value) in [("@2x", 2), ("@3x", 3)] where name.hasSuffix(suffix) {
                name = name.dropLast(suffix.count)
                scale = value
            }
            let dark = name.hasSuffix("~dark")
            if dark { name = name.dropLast(5) }
            var image = result[String(name)] ?? CatalogImage()
            // The @2x variant is preferred (the book's assets are all @2x); then the plain one.
            func better(_ current: (path: String, scale: Int)?) -> Bool {
                guard let current else { return true }
                return scale == 2 || (current.scale != 2 && scale < current.scale)
            }
            if dark {
                if better(image.darkChoice) { image.darkChoice = (file, scale) }
            } else if better(image.lightChoice) {
                image.lightChoice = (file, scale)
            }
            result[String(name)] = image
        }
        return result.filter { $0.value.light != nil }
    }
}

/// An image of a catalog: its light variant and, if any, its `~dark` one (paths relative to
/// the catalog folder).
public struct CatalogImage: Sendable, Equatable {
    var lightChoice: (path: String, scale: Int)? = nil
    var darkChoice: (path: String, scale: Int)? = nil
    public var light: String? { lightChoice?.path }
    public var dark: String? { darkChoice?.path }

    public init(light: String? = nil, dark: String? = nil) {
        lightChoice = light.map { ($0, 2) }
        darkChoice = dark.map { ($0, 2) }
    }

    public static func == (lhs: CatalogImage, rhs: CatalogImage) -> Bool {
        lhs.light == rhs.light && lhs.dark == rhs.dark
    }
}
