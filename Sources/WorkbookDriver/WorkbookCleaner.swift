import Foundation
import WorkbookKit

/// What `clean` removed, and why it kept what it kept.
public struct CleanOutcome: Sendable, Equatable {
    /// The folders removed (absolute paths).
    public var removed: [String]
    /// Folders left alone on purpose, with the reason (a cache named by `WORKBOOK_CACHE_DIR`).
    public var notes: [String]
    /// Folders `clean` was asked to remove and refused to (a site folder `workbook` did not
    /// make), or could not remove.
    public var errors: [WorkbookError]

    public var succeeded: Bool { errors.isEmpty }
}

/// Removes what `workbook` made in a workbook: the cache and the site, and nothing else.
///
/// The site folder is removed only when it holds the marker file every site gets
/// (``siteMarkerName``); the cache only when it is the workbook's own `.workbook-cache` (a
/// cache moved by `WORKBOOK_CACHE_DIR` may be shared, and is left alone).
public struct WorkbookCleaner: Sendable {
    /// The file `build` writes into every site folder it makes.
    public static let siteMarkerName = ".workbook-site"

    public var workbook: Workbook
    public var inputs: WorkbookInputs

    public init(workbook: Workbook, inputs: WorkbookInputs) {
        self.workbook = workbook
        self.inputs = inputs
    }

    /// Removes the cache and the site folder `site`.
    public func clean(site: URL) -> CleanOutcome {
        var outcome = CleanOutcome(removed: [], notes: [], errors: [])
        let cache = CacheFolder.resolve(root: workbook.root, environment: inputs.environment).url
        if inputs.environment[CacheFolder.environmentVariable].map({ !$0.isEmpty }) ?? false {
            outcome.notes.append("kept the cache '\(cache.path)': \(CacheFolder.environmentVariable) names it, and it may be shared")
        } else {
            remove(cache, into: &outcome)
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: site.path, isDirectory: &isDirectory) {
            if isDirectory.boolValue,
               FileManager.default.fileExists(atPath: site.appendingPathComponent(Self.siteMarkerName).path) {
                remove(site, into: &outcome)
            } else {
                outcome.errors.append(WorkbookError(
                    path: displayPath(site),
                    message: "kept: it has no \(Self.siteMarkerName) file, so workbook did not make it; "
                        + "remove it yourself if it is yours to remove",
                    stage: "clean"))
            }
        }
        return outcome
    }

    /// Removes `folder` if it exists: renamed aside first, so it disappears at once even if
    /// removing its files is interrupted.
    func remove(_ folder: URL, into outcome: inout CleanOutcome) {
        guard FileManager.default.fileExists(atPath: folder.path) else { return }
        let aside = folder.deletingLastPathComponent()
            .appendingPathComponent(".\(folder.lastPathComponent).removing-\(UUID().uuidString)")
        do {
            try FileManager.default.moveItem(at: folder, to: aside)
            try FileManager.default.removeItem(at: aside)
            outcome.removed.append(folder.path)
        } catch {
            outcome.errors.append(WorkbookError(
                path: displayPath(folder), message: "cannot remove the folder: \((error as NSError).localizedDescription)",
                stage: "clean"))
        }
    }

    /// `url` relative to the workbook root when inside it.
    func displayPath(_ url: URL) -> String {
        let root = workbook.root.standardizedFileURL.path + "/"
        let path = url.standardizedFileURL.path
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
    }
}

extension WorkbookSession {
    /// Removes the cache and the site (`request`'s output folder, else the `output` key),
    /// only where `workbook` made them.
    public func clean(_ request: BuildRequest = BuildRequest()) -> CleanOutcome {
        WorkbookCleaner(workbook: workbook, inputs: inputs).clean(site: siteFolder(request))
    }
}
