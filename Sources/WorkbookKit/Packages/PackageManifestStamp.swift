import Foundation

/// A hash of the manifests (`Package.swift`, `Package@swift-*.swift`) of the local packages
/// a build covers, kept beside the build.
///
/// SwiftPM decides whether to plan the build again from file times, and misses a manifest
/// edited within the same second as its last build: it then builds with the old settings
/// (a removed `.define` stays defined). When the manifests' contents differ from the last
/// build's, the build plan (`scratch/<configuration>.yaml`) is removed first, so SwiftPM plans
/// again; object files are kept, so the build stays incremental.
struct PackageManifestStamp {
    var folders: PackageWorkFolders
    var configuration: String

    var stampFile: URL { folders.work.appendingPathComponent("manifests.sha256") }
    var buildPlan: URL { folders.scratch.appendingPathComponent("\(configuration).yaml") }

    /// The hash of the manifests in `packages` (folders), in order.
    static func hash(of packages: [String]) -> String {
        var hasher = ContentHasher()
        for package in packages.sorted() {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: package)) ?? [])
                .filter { $0 == "Package.swift" || ($0.hasPrefix("Package@swift-") && $0.hasSuffix(".swift")) }.sorted()
            hasher.combine(package)
            for name in names {
                hasher.combine(name)
                hasher.combine((try? Data(contentsOf: URL(fileURLWithPath: package).appendingPathComponent(name))) ?? Data())
            }
        }
        return hasher.finalize()
    }

    /// Removes the build plan when the manifests of `packages` changed since the last stamp
    /// (or there is no stamp).
    func forgetPlanIfManifestsChanged(packages: [String]) {
        let recorded = try? String(contentsOf: stampFile, encoding: .utf8)
        if recorded != Self.hash(of: packages) { try? FileManager.default.removeItem(at: buildPlan) }
    }

    /// Records the manifests of `packages` as the ones the current plan was made from.
    func record(packages: [String]) {
        try? AtomicFileWriter().write(Data(Self.hash(of: packages).utf8), to: stampFile)
    }
}
