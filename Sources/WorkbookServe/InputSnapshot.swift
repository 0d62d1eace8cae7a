import Foundation
import WorkbookKit

/// The identity of a file's contents as far as `stat` tells: modification time, size, inode.
struct FileStamp: Sendable, Equatable {
    var modifiedSeconds: Int
    var modifiedNanoseconds: Int
    var size: Int64
    var inode: UInt64
}

/// Every watched file and its stamp, taken in one walk of the inputs.
///
/// Two snapshots differ when a file was written, replaced (an editor's save by rename),
/// added or removed. Hidden files and editor droppings (`x~`, `.x.swp`, `#x#`, `4913`) are
/// left out, so that the temporary files of a save do not count.
struct InputSnapshot: Sendable, Equatable {
    var stamps: [String: FileStamp] = [:]

    /// Walks `inputs` (files or folders, relative to `root`; missing ones are skipped). An
    /// input holding `*`, `?` or `[` is a glob, as in the config's `inputs`, matched again on
    /// every walk so that a file created later is seen.
    static func take(root: URL, inputs: [String]) -> InputSnapshot {
        var snapshot = InputSnapshot()
        for input in inputs {
            let paths = isGlob(input) ? InputFiles(root: root, patterns: [input]).paths() : [input]
            for path in paths {
                snapshot.add(root.appendingPathComponent(path).path, depth: 0)
            }
        }
        return snapshot
    }

    static func isGlob(_ input: String) -> Bool {
        input.contains { $0 == "*" || $0 == "?" || $0 == "[" }
    }

    private mutating func add(_ path: String, depth: Int) {
        guard depth < 16, let stamp = Self.stamp(path) else { return }
        if stamp.isDirectory {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
            for name in names where !Self.isIgnored(name) {
                add(path + "/" + name, depth: depth + 1)
            }
        } else {
            stamps[path] = stamp.file
        }
    }

    static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
            || (name.hasPrefix("#") && name.hasSuffix("#")) || name == "4913"
    }

    private static func stamp(_ path: String) -> (file: FileStamp, isDirectory: Bool)? {
        guard let status = FileStatus(path: path) else { return nil }
        return (FileStamp(modifiedSeconds: status.modified.seconds, modifiedNanoseconds: status.modified.nanoseconds,
                          size: status.size, inode: status.inode), status.kind == .directory)
    }
}
