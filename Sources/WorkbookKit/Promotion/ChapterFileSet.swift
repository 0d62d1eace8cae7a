import Foundation

/// Replaces several chapter files all-or-nothing: every new text is staged beside its file
/// first; then each original is re-read and compared with the text that was loaded, and only
/// when none changed during the run are the staged files renamed into place.
///
/// A chapter that is a symbolic link is written through to its target (the link stays a link);
/// the target's permissions are kept, and a UTF-8 byte-order mark the file started with stays.
public struct ChapterFileSet: Sendable {
    /// One chapter to replace: its path relative to the root, the text loaded, the new text.
    public struct Change: Sendable {
        public var path: String
        public var loaded: String
        public var new: String

        public init(path: String, loaded: String, new: String) {
            self.path = path
            self.loaded = loaded
            self.new = new
        }
    }

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    public var root: URL
    /// Writes a staged file, flushed to disk (a test puts a failing disk here).
    var writeFile: @Sendable (Data, URL) throws -> Void = { data, url in try data.write(to: url) }

    public init(root: URL) { self.root = root }

    /// Writes every change or none; returns the paths written.
    public func replace(_ changes: [Change]) throws(WorkbookErrors) -> [String] {
        var staged: [(change: Change, target: URL, temporary: URL)] = []
        var errors: [WorkbookError] = []
        func discardStaged() { for entry in staged { FileLinks.remove(entry.temporary.path) } }
        for change in changes {
            let target = root.appendingPathComponent(change.path).resolvingSymlinksInPath()
            do {
                let original = try Data(contentsOf: target)
                guard Self.text(of: original) == Array(change.loaded.utf8) else {
                    errors.append(Self.changedError(change.path))
                    continue
                }
                let mode = (try? FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int) ?? 0o644
                guard mode & 0o222 != 0, FileLinks.isWritable(target.path) else {
                    errors.append(WorkbookError(path: change.path, message: "cannot write the chapter: it is read-only", stage: "promote"))
                    continue
                }
                var bytes = original.starts(with: Self.byteOrderMark) ? Self.byteOrderMark : []
                bytes += Array(change.new.utf8)
                let temporary = target.deletingLastPathComponent()
                    .appendingPathComponent(StaleTemporaryFiles.temporaryName(for: target.lastPathComponent))
                // Staged before it is written: a write that fails half-way (a full disk) leaves
                // a file that must go too.
                staged.append((change, target, temporary))
                try writeFile(Data(bytes), temporary)
                if let permissions = try? FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] {
                    try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path)
                }
            } catch {
                errors.append(WorkbookError(path: change.path, message: "cannot write the chapter: \(FileErrorWords.describe(error))",
                                            stage: "promote"))
            }
        }
        // Just before renaming: every original must still hold the bytes that were loaded.
        if errors.isEmpty {
            for entry in staged {
                let current = (try? Data(contentsOf: entry.target)).map(Self.text(of:))
                if current != Array(entry.change.loaded.utf8) { errors.append(Self.changedError(entry.change.path)) }
            }
        }
        guard errors.isEmpty else {
            discardStaged()
            throw WorkbookErrors(errors + [WorkbookError(path: root.lastPathComponent, message: "nothing promoted: no chapter was changed",
                                                         stage: "promote")])
        }
        var written: [String] = []
        for entry in staged {
            do throws(FileLinks.Failure) {
                try FileLinks.rename(entry.temporary.path, to: entry.target.path)
                written.append(entry.change.path)
            } catch {
                errors.append(WorkbookError(path: entry.change.path,
                                            message: "cannot write the chapter: \(FileErrorWords.words(errno: error.code))", stage: "promote"))
                FileLinks.remove(entry.temporary.path)
            }
        }
        if !errors.isEmpty { throw WorkbookErrors(errors) }
        return written
    }

    /// The bytes of a chapter file without its byte-order mark, as the loader reads them.
    static func text(of data: Data) -> [UInt8] {
        let bytes = Array(data)
        return bytes.starts(with: byteOrderMark) ? Array(bytes.dropFirst(3)) : bytes
    }

    static func changedError(_ path: String) -> WorkbookError {
        WorkbookError(path: path, message: "the chapter changed on disk during the run; nothing was written to it "
                      + "(run 'workbook promote' again)", stage: "promote")
    }
}
