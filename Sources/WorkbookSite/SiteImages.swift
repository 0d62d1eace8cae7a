import Foundation
import WorkbookKit

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

    /// The path from the workbook root of `image`, shown in the file at `filePath`, or the
    /// build error: it lies outside the workbook.
    static func source(of image: ImageReference, inFile filePath: String) -> Result<String, WorkbookError> {
        guard let source = sourcePath(of: image.destination, inFile: filePath) else {
            return .failure(WorkbookError(path: filePath, line: image.line, column: image.column,
                                          message: "image '\(image.destination)' lies outside the workbook", stage: "render"))
        }
        return .success(source)
    }

    /// The bytes of `image` (at `source` under `root`), or the build error: no such file.
    static func contents(of image: ImageReference, source: String, inFile filePath: String, root: URL) -> Result<Data, WorkbookError> {
        guard let data = read(source, root: root) else { return .failure(notFound(image, source: source, inFile: filePath)) }
        return .success(data)
    }

    /// The error of an image with no file at `source`.
    static func notFound(_ image: ImageReference, source: String, inFile filePath: String) -> WorkbookError {
        WorkbookError(path: filePath, line: image.line, column: image.column,
                      message: "image '\(image.destination)' not found (no file '\(source)')", stage: "render")
    }

    /// The bytes of the file at `source` under `root`; `nil` when it is missing or a folder.
    static func read(_ source: String, root: URL) -> Data? {
        var isFolder: ObjCBool = false
        let url = root.appendingPathComponent(source)
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else { return nil }
        return FileManager.default.contents(atPath: url.path)
    }

    /// The bytes of every image of `sources` (paths from `root`) that exists, and each file's
    /// identity taken before it was read (for the render stamp).
    static func read(_ sources: [String], root: URL) -> (bytes: [String: Data], read: [(path: String, identity: FileIdentity?)]) {
        var bytes: [String: Data] = [:]
        var read: [(path: String, identity: FileIdentity?)] = []
        for source in sources {
            let path = root.appendingPathComponent(source).path
            read.append((path, FileIdentity(path: path)))
            if let data = Self.read(source, root: root) { bytes[source] = data }
        }
        return (bytes, read)
    }
}
