import Foundation
import SwiftToolchain
import WorkbookKit

/// The starter `workbook init --package PATH` writes: a `workbook.toml` for an existing
/// SwiftPM package, with its library products listed and `doc_comments = "check"` on, so
/// `workbook check` runs the examples of their doc comments.
public enum PackageStarter {
    /// The text of `workbook.toml` for the package at `package` (relative to the workbook
    /// folder) with the library products `products`.
    public static func configuration(package: String, products: [String]) -> String {
        let list = products.map { "\"\($0)\"" }.joined(separator: ", ")
        return """
            # workbook settings for the doc comments of a Swift package; see the README's
            # "Doctests" section.

            # The package (the folder with Package.swift, relative to this file) and the library
            # products built for the examples; each example imports them, as a client would.
            package = "\(package)"
            products = [\(list)]

            # `workbook check` runs the code examples of the products' doc comments.
            doc_comments = "check"

            # `// Prints "…"` comments in examples state what they print, and are checked.
            prints = "check"

            # The examples of one doc comment run like the cells of a REPL session: each sees
            # what the earlier ones declared, may declare a name again, and fails alone.
            snippets = "notebook"

            """
    }

    /// Writes `workbook.toml` into `folder` for the package at `packageFolder`, whose library
    /// products are read with the toolchain found through `environment`; returns the path
    /// written. Refuses, writing nothing, when `workbook.toml` exists.
    public static func create(in folder: URL, packageFolder: URL, environment: [String: String]) async throws(WorkbookErrors) -> String {
        let folder = folder.standardizedFileURL
        let packageFolder = packageFolder.standardizedFileURL
        let config = folder.appendingPathComponent(WorkbookLoader.configFileName)
        if FileManager.default.fileExists(atPath: config.path) {
            throw WorkbookErrors([WorkbookError(path: config.path, message: "refusing to overwrite an existing file: init writes only new files",
                                                stage: "init")])
        }
        let manifest = packageFolder.appendingPathComponent("Package.swift")
        guard FileManager.default.fileExists(atPath: manifest.path) else {
            throw WorkbookErrors([WorkbookError(path: packageFolder.path, message: "the package folder has no Package.swift", stage: "init")])
        }
        // The manifest is read through a scratch cache of its own, removed afterwards.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("workbook-init-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let cache = CacheFolder(url: scratch)
        let toolchain = try await Toolchain.locate(environment: environment, cache: cache)
        let targets = try await PackageTargets.read(package: packageFolder, manifestPath: manifest.path, toolchain: toolchain, cache: cache)
        let products = targets.libraryProducts
        guard !products.isEmpty else {
            throw WorkbookErrors([WorkbookError(path: manifest.path, message: "the package declares no library product", stage: "init")])
        }
        let text = configuration(package: relativePath(from: folder, to: packageFolder), products: products)
        do {
            try WorkbookStarter.createNew(Data(text.utf8), at: config)
        } catch {
            throw WorkbookErrors([WorkbookError(path: config.path, message: "cannot create the file: \(error)", stage: "init")])
        }
        return WorkbookLoader.configFileName
    }

    /// `to` relative to the folder `from` (`"."` when they are the same folder).
    static func relativePath(from: URL, to: URL) -> String {
        let base = from.resolvingSymlinksInPath().pathComponents, target = to.resolvingSymlinksInPath().pathComponents
        var common = 0
        while common < base.count && common < target.count && base[common] == target[common] { common += 1 }
        let parts = Array(repeating: "..", count: base.count - common) + target[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
