import Foundation
import SwiftCompileShortcuts
import SwiftToolchain
import WorkbookKit

/// Compiles a chapter's `main.swift` into an executable against the built package products.
///
/// The compiler driver's jobs are replayed from a cached `CompilePlan` instead of starting
/// `swiftc`; autolink extraction is answered from `AutolinkCache` when the program's imports
/// were seen before, and the link starts the linker directly rather than through clang.
/// When a replayed job fails, the program is compiled again with one plain `swiftc` call,
/// whose result is the one reported, unless the failure is the program's own compile error
/// (`isProgramError`); the shortcut that failed is counted (`CompileOutcome.fallback`) and
/// the fact behind it is not trusted again. So results never depend on the shortcuts; with
/// `path == .plainSwiftc` (`WORKBOOK_PLAIN_SWIFTC=1`) none is taken. The shortcuts live in
/// `SwiftCompileShortcuts` (`PlanReplay`); this type holds the plain call and chooses.
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
    /// Whether the link goes through lld when the toolchain has it (`-use-ld=lld`), which only
    /// saves time: never on the plain path.
    var linksWithLLD = true

    /// What compiling a program gave.
    struct CompileOutcome: Sendable {
        /// The result reported: every job's output up to the first failure, or, after a
        /// shortcut failed, the plain `swiftc` call's.
        var result: ToolResult
        /// The shortcut whose failure made the program compile again with plain `swiftc`.
        var fallback: CompileShortcut? = nil
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
        let placeholders = arguments(sources: PlanReplay.placeholders(sources), binary: URL(fileURLWithPath: CompilePlan.binaryPlaceholder))
        guard let plan = await CompilePlan.load(toolchain: toolchain, arguments: placeholders, cache: cache) else {
            return CompileOutcome(result: try await compileWithPlainSwiftc(sources: sources, binary: binary, root: root))
        }
        let planFile = CompilePlan.file(toolchain: toolchain, arguments: placeholders, cache: cache)
        let replay = PlanReplay(toolchain: toolchain, cache: cache, locationNames: locationNames)
        switch try await replay.replay(plan, storedIn: planFile, sources: sources, binary: binary, folder: folder, root: root) {
        case .finished(let result):
            return CompileOutcome(result: result)
        case .failed(let shortcut, let discard):
            let result = try await compileWithPlainSwiftc(sources: sources, binary: binary, root: root)
            if result.succeeded { discard() }
            return CompileOutcome(result: result, fallback: shortcut)
        }
    }

    /// One `swiftc` call that compiles and links.
    func compileWithPlainSwiftc(sources: [URL], binary: URL, root: URL) async throws -> ToolResult {
        try await ToolRunner.run(toolchain.swiftc, arguments: arguments(sources: sources, binary: binary),
                               environment: toolchain.environment, workingDirectory: root)
    }

    /// The arguments with placeholders for the sources and the binary, and the compile path:
    /// what decides the executable besides the program's text.
    func placeholderArguments(sources: [URL]) -> [String] {
        arguments(sources: PlanReplay.placeholders(sources), binary: URL(fileURLWithPath: CompilePlan.binaryPlaceholder)) + ["path=\(path)"]
    }

    /// The `swiftc` arguments that build `sources` into `binary`.
    func arguments(sources: [URL], binary: URL) -> [String] {
        var arguments = CompilerFlags.chapterProgram + programFlags
        // lld links a Foundation program about 60 ms faster than the default gold.
        let lld = toolchain.swiftc.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("ld.lld")
        if linksWithLLD, FileManager.default.isExecutableFile(atPath: lld.path) { arguments.append("-use-ld=lld") }
        return arguments + flags + sources.map(\.path) + ["-o", binary.path]
    }
}
