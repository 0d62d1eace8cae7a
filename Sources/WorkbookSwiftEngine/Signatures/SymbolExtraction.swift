import Foundation
import SwiftToolchain
import WorkbookKit

/// Lists the public declarations of a package build's Swift modules with the toolchain's
/// `swift-symbolgraph-extract`, once per build: the list is kept in the `signatures` area of
/// the cache (``CacheStore``), keyed by the build's output hash, the compiler's version and
/// this format.
struct SymbolExtraction: Sendable {
    static let formatVersion = "1"
    /// The cache's area of the lists (and of the extraction's module cache, `module-cache`).
    static let area = "signatures"

    var toolchain: Toolchain
    var cache: CacheFolder

    /// What extraction gave: the symbols and whether they came from the cache.
    struct Result: Sendable {
        var symbols: ProductSymbols
        var cached: Bool
    }

    /// The symbols of `build`'s Swift modules, from the cache or extracted now.
    func symbols(of build: PackageBuild) async throws(WorkbookErrors) -> Result {
        let store = CacheStore(cache: cache, area: Self.area)
        let key = CacheKey([Self.formatVersion, build.outputHash, toolchain.version])
        if let data = store.read(key), let symbols = try? JSONDecoder().decode(ProductSymbols.self, from: data) {
            return Result(symbols: symbols, cached: true)
        }
        let symbols = try await extract(build)
        if let data = try? JSONEncoder().encode(symbols) { store.write(data, for: key) }
        return Result(symbols: symbols, cached: false)
    }

    /// The Swift modules of the build: those of `build.modules` with a `.swiftmodule` in the
    /// folder the chapter programs import from.
    static func swiftModules(of build: PackageBuild) -> [String] {
        let folders = zip(build.compilerArguments, build.compilerArguments.dropFirst()).filter { $0.0 == "-I" }.map(\.1)
        return build.modules.filter { module in
            folders.contains { FileManager.default.fileExists(atPath: "\($0)/\(module).swiftmodule") }
        }
    }

    func extract(_ build: PackageBuild) async throws(WorkbookErrors) -> ProductSymbols {
        let tool = toolchain.swiftc.deletingLastPathComponent().appendingPathComponent("swift-symbolgraph-extract")
        let modules = Self.swiftModules(of: build).filter { $0 != PackageWrapper.productName }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("workbook-symbols-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: output) }
        var symbols: [ProductSymbols.Symbol] = []
        for module in modules {
            let folder = output.appendingPathComponent(module, isDirectory: true)
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let arguments = ["-module-name", module, "-output-dir", folder.path, "-minimum-access-level", "public",
                             "-skip-synthesized-members", "-module-cache-path", cache.url.appendingPathComponent("\(Self.area)/module-cache").path]
                + build.compilerArguments
            let result: ToolResult
            do {
                result = try await ToolRunner.run(tool, arguments: arguments, environment: toolchain.environment)
            } catch {
                throw WorkbookErrors([WorkbookError(path: "workbook.toml", message: "cannot run '\(tool.path)': \(error)", stage: "signatures")])
            }
            guard result.succeeded else {
                throw WorkbookErrors([WorkbookError(
                    path: "workbook.toml", message: "cannot list the declarations of module '\(module)' to check signatures",
                    stage: "signatures", details: (result.standardError + result.standardOutput).trimmingCharacters(in: .whitespacesAndNewlines))])
            }
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
            for name in files where name.hasSuffix(".symbols.json") {
                guard let data = try? Data(contentsOf: folder.appendingPathComponent(name)) else { continue }
                symbols += ProductSymbols.symbols(inSymbolGraph: data)
            }
        }
        return ProductSymbols(symbols: symbols, modules: modules)
    }
}
