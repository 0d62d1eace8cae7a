#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import SwiftToolchain
import WorkbookKit

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
    ///
    /// A plain `readdir` walk: Foundation's directory enumerator on Linux still reads hidden
    /// folders it is told to skip, and a package's `.build` holds tens of thousands of files.
    static func files(in folder: URL, ignoring ignored: [URL]) -> [String] {
        var files: [String] = []
        walk(folder.standardizedFileURL.path, relative: "", ignoring: Set(ignored.map(\.path)), into: &files)
        return files.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    private static func walk(_ path: String, relative: String, ignoring ignored: Set<String>, into files: inout [String]) {
        guard let directory = opendir(path) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            let full = path + "/" + name
            let entryRelative = relative.isEmpty ? name : relative + "/" + name
            var kind = Int32(entry.pointee.d_type)
            if kind == Int32(DT_UNKNOWN) || kind == Int32(DT_LNK) {
                // A symbolic link counts as what it points to, except that linked folders
                // are not followed (no cycles).
                guard let status = FileStatus(path: full) else { continue }
                let isFolder = status.kind == .directory
                if kind == Int32(DT_LNK) && isFolder { continue }
                kind = isFolder ? Int32(DT_DIR) : (status.kind == .regular ? Int32(DT_REG) : kind)
            }
            if kind == Int32(DT_DIR) {
                let nestedPackage = access(full + "/Package.swift", F_OK) == 0
                if !ignored.contains(full) && !nestedPackage {
                    walk(full, relative: entryRelative, ignoring: ignored, into: &files)
                }
            } else if kind == Int32(DT_REG) {
                files.append(entryRelative)
            }
        }
    }
}
