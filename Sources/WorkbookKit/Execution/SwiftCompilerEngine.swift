import Foundation

/// The engine of today: each chapter becomes one Swift program, compiled by `swiftc` against
/// the workbook's package products (built by SwiftPM once per content hash) and run with the
/// workbook's timeout.
public struct SwiftCompilerEngine: SnippetEngine {
    /// The environment the compiler is looked up in (`SWIFTC`, `PATH`) and that chooses the
    /// compile path (`WORKBOOK_PLAIN_SWIFTC`).
    public var environment: [String: String]

    public init(environment: [String: String]) {
        self.environment = environment
    }

    public func session(for workbook: Workbook, cache: CacheFolder) async throws(WorkbookErrors) -> any SnippetEngineSession {
        let toolchain = try await Toolchain.locate(environment: environment, cache: cache)
        let package = PackagePreparation(workbook: workbook, toolchain: toolchain, cache: cache)
        if package == nil {
            let problems = ImportedModules(config: workbook.config).problems(swiftc: toolchain.swiftc, packageModules: nil, products: [])
            if !problems.isEmpty { throw WorkbookErrors(problems) }
        }
        return Session(workbook: workbook, toolchain: toolchain, cache: cache, package: package,
                       compilePath: CompilePath(environment: environment))
    }

    struct Session: SnippetEngineSession {
        var workbook: Workbook
        var toolchain: Toolchain
        var cache: CacheFolder
        var package: PackagePreparation?
        var compilePath: CompilePath

        /// With a package, the keys hold the hash of the built products: it is built first.
        var preparesBeforeKeys: Bool { package != nil }

        func cacheKey(for chapter: Chapter) -> String {
            ResultCache.key(chapter: chapter, package: package?.build, compilerVersion: toolchain.version, settings: programSettings)
        }

        /// The settings that change how a chapter's programs are made, for the cache keys.
        var programSettings: [String] {
            let documentation = workbook.config.documentation
            return ["snippets=\(documentation.snippets == .notebook ? NotebookRunner.version : "program")",
                    "imports=\(documentation.imports.joined(separator: ","))"]
        }

        func preparationSummary() -> String? { package?.summary(rebuild: false) }

        func preparationSummary(rebuild: Bool) -> String? { package?.summary(rebuild: rebuild) }

        func prepare(rebuild: Bool) async throws(WorkbookErrors) {
            guard let package else { return }
            try await package.prepare(rebuild: rebuild)
            let problems = ImportedModules(config: workbook.config)
                .problems(swiftc: toolchain.swiftc, packageModules: package.build?.modules ?? [], products: workbook.config.products)
            if !problems.isEmpty { throw WorkbookErrors(problems) }
        }

        func run(_ chapter: Chapter) async -> ChapterRun {
            await run(chapter, spareCores: 0)
        }

        /// With spare cores, the program is written as several files compiled at once.
        func run(_ chapter: Chapter, spareCores: Int) async -> ChapterRun {
            var runner = ChapterRunner(toolchain: toolchain, cache: cache, flags: package?.swiftcArguments ?? [])
            runner.compilePath = compilePath
            runner.packageHash = package?.build?.outputHash
            runner.compileJobs = min(1 + spareCores, ChapterProgram.maximumFiles)
            runner.modules = workbook.config.documentation.imports + chapter.imports.filter { !workbook.config.documentation.imports.contains($0) }
            if workbook.config.documentation.snippets == .notebook {
                return await NotebookRunner(runner: runner).run(chapter, root: workbook.root, timeout: workbook.config.timeout)
            }
            return await runner.run(chapter, root: workbook.root, timeout: workbook.config.timeout)
        }
    }
}
