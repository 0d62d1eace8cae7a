import Foundation

/// Finds the workbook a command run in a folder means, as git finds its repository: the
/// nearest folder, from the given one up to the file-system root, that holds `workbook.toml`.
public enum WorkbookLocator {
    /// The root of the workbook containing `folder`.
    public static func root(containing folder: URL) throws(WorkbookErrors) -> URL {
        let start = folder.standardizedFileURL
        var candidate = start
        while true {
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent(Workbook.configFileName).path) {
                return candidate
            }
            let parent = candidate.deletingLastPathComponent().standardizedFileURL
            if parent.path == candidate.path { break }
            candidate = parent
        }
        throw WorkbookErrors([WorkbookError(
            path: start.path,
            message: "no \(Workbook.configFileName) in '\(start.path)' or any parent folder; "
                + "run `workbook init` to start a workbook here, or pass --root",
            stage: "load")])
    }
}
