import Foundation
import Synchronization
import SwiftToolchain
import WorkbookKit

/// The workbook's SwiftPM package (`package`/`products` in `workbook.toml`) as the chapter
/// programs of one execution see it: built through ``PackageCore`` once, before the result
/// cache keys are computed, since every key holds the hash of what was built.
final class PackagePreparation: Sendable {
    let core: PackageCore
    let request: PackageRequest
    private let built: Mutex<PackageBuild?>

    /// The preparation of `workbook`'s package, or `nil` when the workbook uses plain Swift.
    /// The last build is taken as it is when the package did not change.
    init?(workbook: Workbook, toolchain: Toolchain, cache: CacheFolder) {
        guard let request = Self.request(of: workbook, cache: cache) else { return nil }
        core = PackageCore(toolchain: toolchain, cache: cache)
        self.request = request
        built = Mutex(core.currentBuild(of: request))
    }

    /// What `workbook` asks of its package, or `nil` when it has none.
    static func request(of workbook: Workbook, cache: CacheFolder) -> PackageRequest? {
        guard let package = workbook.config.package else { return nil }
        let root = workbook.root
        return PackageRequest(
            packageFolder: root.appendingPathComponent(package, isDirectory: true),
            products: workbook.config.products, root: root,
            ignoredFolders: [
                root.appendingPathComponent(workbook.config.chaptersFolder, isDirectory: true),
                root.appendingPathComponent(workbook.config.outputFolder, isDirectory: true),
                cache.url,
            ])
    }

    /// The build the chapter programs use, once prepared.
    var build: PackageBuild? { built.withLock { $0 } }

    /// What ``prepare(rebuild:)`` will build (`package products BatchNorm, NoteKit`), or `nil`
    /// when the last build is current and `rebuild` is false.
    func summary(rebuild: Bool) -> String? {
        guard rebuild || build == nil else { return nil }
        let products = request.products
        return "package product\(products.count == 1 ? "" : "s") \(products.joined(separator: ", "))"
    }

    /// Builds the products with SwiftPM when they are not built for the package's content, or
    /// always when `rebuild`.
    func prepare(rebuild: Bool) async throws(WorkbookErrors) {
        if !rebuild, build != nil { return }
        let fresh = try await core.prepare(request, rebuild: rebuild)
        built.withLock { $0 = fresh }
    }

    /// The `swiftc` arguments that make the products importable and link them.
    var swiftcArguments: [String] { build?.swiftcArguments ?? [] }
}
