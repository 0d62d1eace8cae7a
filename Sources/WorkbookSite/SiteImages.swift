/// Where a chapter's local images come from and where the site keeps them.
///
/// An image inside the chapters folder keeps its path relative to that folder (pages sit at the
/// site's root, as chapters sit in their folder, so the link stays as written); an image
/// elsewhere in the workbook goes under `files/` with its path from the workbook root.
enum SiteImages {
    /// The image's path from the workbook root, for a destination written in the file at
    /// `filePath` (also from the root); `nil` when it leaves the workbook.
    static func sourcePath(of destination: String, inFile filePath: String) -> String? {
        var path = Substring(destination)
        if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<end] }
        let folder = filePath.split(separator: "/").dropLast()
        var parts: [Substring] = Array(folder)
        for part in String(path).decodingPercents.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }

    /// The image's path inside the site.
    static func sitePath(of sourcePath: String, chaptersFolder: String) -> String {
        let prefix = chaptersFolder.isEmpty ? "" : chaptersFolder + "/"
        if !prefix.isEmpty, sourcePath.hasPrefix(prefix) { return String(sourcePath.dropFirst(prefix.count)) }
        return "files/" + sourcePath
    }
}
