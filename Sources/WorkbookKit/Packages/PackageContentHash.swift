import Foundation

/// The content hash of everything that can change a package build: the files of every local
/// package (the package and its path dependencies), the pinned versions of the others, the
/// toolchain and what is asked of it.
///
/// A local package's files are all files below its folder, except hidden ones (`.build`,
/// `.git`, `.swiftpm`), nested packages (a folder with its own `Package.swift` is another
/// package, hashed only if it is a dependency) and the request's ignored folders. Reading
/// them is cheap next to starting SwiftPM, so a warm build can decide without building.
struct PackageContentHash {
    /// Bumped when the wrapper or the layout of built products changes.
    static let formatVersion = "package-1"

    var request: PackageRequest
    var toolchainVersion: String
    /// The wrapper's manifest text (it names the products and the package's absolute path).
    var wrapperManifest: String
    /// The wrapper's `Package.resolved` (the pinned versions of remote dependencies), if any.
    var resolvedVersions: Data?

    /// The hash over `localPackages` (absolute folders; the request's package is always included).
    func hash(localPackages: [String]) -> String {
        var hasher = ContentHasher()
        hasher.combine(Self.formatVersion)
        hasher.combine(toolchainVersion)
        hasher.combine(request.configuration)
        hasher.combine(wrapperManifest)
        hasher.combine(resolvedVersions ?? Data())
        for folder in Self.allPackages(request: request, localPackages: localPackages) {
            hasher.combine("package")
            hasher.combine(folder)
            for file in Self.files(in: URL(fileURLWithPath: folder, isDirectory: true), ignoring: request.ignoredFolders) {
                hasher.combine(file)
                hasher.combine((try? Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent(file))) ?? Data())
            }
        }
        return hasher.finalize()
    }

    /// The request's package folder and `localPackages`, without repeats, sorted.
    static func allPackages(request: PackageRequest, localPackages: [String]) -> [String] {
        Array(Set(localPackages.map { URL(fileURLWithPath: $0).standardizedFileURL.path } + [request.packageFolder.path])).sorted()
    }

    /// The files below `folder` that belong to its package, as sorted relative paths.
    static func files(in folder: URL, ignoring ignored: [URL]) -> [String] {
        let ignoredPaths = Set(ignored.map(\.path))
        guard let enumerator = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isDirectoryKey, .isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        let prefix = folder.standardizedFileURL.path + "/"
        var files: [String] = []
        while let url = enumerator.nextObject() as? URL {
            let path = url.standardizedFileURL.path
            let values = try? url.resourceValues(forKeys: [.isDirectoryKey, .isRegularFileKey])
            if values?.isDirectory == true {
                let nestedPackage = FileManager.default.fileExists(atPath: path + "/Package.swift")
                if ignoredPaths.contains(path) || nestedPackage { enumerator.skipDescendants() }
                continue
            }
            guard values?.isRegularFile == true, path.hasPrefix(prefix) else { continue }
            files.append(String(path.dropFirst(prefix.count)))
        }
        return files.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
