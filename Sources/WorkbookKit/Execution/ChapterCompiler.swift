import Foundation

/// Compiles a chapter's `main.swift` into an executable against the built package products.
///
/// The compiler driver's jobs are replayed from a cached `CompilePlan` instead of starting
/// `swiftc`; autolink extraction is answered from `AutolinkCache` when the program's imports
/// were seen before, and the link starts the linker directly rather than through clang.
/// Each shortcut falls back to the plain job, so results never depend on them; with
/// `path == .plainSwiftc` (`WORKBOOK_PLAIN_SWIFTC=1`) none is taken.
struct ChapterCompiler: Sendable {
    var toolchain: Toolchain
    var cache: CacheFolder
    /// The package's `swiftc` arguments (`PackageBuild.swiftcArguments`), or none.
    var flags: [String] = []
    var path: CompilePath = .shortcuts
    /// Flags the program's shape needs (`ChapterProgram.Shape.compilerFlags`).
    var programFlags: [String] = []

    /// Compiles `sources` (a `main.swift` and the files beside it) into `binary`, using
    /// `folder` for intermediate files; tools run in `root`. The result carries every job's
    /// output, up to the first failure.
    func compile(sources: [URL], binary: URL, folder: URL, root: URL) async throws -> ToolResult {
        guard path == .shortcuts, let source = sources.first else {
            return try await compileWithPlainSwiftc(sources: sources, binary: binary, root: root)
        }
        let placeholders = arguments(sources: Self.placeholders(sources), binary: URL(fileURLWithPath: CompilePlan.binaryPlaceholder))
        guard let plan = await CompilePlan.load(toolchain: toolchain, arguments: placeholders, cache: cache) else {
            return try await compileWithPlainSwiftc(sources: sources, binary: binary, root: root)
        }
        let temporary = folder.appendingPathComponent("objects", isDirectory: true)
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let jobs = plan.jobs(source: source, binary: binary, temporary: temporary)
        let directLink = plan.directLink(source: source, binary: binary, temporary: temporary)
        let autolink = AutolinkCache(toolchain: toolchain, cache: cache)
        var combined = ToolResult(succeeded: true, standardOutput: "", standardError: "")
        // The compiler jobs of a program's files (one per file) run at once.
        let compileJobs = jobs.prefix { Self.isFrontend($0) }
        if compileJobs.count > 1 {
            let results = try await runAtOnce(Array(compileJobs), in: root)
            for result in results {
                combined.standardOutput += result.standardOutput
                combined.standardError += result.standardError
            }
            guard results.allSatisfy(\.succeeded) else {
                combined.succeeded = false
                return combined
            }
        }
        for (position, job) in jobs.enumerated() where compileJobs.count < 2 || position >= compileJobs.count {
            let result: ToolResult
            if AutolinkCache.isExtraction(job) {
                result = try await autolink.run(job, workingDirectory: root)
            } else if position == jobs.count - 1, let directLink {
                result = try await link(directLink, fallback: job, in: root)
            } else {
                result = try await run(job, in: root)
            }
            combined.standardOutput += result.standardOutput
            combined.standardError += result.standardError
            guard result.succeeded else {
                combined.succeeded = false
                break
            }
        }
        return combined
    }

    /// One `swiftc` call that compiles and links.
    func compileWithPlainSwiftc(sources: [URL], binary: URL, root: URL) async throws -> ToolResult {
        try await ToolRunner.run(toolchain.swiftc, arguments: arguments(sources: sources, binary: binary),
                               environment: toolchain.environment, workingDirectory: root)
    }

    /// Runs `jobs` at the same time; their results in the same order.
    func runAtOnce(_ jobs: [[String]], in folder: URL) async throws -> [ToolResult] {
        try await withThrowingTaskGroup(of: (Int, ToolResult).self) { group in
            for (position, job) in jobs.enumerated() {
                group.addTask { (position, try await run(job, in: folder)) }
            }
            var results = [ToolResult?](repeating: nil, count: jobs.count)
            for try await (position, result) in group { results[position] = result }
            return results.compactMap { $0 }
        }
    }

    /// Whether `job` starts the compiler frontend.
    static func isFrontend(_ job: [String]) -> Bool {
        job.first.map { URL(fileURLWithPath: $0).lastPathComponent == "swift-frontend" } ?? false && job.contains("-frontend")
    }

    /// The placeholder paths of `sources`: `main.swift`, then the other files by name.
    static func placeholders(_ sources: [URL]) -> [URL] {
        sources.enumerated().map { position, url in
            URL(fileURLWithPath: position == 0 ? CompilePlan.sourcePlaceholder : CompilePlan.sourcePlaceholder(named: url.lastPathComponent))
        }
    }

    /// Runs the linker directly; if that fails, links again through clang, whose result
    /// (and error messages) are then the ones reported.
    func link(_ direct: [String], fallback: [String], in folder: URL) async throws -> ToolResult {
        let result = try await run(direct, in: folder)
        return result.succeeded ? result : try await run(fallback, in: folder)
    }

    func run(_ job: [String], in folder: URL) async throws -> ToolResult {
        try await ToolRunner.run(URL(fileURLWithPath: job[0]), arguments: Array(job.dropFirst()),
                                 environment: toolchain.environment, workingDirectory: folder)
    }

    /// The arguments with placeholders for the sources and the binary, and the compile path:
    /// what decides the executable besides the program's text.
    func placeholderArguments(sources: [URL]) -> [String] {
        arguments(sources: Self.placeholders(sources), binary: URL(fileURLWithPath: CompilePlan.binaryPlaceholder)) + ["path=\(path)"]
    }

    /// The `swiftc` arguments that build `sources` into `binary`.
    func arguments(sources: [URL], binary: URL) -> [String] {
        var arguments = CompilerFlags.chapterProgram + programFlags
        // lld links a Foundation program about 60 ms faster than the default gold.
        let lld = toolchain.swiftc.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("ld.lld")
        if FileManager.default.isExecutableFile(atPath: lld.path) { arguments.append("-use-ld=lld") }
        return arguments + flags + sources.map(\.path) + ["-o", binary.path]
    }
}
