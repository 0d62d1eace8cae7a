import Foundation
import WorkbookKit

/// The files of the site already in the output folder, to tell which files of a new build are
/// unchanged: those are hard-linked into the new site instead of written again, and a build
/// that changes nothing writes nothing.
struct PreviousSite {
    /// The previous site's folder.
    var folder: URL
    /// The relative path of every regular file in it; `nil` when it holds anything else (a
    /// link, a special file) or cannot be listed, so that it is never taken as unchanged.
    var paths: Set<String>?

    init(folder: URL) {
        self.folder = folder
        paths = Self.regularFiles(in: folder)
    }

    /// Whether the previous site holds exactly `files`, byte for byte, and nothing else.
    func holdsExactly(_ files: [SiteFile]) -> Bool {
        guard let paths, paths == Set(files.map(\.path)), paths.count == files.count else { return false }
        return files.allSatisfy(isUnchanged)
    }

    /// Whether the previous site has `file` at its path with the same bytes.
    func isUnchanged(_ file: SiteFile) -> Bool {
        guard paths?.contains(file.path) == true else { return false }
        let url = folder.appendingPathComponent(file.path)
        guard let identity = FileIdentity(path: url.path), identity.size == file.contents.count else { return false }
        return (try? Data(contentsOf: url)) == file.contents
    }

    /// Makes `destination` the previous site's file at `path` by a hard link; `false` when the
    /// link cannot be made (another file system), so the caller writes the file instead.
    func link(_ path: String, to destination: URL) -> Bool {
        (try? FileManager.default.linkItem(at: folder.appendingPathComponent(path), to: destination)) != nil
    }

    static func regularFiles(in folder: URL) -> Set<String>? {
        let manager = FileManager.default
        guard let names = try? manager.subpathsOfDirectory(atPath: folder.path) else { return nil }
        var files: Set<String> = []
        for name in names {
            // `lstat`: a link is neither a regular file nor a folder.
            guard let status = FileStatus(path: folder.appendingPathComponent(name).path, followingLinks: false) else { return nil }
            switch status.kind {
            case .regular: files.insert(name)
            case .directory: break
            case .symbolicLink, .other: return nil
            }
        }
        return files
    }
}
