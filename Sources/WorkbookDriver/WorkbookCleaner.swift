import Foundation
import WorkbookKit
import WorkbookSite
import WorkbookSwiftEngine

/// What `clean` removed, and why it kept what it kept.
public struct CleanOutcome: Sendable, Equatable {
    /// The folders and files removed (absolute paths).
    public var removed: [String]
    /// What was left alone on purpose, with the reason (a cache named by `WORKBOOK_CACHE_DIR`).
    public var notes: [String]
    /// Folders `clean` was asked to remove and refused to (a site folder `workbook` did not
    /// make), or could not remove.
    public var errors: [WorkbookError]

    public var succeeded: Bool { errors.isEmpty }
}

/// Removes what `workbook` made for a workbook: its cache, its site, and what it left beside
/// them; nothing else.
///
/// - The workbook's own cache folder, `.workbook-cache`.
/// - A cache moved by `WORKBOOK_CACHE_DIR` may be shared, and is kept; only what it holds for
///   this workbook alone goes: the package's build folder (named by the package's path and
///   products), the site's render stamp (by the site folder) and the prose formulas' memo (by
///   the root). Results and compiled programs are kept by content, and may serve another
///   workbook.
/// - The site folder, only when it holds the marker file every site gets (``siteMarkerName``).
/// - Beside the site and the cache: a killed build's staging folders (`.site.new-PID-N`,
///   `.site.old-PID-N`, their process gone) and an interrupted clean's
///   `.NAME.removing-UUID` folders.
///
/// The per-user facts about the compiler (`WORKBOOK_TOOLCHAIN_CACHE`, else
/// `~/.cache/workbook/toolchains`) are kept: they describe compiler binaries, hold nothing of
/// any workbook, and serve every workbook of the user.
public struct WorkbookCleaner: Sendable {
    /// The file `build` writes into every site folder it makes.
    public static let siteMarkerName = ".workbook-site"

    public var workbook: Workbook
    public var inputs: WorkbookInputs

    public init(workbook: Workbook, inputs: WorkbookInputs) {
        self.workbook = workbook
        self.inputs = inputs
    }

    /// Removes the cache and the site folder `site`, and what workbook left beside them.
    public func clean(site: URL) -> CleanOutcome {
        var outcome = CleanOutcome(removed: [], notes: [], errors: [])
        let own = workbook.root.appendingPathComponent(CacheFolder.defaultName, isDirectory: true)
        let cache = CacheFolder.resolve(root: workbook.root, environment: inputs.environment)
        if cache.url.standardizedFileURL.path != own.standardizedFileURL.path {
            outcome.notes.append("kept the cache '\(cache.url.path)': \(CacheFolder.environmentVariable) names it, and it may be shared")
            let entries = [PackageCore.workFolder(of: workbook, cache: cache)].compactMap { $0 }
                + SiteGenerator.cacheFiles(of: workbook, output: site, cache: cache)
            for entry in entries { remove(entry, into: &outcome) }
        }
        remove(own, into: &outcome)
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
        let siteParent = site.deletingLastPathComponent()
        outcome.removed += StaleTemporaryFiles.removeSiteFolders(of: site.lastPathComponent, in: siteParent)
            .map { siteParent.appendingPathComponent($0).path }
        for folder in [own, site] { removeInterruptedRemovals(of: folder, into: &outcome) }
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

    /// Removes what an interrupted ``remove(_:into:)`` of `folder` left: `.NAME.removing-UUID`
    /// beside it.
    func removeInterruptedRemovals(of folder: URL, into outcome: inout CleanOutcome) {
        let parent = folder.deletingLastPathComponent()
        let prefix = ".\(folder.lastPathComponent).removing-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        where name.hasPrefix(prefix) && UUID(uuidString: String(name.dropFirst(prefix.count))) != nil {
            let leftover = parent.appendingPathComponent(name)
            if (try? FileManager.default.removeItem(at: leftover)) != nil { outcome.removed.append(leftover.path) }
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
    /// Removes the cache and the site (`request`'s output folder, else the `output` key), and
    /// what workbook left beside them, only where `workbook` made them.
    public func clean(_ request: BuildRequest = BuildRequest()) -> CleanOutcome {
        WorkbookCleaner(workbook: workbook, inputs: inputs).clean(site: siteFolder(request))
    }
}
