import Foundation
import SwiftToolchain
import WorkbookKit

/// `doc_comments = "check"`: the chapters of the doc comment examples of the source files of
/// the workbook's products' targets, one chapter per file that has a Swift example, in path
/// order. Each file's path is relative to the workbook root, as diagnostics print it.
public struct DocCommentLoader: Sendable {
    public var environment: [String: String]
    /// Whether the package's targets read before may be reused (`--no-cache`: no).
    public var useCache: Bool

    public init(environment: [String: String], useCache: Bool = true) {
        self.environment = environment
        self.useCache = useCache
    }

    /// The chapters of `workbook`'s doc comments; none unless `doc_comments = "check"`.
    public func chapters(of workbook: Workbook) async throws(WorkbookErrors) -> [Chapter] {
        guard workbook.config.docComments == .check, let package = workbook.config.package else { return [] }
        var cache = CacheFolder.resolve(root: workbook.root, environment: environment)
        cache.reusesEntries = useCache
        let toolchain = try await Toolchain.locate(environment: environment, cache: cache)
        let folder = workbook.root.appendingPathComponent(package, isDirectory: true).standardizedFileURL
        let prefix = Self.relativePrefix(package)
        let targets = try await PackageTargets.read(package: folder, manifestPath: prefix + "Package.swift",
                                                    toolchain: toolchain, cache: cache)
        // A product the package does not have is reported by its build.
        let products = workbook.config.products
        let productTargets = targets.targets(ofProducts: products)
        var chapters: [Chapter] = []
        var errors: [WorkbookError] = []
        for target in productTargets {
            // A client of the product that has this target imports that product's modules
            // (not every product's: one may re-export another's types under the same names).
            let modules = targets.targets(ofProducts: products.filter { product in
                targets.products.contains { $0.name == product && $0.targets.contains(target.name) }
            }).map(\.name)
            for file in PackageTargets.swiftFiles(of: target, in: folder) {
                let path = prefix + file
                guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path),
                      let source = String(validating: data, as: UTF8.self) else {
                    errors.append(WorkbookError(path: path, message: "cannot read the source file as UTF-8 text", stage: "load"))
                    continue
                }
                do {
                    if let chapter = try DocCommentChapter.chapter(path: path, source: source, modules: modules) {
                        chapters.append(chapter)
                    }
                } catch {
                    errors += error.errors
                }
            }
        }
        if !errors.isEmpty { throw WorkbookErrors(errors) }
        return chapters
    }

    /// What the package folder adds before a package path: nothing for `"."`, else `folder/`.
    static func relativePrefix(_ package: String) -> String {
        var folder = package
        while folder.hasPrefix("./") { folder.removeFirst(2) }
        while folder.hasSuffix("/") { folder.removeLast() }
        return folder.isEmpty || folder == "." ? "" : folder + "/"
    }
}
