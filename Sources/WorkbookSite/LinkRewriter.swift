/// Turns links to chapters into links to their pages: a chapter file relative to the linking
/// file (`./02-ewa.md#bias` → `02-ewa.html#bias`), or a DocC link (`<doc:ewa#Bias>`). Finds
/// links to chapters or anchors that do not exist. Links that lead anywhere else (another
/// folder, another project, a web page) are left as they are.
struct LinkRewriter {
    /// A chapter's page and what a link may name in it.
    struct Target {
        /// The chapter's path from the workbook root (`chapters/02-ewa.md`).
        var path: String
        var page: String
        /// Every `id` of the page: heading anchors, `id` attributes, footnotes.
        var anchors: [String]
        /// The first heading's text, which a DocC link may name.
        var title: String
    }

    private let targets: [String: Target]
    private let ordered: [Target]

    init(targets: [Target]) {
        ordered = targets
        self.targets = Dictionary(targets.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The new destination (`nil`: keep it), or why the link is broken. `currentPath` is the
    /// linking file's path from the workbook root.
    func rewrite(_ destination: String, fromFile currentPath: String) -> Result<String?, LinkProblem> {
        if destination.hasPrefix("doc:") { return rewriteDocC(destination) }
        if destination.isEmpty || Self.hasScheme(destination) || destination.hasPrefix("//") || destination.hasPrefix("/") {
            return .success(nil)
        }
        let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0])
        let fragment = parts.count > 1 ? String(parts[1]) : nil
        if path.isEmpty {
            guard let fragment, let current = targets[currentPath] else { return .success(nil) }
            guard let anchor = Self.anchor(fragment, in: current.anchors) else {
                return .failure(LinkProblem(message: "link to '#\(fragment)': this chapter has no such heading nor other anchor\(Self.suggestions(current.anchors))"))
            }
            return .success(anchor == fragment ? nil : "#" + anchor)
        }
        guard path.hasSuffix(".md") else { return .success(nil) }
        let folder = Self.folder(of: currentPath)
        guard let resolved = Self.normalized(folder.isEmpty ? path.decodingPercents : folder + "/" + path.decodingPercents) else {
            return .success(nil)
        }
        guard let target = targets[resolved] else {
            // Only a missing file of the chapters' own folder is a broken chapter link.
            guard Self.folder(of: resolved) == folder, !ordered.isEmpty, folder == Self.folder(of: ordered[0].path) else { return .success(nil) }
            let known = ordered.map { "'\(Self.fileName($0.path))'" }.joined(separator: ", ")
            return .failure(LinkProblem(message: "link to '\(destination)': there is no chapter '\(Self.fileName(resolved))' (chapters: \(known))"))
        }
        guard let fragment else { return .success(target.page) }
        guard let anchor = Self.anchor(fragment, in: target.anchors) else {
            return .failure(LinkProblem(message: "link to '\(destination)': '\(Self.fileName(target.path))' has no heading '#\(fragment)' nor other anchor of that name\(Self.suggestions(target.anchors))"))
        }
        return .success("\(target.page)#\(anchor)")
    }

    /// `doc:Name` or `doc:Name#Heading`: the chapter whose file name without its number prefix,
    /// or whose first heading, reads as `Name` (case, spaces, `-` and `_` aside).
    private func rewriteDocC(_ destination: String) -> Result<String?, LinkProblem> {
        let parts = destination.dropFirst(4).split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let name = String(parts[0]).decodingPercents
        let key = Self.docCKey(name)
        guard let target = ordered.first(where: { Self.docCKey(Self.docCName($0.path)) == key })
                ?? ordered.first(where: { Self.docCKey($0.title) == key }) else {
            let known = ordered.map { "'\(Self.docCName($0.path))'" }.joined(separator: ", ")
            return .failure(LinkProblem(message: "link to '<\(destination)>': no chapter is named '\(name)' (chapters: \(known))"))
        }
        guard parts.count > 1 else { return .success(target.page) }
        let fragment = String(parts[1])
        guard let anchor = Self.anchor(fragment, in: target.anchors) else {
            return .failure(LinkProblem(message: "link to '<\(destination)>': '\(Self.fileName(target.path))' has no heading '#\(fragment)' nor other anchor of that name\(Self.suggestions(target.anchors))"))
        }
        return .success("\(target.page)#\(anchor)")
    }

    /// The title a DocC link to `path` shows.
    func title(ofDocCLink destination: String) -> String? {
        guard destination.hasPrefix("doc:") else { return nil }
        let name = destination.dropFirst(4).split(separator: "#", maxSplits: 1).first.map(String.init) ?? ""
        let key = Self.docCKey(name.decodingPercents)
        return (ordered.first(where: { Self.docCKey(Self.docCName($0.path)) == key })
            ?? ordered.first(where: { Self.docCKey($0.title) == key }))?.title
    }

    /// The anchor a fragment names: exactly, else ignoring case.
    private static func anchor(_ fragment: String, in anchors: [String]) -> String? {
        let decoded = fragment.decodingPercents
        if anchors.contains(decoded) { return decoded }
        let lowered = decoded.lowercased()
        return anchors.first { $0.lowercased() == lowered }
    }

    private static func docCKey(_ name: String) -> String {
        String(name.lowercased().map { $0 == " " || $0 == "_" ? "-" : $0 })
    }

    /// `chapters/02-ewa.md` → `ewa`.
    private static func docCName(_ path: String) -> String {
        var name = Substring(fileName(path))
        if name.hasSuffix(".md") { name = name.dropLast(3) }
        let digits = name.prefix(while: \.isNumber)
        if !digits.isEmpty, let separator = name.dropFirst(digits.count).first, separator == "-" || separator == "_" {
            name = name.dropFirst(digits.count + 1)
        }
        return String(name)
    }

    private static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    private static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// `a/./b/../c.md` → `a/c.md`; `nil` when the path leaves the workbook root.
    private static func normalized(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    private static func suggestions(_ anchors: [String]) -> String {
        let unique = Set(anchors).sorted()
        return unique.isEmpty ? "" : " (anchors: \(unique.prefix(12).map { "'#\($0)'" }.joined(separator: ", ")))"
    }

    static func hasScheme(_ destination: String) -> Bool {
        guard let colon = destination.firstIndex(of: ":") else { return false }
        let scheme = destination[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }
}

extension String {
    /// The string with `%XX` escapes decoded, or itself when it has none or they are invalid.
    var decodingPercents: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        let view = Array(utf8)
        var index = 0
        while index < view.count {
            if view[index] == UInt8(ascii: "%"), index + 2 < view.count,
               let value = UInt8(String(decoding: view[(index + 1)...(index + 2)], as: UTF8.self), radix: 16) {
                bytes.append(value)
                index += 3
            } else {
                bytes.append(view[index])
                index += 1
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? self
    }
}
