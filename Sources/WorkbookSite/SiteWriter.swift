import Foundation
import WorkbookKit

/// Writes a site into a temporary folder beside the output folder, then swaps it in: a failed
/// build leaves the previous site as it was, never a half-written one.
struct SiteWriter {
    func write(_ files: [SiteFile], to output: URL) throws(WorkbookErrors) {
        let manager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let suffix = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let staging = parent.appendingPathComponent(".\(name).new-\(suffix)", isDirectory: true)
        let retired = parent.appendingPathComponent(".\(name).old-\(suffix)", isDirectory: true)
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            for file in files {
                let url = staging.appendingPathComponent(file.path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.contents.write(to: url)
            }
        } catch {
            try? manager.removeItem(at: staging)
            throw WorkbookErrors([WorkbookError(path: output.path, message: "cannot write the site: \(error.localizedDescription)", stage: "write")])
        }
        let hadPrevious = manager.fileExists(atPath: output.path)
        do {
            if hadPrevious { try manager.moveItem(at: output, to: retired) }
        } catch {
            try? manager.removeItem(at: staging)
            throw WorkbookErrors([WorkbookError(path: output.path, message: "cannot replace the previous site: \(error.localizedDescription)", stage: "write")])
        }
        do {
            try manager.moveItem(at: staging, to: output)
        } catch {
            if hadPrevious { try? manager.moveItem(at: retired, to: output) }
            try? manager.removeItem(at: staging)
            throw WorkbookErrors([WorkbookError(path: output.path, message: "cannot move the new site into place: \(error.localizedDescription)", stage: "write")])
        }
        if hadPrevious { try? manager.removeItem(at: retired) }
    }
}
