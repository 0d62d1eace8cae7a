import Foundation
import SwiftToolchain
import WorkbookKit

/// A hash of the manifests (`Package.swift`, `Package@swift-*.swift`) of the local packages
/// a build covers, and of the names of their files, kept beside the build.
///
/// SwiftPM decides whether to plan the build again from file times, and misses a manifest
/// edited within the same second as its last build: it then builds with the old settings
/// (a removed `.define` stays defined). Nor does it plan again when a source file is added to
/// or removed from a path dependency (the packages are the wrapper's dependencies): a new file
/// is left out of the build, and code using it fails with "cannot find … in scope". When the
/// manifests' contents or the set of files differ from the last build's, the build plan
/// (`scratch/<configuration>.yaml`) is removed first, so SwiftPM plans again; object files
/// are kept, so the build stays incremental.
struct PackageManifestStamp {
    var folders: PackageWorkFolders
    var configuration: String
    /// Folders whose files are not the package's (the workbook's chapters, site and cache).
    var ignoredFolders: [URL] = []

    var stampFile: URL { folders.work.appendingPathComponent("manifests.sha256") }
    var buildPlan: URL { folders.scratch.appendingPathComponent("\(configuration).yaml") }

    /// The hash of the manifests in `packages` (folders), in order, and of the relative paths
    /// of all their files (names only: an edit to a file's contents needs no new plan).
    static func hash(of packages: [String], ignoring ignoredFolders: [URL] = []) -> String {
        var hasher = ContentHasher()
        for package in packages.sorted() {
            let folder = URL(fileURLWithPath: package, isDirectory: true)
            let files = PackageContentHash.files(in: folder, ignoring: ignoredFolders)
            hasher.combine(package)
            for name in files where name == "Package.swift" || (name.hasPrefix("Package@swift-") && name.hasSuffix(".swift")) {
                hasher.combine(name)
                hasher.combine((try? Data(contentsOf: folder.appendingPathComponent(name))) ?? Data())
            }
            hasher.combine("files")
            for file in files { hasher.combine(file) }
        }
        return hasher.finalize()
    }

    /// Removes the build plan when the manifests of `packages` changed since the last stamp
    /// (or there is no stamp).
    func forgetPlanIfManifestsChanged(packages: [String]) {
        let recorded = try? String(contentsOf: stampFile, encoding: .utf8)
        if recorded != Self.hash(of: packages, ignoring: ignoredFolders) { try? FileManager.default.removeItem(at: buildPlan) }
    }

    /// Records the manifests of `packages` as the ones the current plan was made from.
    func record(packages: [String]) {
        try? AtomicFileWriter().write(Data(Self.hash(of: packages, ignoring: ignoredFolders).utf8), to: stampFile)
    }
}
