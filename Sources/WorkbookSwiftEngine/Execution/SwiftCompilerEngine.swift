import Foundation
import SwiftToolchain
import WorkbookKit

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
                       compilePath: CompilePath(environment: environment), bundled: BundledPrograms())
    }

    struct Session: SnippetEngineSession {
        var workbook: Workbook
        var toolchain: Toolchain
        var cache: CacheFolder
        var package: PackagePreparation?
        var compilePath: CompilePath
        /// The chapter bundles compiled by ``prepareRuns(of:jobs:)``.
        var bundled: BundledPrograms

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

        /// With spare cores, the program is written as several files compiled at once. A
        /// chapter compiled in a bundle runs from the bundle's binary; if that run reports
        /// any error but a timeout (which reads the same whatever the binary), the chapter
        /// runs again as its own program, whose outcome is reported.
        func run(_ chapter: Chapter, spareCores: Int) async -> ChapterRun {
            var runner = runner(for: chapter)
            runner.compileJobs = min(1 + spareCores, ChapterProgram.maximumFiles)
            if workbook.config.documentation.snippets == .notebook {
                return await NotebookRunner(runner: runner).run(chapter, root: workbook.root, timeout: workbook.config.timeout)
            }
            if !bundled.isEmpty,
               let entry = bundled.entry(path: chapter.path, identity: ChapterProgram.identity(of: chapter, modules: runner.modules)) {
                var start = ChapterRun(outputs: [:], errors: [], compileSeconds: entry.compileSeconds, runSeconds: 0)
                start.bundledWith = entry.chapters - 1
                let run = await runner.execute(entry.binary, arguments: [String(entry.ordinal)], program: entry.program,
                                               chapter: chapter, root: workbook.root, timeout: workbook.config.timeout, into: start)
                if run.errors.isEmpty || run.timedOut { return run }
            }
            return await runner.run(chapter, root: workbook.root, timeout: workbook.config.timeout)
        }

        /// The runner of `chapter`'s programs.
        func runner(for chapter: Chapter) -> ChapterRunner {
            var runner = ChapterRunner(toolchain: toolchain, cache: cache, flags: package?.swiftcArguments ?? [])
            runner.compilePath = compilePath
            runner.packageHash = package?.build?.outputHash
            runner.modules = workbook.config.documentation.imports + chapter.imports.filter { !workbook.config.documentation.imports.contains($0) }
            return runner
        }

        /// Compiles the chapters that can share a module (``ChapterBundle``) as programs of
        /// several chapters, up to `jobs` at once; not for notebook scoping, the plain compile path, or a
        /// chapter whose program is stored compiled.
        func prepareRuns(of chapters: [Chapter], jobs: Int) async {
            guard compilePath.bundlesChapters, workbook.config.documentation.snippets != .notebook, chapters.count > 1 else { return }
            let candidates = chapters.compactMap { chapter -> (chapter: Chapter, modules: [String])? in
                let runner = runner(for: chapter)
                return runner.hasStoredProgram(of: chapter) ? nil : (chapter, runner.modules)
            }
            await withTaskGroup(of: Void.self) { group in
                for bundle in ChapterBundle.bundles(of: candidates, parts: jobs) {
                    group.addTask { await compile(bundle) }
                }
            }
        }

        /// Compiles `bundle` with one compiler process (`-wmo`: one process type-checks and
        /// generates the whole module, loading each imported module once). When it does not
        /// compile and its errors lie in some of its chapters, it is compiled once more without
        /// them (they compile alone, for their own errors), if at least two chapters are left.
        func compile(_ bundle: ChapterBundle, retry: Bool = true) async {
            let folder = cache.url.appendingPathComponent("build/bundle-\(UUID().uuidString)", isDirectory: true)
            let binary = folder.appendingPathComponent("chapters")
            let sources = bundle.sources.indices.map { folder.appendingPathComponent($0 == 0 ? "main.swift" : "chapter-\($0).swift") }
            // Plain `swiftc`: a `-wmo` job reads a file map the driver writes, so its plan
            // cannot be replayed.
            var compiler = ChapterCompiler(toolchain: toolchain, cache: cache, flags: package?.swiftcArguments ?? [], path: .plainSwiftc,
                                           programFlags: ChapterProgram.Shape.library.compilerFlags + ["-wmo"])
            compiler.locationNames = bundle.paths.map(ChapterProgram.locationName)
            let start = ContinuousClock.now
            let result: ToolResult
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                for (url, text) in zip(sources, bundle.sources) { try FileBytes.write(Data(text.utf8), to: url) }
                result = try await ToolRunner.$taskLimit.withValue(ToolRunner.compileLimit(timeout: workbook.config.timeout)) {
                    try await compiler.compile(sources: sources, binary: binary, folder: folder, root: workbook.root)
                }
            } catch {
                return bundled.discard(folder)
            }
            guard result.succeeded else {
                bundled.discard(folder)
                let errors = CompilerDiagnostics(root: workbook.root).errors(in: result.standardError + result.standardOutput, stage: "compile")
                guard retry, !errors.isEmpty, let blamed = bundle.members(blamedBy: errors), !blamed.isEmpty else { return }
                let rest = bundle.members.indices.filter { !blamed.contains($0) }.map { bundle.members[$0] }
                if rest.count > 1 { await compile(ChapterBundle(members: rest), retry: false) }
                return
            }
            bundled.add(bundle, binary: binary, folder: folder, compileSeconds: ContinuousClock.now.seconds(since: start))
        }
    }
}
