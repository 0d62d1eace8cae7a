/// Turns links to chapter files (`./02-ewa.md#bias`) into links to their pages
/// (`02-ewa.html#bias`), and finds links to chapters or headings that do not exist.
struct LinkRewriter {
    /// For each chapter file name (`02-ewa.md`): its page and its heading anchors.
    struct Target {
        var page: String
        var anchors: Set<String>
    }

    let targets: [String: Target]

    /// The new destination (`nil`: keep it), or a message saying why the link is broken.
    func rewrite(_ destination: String, fromFile currentFile: String) -> Result<String?, LinkProblem> {
        if destination.isEmpty || Self.hasScheme(destination) || destination.hasPrefix("//") { return .success(nil) }
        let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0])
        let fragment = parts.count > 1 ? String(parts[1]) : nil
        if path.isEmpty {
            guard let fragment, let current = targets[currentFile] else { return .success(nil) }
            let anchor = fragment.removingPercentEncodingIfPossible
            return current.anchors.contains(anchor)
                ? .success(nil)
                : .failure(LinkProblem(message: "link to '#\(fragment)': this chapter has no such heading\(Self.suggestions(current.anchors))"))
        }
        guard path.hasSuffix(".md") else { return .success(nil) }
        var name = path
        while name.hasPrefix("./") { name.removeFirst(2) }
        if let slash = name.lastIndex(of: "/") { name = String(name[name.index(after: slash)...]) }
        guard let target = targets[name.removingPercentEncodingIfPossible] else {
            let known = targets.keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return .failure(LinkProblem(message: "link to '\(destination)': there is no chapter '\(name)' (chapters: \(known))"))
        }
        guard let fragment else { return .success(target.page) }
        guard target.anchors.contains(fragment.removingPercentEncodingIfPossible) else {
            return .failure(LinkProblem(message: "link to '\(destination)': '\(name)' has no heading '#\(fragment)'\(Self.suggestions(target.anchors))"))
        }
        return .success("\(target.page)#\(fragment)")
    }

    struct LinkProblem: Error, Equatable { var message: String }

    private static func suggestions(_ anchors: Set<String>) -> String {
        anchors.isEmpty ? "" : " (anchors: \(anchors.sorted().prefix(12).map { "'#\($0)'" }.joined(separator: ", ")))"
    }

    private static func hasScheme(_ destination: String) -> Bool {
        guard let colon = destination.firstIndex(of: ":") else { return false }
        let scheme = destination[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }
}

extension String {
    /// The string with `%XX` escapes decoded, or itself when it has none or they are invalid.
    fileprivate var removingPercentEncodingIfPossible: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var index = utf8.startIndex
        let view = utf8
        while index < view.endIndex {
            let byte = view[index]
            if byte == UInt8(ascii: "%"),
               let high = view.index(index, offsetBy: 1, limitedBy: view.endIndex), high < view.endIndex,
               let low = view.index(index, offsetBy: 2, limitedBy: view.endIndex), low < view.endIndex,
               let value = UInt8(String(decoding: [view[high], view[low]], as: UTF8.self), radix: 16) {
                bytes.append(value)
                index = view.index(after: low)
            } else {
                bytes.append(byte)
                index = view.index(after: index)
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? self
    }
}
