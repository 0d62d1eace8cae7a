import Foundation
import SwiftToolchain
import WorkbookKit

/// The targets of a package's library products and their source folders, as the package's
/// manifest declares them (`swift package dump-package`, read once per manifest and compiler:
/// the answer is kept in the cache).
public struct PackageTargets: Sendable, Equatable, Codable {
    /// A library product and the names of its targets.
    public struct Product: Sendable, Equatable, Codable {
        public var name: String
        public var targets: [String]
        public var isLibrary: Bool
    }

    /// A target: its folder relative to the package, and what the manifest excludes or lists.
    public struct Target: Sendable, Equatable, Codable {
        public var name: String
        /// The folder the manifest names, or `nil` for SwiftPM's default (`Sources/NAME`, …).
        public var path: String?
        public var exclude: [String]
        /// The sources the manifest lists (files or folders within `path`), or `nil` for all.
        public var sources: [String]?
    }

    public var products: [Product]
    public var targets: [Target]

    /// Reads `swift package dump-package`'s JSON.
    public init?(dumpJSON data: Data) {
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let products = root["products"] as? [[String: Any]],
              let targets = root["targets"] as? [[String: Any]] else { return nil }
        self.products = products.compactMap { product in
            guard let name = product["name"] as? String else { return nil }
            let type = product["type"] as? [String: Any]
            return Product(name: name, targets: product["targets"] as? [String] ?? [], isLibrary: type?["library"] != nil)
        }
        self.targets = targets.compactMap { target in
            guard let name = target["name"] as? String else { return nil }
            return Target(name: name, path: target["path"] as? String, exclude: target["exclude"] as? [String] ?? [],
                          sources: target["sources"] as? [String])
        }
    }

    /// The library products' names, in the manifest's order.
    public var libraryProducts: [String] { products.filter(\.isLibrary).map(\.name) }

    /// The targets of the products named `names`, each once, in order.
    public func targets(ofProducts names: [String]) -> [Target] {
        var seen = Set<String>()
        var found: [Target] = []
        for name in names {
            for targetName in products.first(where: { $0.name == name })?.targets ?? [] where seen.insert(targetName).inserted {
                if let target = targets.first(where: { $0.name == targetName }) { found.append(target) }
            }
        }
        return found
    }

    /// The Swift files of `target` in `package`, relative to the package folder, sorted.
    public static func swiftFiles(of target: Target, in package: URL) -> [String] {
        let folder: String
        if let path = target.path {
            folder = path
        } else {
            folder = ["Sources", "Source", "src", "srcs"].map { "\($0)/\(target.name)" }.first {
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: package.appendingPathComponent($0).path, isDirectory: &isDirectory)
                    && isDirectory.boolValue
            } ?? "Sources/\(target.name)"
        }
        let base = package.appendingPathComponent(folder, isDirectory: true)
        let excluded = target.exclude.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        let listed = target.sources?.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        func within(_ file: String, _ prefixes: [String]) -> Bool {
            prefixes.contains { file == $0 || file.hasPrefix($0 + "/") }
        }
        let files = PackageContentHash.files(in: base, ignoring: []).filter { file in
            file.hasSuffix(".swift") && !within(file, excluded) && (listed.map { within(file, $0) } ?? true)
        }
        return files.map { folder + "/" + $0 }.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    /// The targets of `package` (its manifest read by the toolchain's `swift-package`), from
    /// the `doc-comments` area of `cache` when its manifests and the compiler did not change.
    public static func read(package: URL, manifestPath manifest: String, toolchain: Toolchain, cache: CacheFolder) async throws(WorkbookErrors) -> PackageTargets {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: package.path)) ?? [])
            .filter { $0.hasPrefix("Package") && $0.hasSuffix(".swift") }.sorted()
        let manifests = names.flatMap { [Data($0.utf8), (try? Data(contentsOf: package.appendingPathComponent($0))) ?? Data()] }
        let key = CacheKey(bytes: ["package-targets-1", toolchain.version, package.standardizedFileURL.path].map { Data($0.utf8) } + manifests)
        let store = CacheStore(cache: cache, area: "doc-comments")
        if let data = store.read(key), let known = try? JSONDecoder().decode(PackageTargets.self, from: data) {
            return known
        }
        let tool = toolchain.swiftc.deletingLastPathComponent().appendingPathComponent("swift-package")
        let result: ToolResult
        do {
            result = try await ToolRunner.run(
                tool, arguments: ["dump-package", "--package-path", package.path,
                                  "--scratch-path", store.folder.appendingPathComponent("scratch").path],
                environment: toolchain.environment, workingDirectory: package)
        } catch {
            throw WorkbookErrors([WorkbookError(path: manifest, message: "cannot run '\(tool.path) dump-package': \(error)", stage: "package")])
        }
        guard result.succeeded, let targets = PackageTargets(dumpJSON: Data(result.standardOutput.utf8)) else {
            throw WorkbookErrors([WorkbookError(path: manifest, message: "cannot read the package's manifest with 'swift package dump-package'",
                                                stage: "package", details: result.standardError)])
        }
        if let data = try? JSONEncoder().encode(targets) { store.write(data, for: key) }
        return targets
    }
}
