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

    /// Compiles `source` into `binary`, using `folder` for intermediate files; tools run in
    /// `root`. The result carries every job's output, up to the first failure.
    func compile(source: URL, binary: URL, folder: URL, root: URL) async throws -> ToolResult {
        guard path == .shortcuts else { return try await compileWithPlainSwiftc(source: source, binary: binary, root: root) }
        let placeholders = arguments(
            source: URL(fileURLWithPath: CompilePlan.sourcePlaceholder), binary: URL(fileURLWithPath: CompilePlan.binaryPlaceholder))
        guard let plan = await CompilePlan.load(toolchain: toolchain, arguments: placeholders, cache: cache) else {
            return try await compileWithPlainSwiftc(source: source, binary: binary, root: root)
        }
        let temporary = folder.appendingPathComponent("objects", isDirectory: true)
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let jobs = plan.jobs(source: source, binary: binary, temporary: temporary)
        let directLink = plan.directLink(source: source, binary: binary, temporary: temporary)
        let autolink = AutolinkCache(toolchain: toolchain, cache: cache)
        var combined = ToolResult(succeeded: true, standardOutput: "", standardError: "")
        for (position, job) in jobs.enumerated() {
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
    func compileWithPlainSwiftc(source: URL, binary: URL, root: URL) async throws -> ToolResult {
        try await ToolRunner.run(toolchain.swiftc, arguments: arguments(source: source, binary: binary),
                               environment: toolchain.environment, workingDirectory: root)
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

    /// The arguments with placeholders for the source and the binary, and the compile path:
    /// what decides the executable besides the program's text.
    var placeholderArguments: [String] {
        arguments(source: URL(fileURLWithPath: CompilePlan.sourcePlaceholder), binary: URL(fileURLWithPath: CompilePlan.binaryPlaceholder))
            + ["path=\(path)"]
    }

    /// The `swiftc` arguments that build `source` into `binary`.
    func arguments(source: URL, binary: URL) -> [String] {
        var arguments = CompilerFlags.chapterProgram + programFlags
        // lld links a Foundation program about 60 ms faster than the default gold.
        let lld = toolchain.swiftc.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("ld.lld")
        if FileManager.default.isExecutableFile(atPath: lld.path) { arguments.append("-use-ld=lld") }
        return arguments + flags + [source.path, "-o", binary.path]
    }
}
