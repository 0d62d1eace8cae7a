#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The data files named by `inputs` in `workbook.toml`: their paths and contents join every
/// chapter's cache key, so a chapter reading a changed file runs again.
public struct InputFiles: Sendable {
    public var root: URL
    public var patterns: [String]

    public init(root: URL, patterns: [String]) {
        self.root = root
        self.patterns = patterns
    }

    /// The paths (relative to the root, sorted) the patterns match.
    public func paths() -> [String] {
        var found = Set<String>()
        for pattern in patterns {
            var matches = glob_t()
            defer { globfree(&matches) }
            guard glob(root.appendingPathComponent(pattern).path, 0, nil, &matches) == 0 else { continue }
            for index in 0..<Int(matches.gl_pathc) {
                guard let pointer = matches.gl_pathv[index] else { continue }
                let path = String(cString: pointer)
                let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
                if path.hasPrefix(prefix) { found.insert(String(path.dropFirst(prefix.count))) }
            }
        }
        return found.sorted()
    }

    /// A hash of every matched file's path and contents (a file that cannot be read counts as
    /// its path and the reason), or `""` when there are no patterns.
    public func digest() -> String {
        guard !patterns.isEmpty else { return "" }
        var hasher = ContentHasher()
        for path in paths() {
            hasher.combine(path)
            var isDirectory: ObjCBool = false
            let url = root.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
                hasher.combine("folder")
            } else if let data = FileManager.default.contents(atPath: url.path) {
                hasher.combine(data)
            } else {
                hasher.combine("unreadable")
            }
        }
        return hasher.finalize()
    }
}
