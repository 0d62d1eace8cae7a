import Foundation

/// Compiles a chapter's `main.swift` into an executable against the built package products.
///
/// The compiler driver's jobs are replayed from a cached `CompilePlan` instead of starting
/// `swiftc`; autolink extraction is answered from `AutolinkCache` when the program's imports
/// were seen before, and the link starts the linker directly rather than through clang.
/// When a replayed job fails, the program is compiled again with one plain `swiftc` call,
/// whose result is the one reported, unless the failure is the program's own compile error
/// (`isProgramError`); the shortcut that failed is counted (`CompileOutcome.fallback`) and
/// the fact behind it is not trusted again. So results never depend on the shortcuts; with
/// `path == .plainSwiftc` (`WORKBOOK_PLAIN_SWIFTC=1`) none is taken.
struct ChapterCompiler: Sendable {
    var toolchain: Toolchain
    var cache: CacheFolder
    /// The package's `swiftc` arguments (`PackageBuild.swiftcArguments`), or none.
    var flags: [String] = []
    var path: CompilePath = .shortcuts
    /// Flags the program's shape needs (`ChapterProgram.Shape.compilerFlags`).
    var programFlags: [String] = []
    /// The names the program's lines are reported under besides its files' paths: the
    /// chapter's path, which its `#sourceLocation` lines give.
    var locationNames: [String] = []

    /// What compiling a program gave.
    struct CompileOutcome: Sendable {
        /// The result reported: every job's output up to the first failure, or, after a
        /// shortcut failed, the plain `swiftc` call's.
        var result: ToolResult
        /// The shortcut whose failure made the program compile again with plain `swiftc`.
        var fallback: CompileShortcut? = nil
    }

    /// How replaying a plan ended.
    enum Replay {
        /// Every job succeeded, or the compiler reported errors of the program's own code.
        case finished(ToolResult)
        /// A shortcut failed; `discard` forgets the fact behind it once plain `swiftc` has
        /// shown that the program compiles.
        case failed(CompileShortcut, discard: @Sendable () -> Void)
    }

    /// Compiles `sources` (a `main.swift` and the files beside it) into `binary`, using
    /// `folder` for intermediate files; tools run in `root`.
    func compile(sources: [URL], binary: URL, folder: URL, root: URL) async throws -> ToolResult {
        try await compileOutcome(sources: sources, binary: binary, folder: folder, root: root).result
    }

    /// Compiles `sources` into `binary` as `compile` does, and says which shortcut failed, if one did.
    func compileOutcome(sources: [URL], binary: URL, folder: URL, root: URL) async throws -> CompileOutcome {
        guard path == .shortcuts, !sources.isEmpty else {
            return CompileOutcome(result: try await compileWithPlainSwiftc(sources: sources, binary: binary, root: root))
        }
        let placeholders = arguments(sources: Self.placeholders(sources), binary: URL(fileURLWithPath: CompilePlan.binaryPlaceholder))
        guard let plan = await CompilePlan.load(toolchain: toolchain, arguments: placeholders, cache: cache) else {
            return CompileOutcome(result: try await compileWithPlainSwiftc(sources: sources, binary: binary, root: root))
        }
        let planFile = CompilePlan.file(toolchain: toolchain, arguments: placeholders, cache: cache)
        switch try await replay(plan, storedIn: planFile, sources: sources, binary: binary, folder: folder, root: root) {
        case .finished(let result):
            return CompileOutcome(result: result)
        case .failed(let shortcut, let discard):
            let result = try await compileWithPlainSwiftc(sources: sources, binary: binary, root: root)
            if result.succeeded { discard() }
            return CompileOutcome(result: result, fallback: shortcut)
        }
    }

    /// Runs `plan`'s jobs for `sources`: the compiler jobs of the program's files at once,
    /// then autolink extraction (`AutolinkCache`) and the link (`DirectLinker`'s command
    /// when the plan has one, else the plan's clang job). A job that cannot be started (a
    /// tool the plan names is gone) failed like one that exited with an error.
    func replay(_ plan: CompilePlan, storedIn planFile: URL, sources: [URL], binary: URL, folder: URL, root: URL) async throws -> Replay {
        let source = sources[0]
        let temporary = folder.appendingPathComponent("objects", isDirectory: true)
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let jobs = plan.jobs(source: source, binary: binary, temporary: temporary)
        let directLink = plan.directLink(source: source, binary: binary, temporary: temporary)
        let autolink = AutolinkCache(toolchain: toolchain, cache: cache)
        let forgetPlan: @Sendable () -> Void = { CompilePlan.discard(plan, at: planFile) }
        var combined = ToolResult(succeeded: true, standardOutput: "", standardError: "")
        let compileJobs = Array(jobs.prefix { Self.isFrontend($0) })
        let compiled = await runAtOnce(compileJobs, in: root)
        for result in compiled { combined.append(output: result) }
        guard compiled.allSatisfy(\.succeeded) else {
            let files = Set(sources.map(\.path) + locationNames)
            guard Self.isProgramError(compiled, files: files) else { return .failed(.compilerJob, discard: forgetPlan) }
            combined.succeeded = false
            return .finished(combined)
        }
        var extraction: (job: [String], answer: AutolinkCache.StoredAnswer)?
        for (position, job) in jobs.enumerated().dropFirst(compileJobs.count) {
            if AutolinkCache.isExtraction(job) {
                guard let extracted = try? await autolink.run(job, workingDirectory: root), extracted.result.succeeded else {
                    return .failed(.autolinkExtraction, discard: forgetPlan)
                }
                if let answer = extracted.storedAnswer { extraction = (job, answer) }
            } else if position == jobs.count - 1 {
                let result = await attempt(directLink ?? job, in: root)
                guard result.succeeded else {
                    // A wrong stored answer is replaced by the tool's at once; the plan stays.
                    if let extraction,
                       (try? await autolink.isWrong(extraction.answer, givenTo: extraction.job, workingDirectory: root)) == true {
                        return .failed(.autolinkAnswer, discard: {})
                    }
                    return .failed(directLink == nil ? .linkJob : .directLink, discard: forgetPlan)
                }
                combined.append(output: result)
            } else {
                let result = await attempt(job, in: root)
                guard result.succeeded else { return .failed(.compilerJob, discard: forgetPlan) }
                combined.append(output: result)
            }
        }
        return .finished(combined)
    }

    /// One `swiftc` call that compiles and links.
    func compileWithPlainSwiftc(sources: [URL], binary: URL, root: URL) async throws -> ToolResult {
        try await ToolRunner.run(toolchain.swiftc, arguments: arguments(sources: sources, binary: binary),
                               environment: toolchain.environment, workingDirectory: root)
    }

    /// Runs `jobs` at the same time (`attempt`); their results in the same order.
    func runAtOnce(_ jobs: [[String]], in folder: URL) async -> [ToolResult] {
        await withTaskGroup(of: (Int, ToolResult).self) { group in
            for (position, job) in jobs.enumerated() {
                group.addTask { (position, await attempt(job, in: folder)) }
            }
            var results = [ToolResult?](repeating: nil, count: jobs.count)
            for await (position, result) in group { results[position] = result }
            return results.compactMap { $0 }
        }
    }

    /// Runs `job`; a job that cannot be started is a failed result saying why.
    func attempt(_ job: [String], in folder: URL) async -> ToolResult {
        do {
            return try await run(job, in: folder)
        } catch {
            return ToolResult(succeeded: false, standardOutput: "", standardError: "error: cannot run '\(job[0])': \(error)")
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
