import Foundation

/// Temporary files and folders that a killed run left behind, recognised by name and removed
/// at the next run. Their names carry the writing process's id; a file whose process is gone
/// is stale (so is a chapter temporary of the older form, which carried no process id).
public enum StaleTemporaryFiles {
    /// The name of a temporary file for `fileName`, written by this process.
    public static func temporaryName(for fileName: String) -> String {
        ".\(fileName).\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).tmp"
    }

    /// Removes stale `.NAME.PID-UUID.tmp` (and `.NAME.UUID.tmp`) files of `folder`; returns their names.
    @discardableResult
    public static func removeFileTemporaries(in folder: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var removed: [String] = []
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            let parts = name.dropLast(4).split(separator: ".")
            guard parts.count >= 2, let tag = parts.last else { continue }
            let stale: Bool
            if UUID(uuidString: String(tag)) != nil {
                stale = true
            } else if let dash = tag.firstIndex(of: "-"), let pid = Int32(tag[..<dash]), UUID(uuidString: String(tag[tag.index(after: dash)...])) != nil {
                stale = !isRunning(pid)
            } else {
                stale = false
            }
            if stale, (try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))) != nil { removed.append(name) }
        }
        return removed
    }

    /// Removes stale `.NAME.new-PID-N` and `.NAME.old-PID-N` folders of a site build beside it.
    @discardableResult
    public static func removeSiteFolders(of name: String, in parent: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        var removed: [String] = []
        for entry in names {
            let rest: Substring
            if entry.hasPrefix(".\(name).new-") { rest = entry.dropFirst(name.count + 6) }
            else if entry.hasPrefix(".\(name).old-") { rest = entry.dropFirst(name.count + 6) }
            else { continue }
            let parts = rest.split(separator: "-")
            guard parts.count == 2, let pid = Int32(parts[0]), UInt32(parts[1]) != nil, !isRunning(pid) else { continue }
            if (try? FileManager.default.removeItem(at: parent.appendingPathComponent(entry))) != nil { removed.append(entry) }
        }
        return removed
    }

    /// Whether a process with this id exists.
    static func isRunning(_ pid: Int32) -> Bool {
        ProcessLiveness.exists(pid)
    }
}
