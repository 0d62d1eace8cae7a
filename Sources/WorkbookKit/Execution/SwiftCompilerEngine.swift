import Foundation

/// The engine of today: each chapter becomes one Swift program, compiled by `swiftc` against
/// the core modules (built once per content hash) and run with the workbook's timeout.
public struct SwiftCompilerEngine: SnippetEngine {
    /// The environment the compiler is looked up in (`SWIFTC`, `PATH`) and that chooses the
    /// compile path (`WORKBOOK_PLAIN_SWIFTC`).
    public var environment: [String: String]

    public init(environment: [String: String]) {
        self.environment = environment
    }

    public func session(for workbook: Workbook, cache: CacheFolder) async throws(WorkbookErrors) -> any SnippetEngineSession {
        let toolchain = try await Toolchain.locate(environment: environment, cache: cache)
        let modules = try CoreModule.describe(workbook: workbook, toolchain: toolchain)
        return Session(workbook: workbook, toolchain: toolchain, cache: cache, modules: modules,
                       compilePath: CompilePath(environment: environment))
    }

    struct Session: SnippetEngineSession {
        var workbook: Workbook
        var toolchain: Toolchain
        var cache: CacheFolder
        var modules: [CoreModule]
        var compilePath: CompilePath

        func cacheKey(for chapter: Chapter) -> String {
            ResultCache.key(chapter: chapter, modules: modules, compilerVersion: toolchain.version)
        }

        func preparationSummary() -> String? {
            let builder = CoreModuleBuilder(toolchain: toolchain, cache: cache)
            let missing = modules.filter { !builder.isBuilt($0.builtFolder(in: cache), $0) }
            guard !missing.isEmpty else { return nil }
            return "core module\(missing.count == 1 ? "" : "s") " + missing.map(\.name).joined(separator: ", ")
        }

        func prepare(rebuild: Bool) async throws(WorkbookErrors) {
            try await CoreModuleBuilder(toolchain: toolchain, cache: cache, rebuild: rebuild).build(modules, root: workbook.root)
        }

        func run(_ chapter: Chapter) async -> ChapterRun {
            var runner = ChapterRunner(toolchain: toolchain, cache: cache, modules: modules)
            runner.compilePath = compilePath
            return await runner.run(chapter, root: workbook.root, timeout: workbook.config.timeout)
        }
    }
}
