import Foundation

/// The files of code this process has mapped: the executable and every shared library loaded
/// so far. Linux only (`/proc/self/maps`); elsewhere the list cannot be read.
package enum LoadedCode {
    /// The file the list is read from on Linux, also the name of what is missing elsewhere.
    package static let source = "/proc/self/maps"

    /// The absolute paths of the files mapped executable, sorted; `nil` when they cannot be
    /// read (any platform without `/proc`).
    package static func paths() -> [String]? {
        // Read to the end: the file reports no size, and a read sized by it stops early.
        guard let handle = FileHandle(forReadingAtPath: source),
              let data = try? handle.readToEnd(), (try? handle.close()) != nil else {
            return nil
        }
        let maps = String(decoding: data, as: UTF8.self)
        var paths = Set<String>()
        // Lines read `start-end perms offset device inode path`; code is mapped executable.
        for line in maps.split(separator: "\n") {
            let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
            guard fields.count == 6, fields[1].contains("x") else { continue }
            let path = fields[5].drop(while: { $0 == " " })
            guard path.hasPrefix("/") else { continue }
            paths.insert(String(path))
        }
        return paths.sorted()
    }
}
