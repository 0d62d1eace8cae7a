import Foundation
import WorkbookKit

/// Writes a site into a temporary folder beside the output folder, then swaps it in: a failed
/// build leaves the previous site as it was, never a half-written one.
///
/// Every site holds the marker file `.workbook-site`; an existing output folder is replaced
/// only when it holds the marker or is empty, and a file is never replaced. Temporary folders
/// that a killed build left beside the output folder are removed first.
///
/// Only what changed is written: when the previous site holds exactly the new files, nothing
/// is written at all; otherwise its unchanged files are hard-linked into the new site (they
/// keep their inode and modification time) and only the changed ones are written.
///
/// Two builds of one site take turns (`SiteFolderLock`): the second looks at the output folder
/// and swaps its site in only once the first has finished, so both succeed.
struct SiteWriter {
    /// Writes the site; returns whether it first waited for another build writing beside it
    /// (`waiting` is called when it starts to).
    @discardableResult
    func write(_ files: [SiteFile], to output: URL, waiting: () -> Void = {}) throws(WorkbookErrors) -> Bool {
        let parent = output.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw WorkbookErrors([WorkbookError(path: output.path, message: "cannot write the site: \(FileErrorWords.describe(error))", stage: "write")])
        }
        return try SiteFolderLock(folder: parent).run(waiting: waiting) { () throws(WorkbookErrors) in
            try swapIn(files, to: output)
        }.waited
    }

    private func swapIn(_ files: [SiteFile], to output: URL) throws(WorkbookErrors) {
        let manager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        func failure(_ message: String) -> WorkbookErrors {
            WorkbookErrors([WorkbookError(path: output.path, message: message, stage: "write")])
        }
        var isDirectory: ObjCBool = false
        let hadPrevious = manager.fileExists(atPath: output.path, isDirectory: &isDirectory)
        if hadPrevious && !isDirectory.boolValue {
            throw failure("the output path is a file, not a folder; nothing was written")
        }
        if hadPrevious && !OutputFolderPolicy.isEmptyOrMarked(output) {
            throw failure("the output folder was not made by workbook (it is not empty and has no "
                          + "\(OutputFolderPolicy.markerName) file); remove it or pick another output folder")
        }
        StaleTemporaryFiles.removeSiteFolders(of: name, in: parent)
        let allFiles = files + [SiteFile(path: OutputFolderPolicy.markerName, contents: OutputFolderPolicy.markerContents)]
        let previous = hadPrevious ? PreviousSite(folder: output) : nil
        if let previous, previous.holdsExactly(allFiles) { return }
        let suffix = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let staging = parent.appendingPathComponent(".\(name).new-\(suffix)", isDirectory: true)
        let retired = parent.appendingPathComponent(".\(name).old-\(suffix)", isDirectory: true)
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            for file in allFiles {
                let url = staging.appendingPathComponent(file.path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                if let previous, previous.isUnchanged(file), previous.link(file.path, to: url) { continue }
                try FileBytes.write(file.contents, to: url)
            }
        } catch {
            try? manager.removeItem(at: staging)
            throw failure("cannot write the site: \(FileErrorWords.describe(error))")
        }
        do {
            if hadPrevious { try manager.moveItem(at: output, to: retired) }
        } catch {
            try? manager.removeItem(at: staging)
            throw failure("cannot replace the previous site: \(FileErrorWords.describe(error))")
        }
        do {
            try manager.moveItem(at: staging, to: output)
        } catch {
            if hadPrevious { try? manager.moveItem(at: retired, to: output) }
            try? manager.removeItem(at: staging)
            throw failure("cannot move the new site into place: \(FileErrorWords.describe(error))")
        }
        if hadPrevious { try? manager.removeItem(at: retired) }
    }
}
