import Foundation
import Subprocess
import SwiftCompileShortcuts
import SwiftToolchain
import WorkbookKit
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// Compiles a chapter's program against the built package products and runs it with a timeout.
public struct ChapterRunner: Sendable {
    /// The most a snippet may print.
    public static let outputLimit = 1 << 20
    /// How much of stderr is kept for error reports.
    static let standardErrorLimit = 64 * 1024
    public var toolchain: Toolchain
    /// Where compiled programs are stored (`ProgramBinaryCache`), and whether one stored
    /// before may run instead of a compile: not when the cache reuses nothing (`--no-cache`),
    /// and none is stored or reused on the plain compile path.
    public var cache: CacheFolder
    /// `swiftc` arguments that make the package's modules importable and link them (none for plain Swift).
    public var flags: [String]
    /// Whether the compile takes the shortcuts or calls plain `swiftc`.
    public var compilePath: CompilePath = .shortcuts
    /// The hash of the package's built products (`PackageBuild.outputHash`), part of the key of
    /// compiled programs; `nil` without a package.
    public var packageHash: String? = nil
    /// How many compiler jobs the program may use at once: its number of files, at most.
    public var compileJobs = 1
    /// Modules every program imports besides what its snippets import (`imports` of `workbook.toml`).
    public var modules: [String] = []

    public init(toolchain: Toolchain, cache: CacheFolder, flags: [String] = []) {
        self.toolchain = toolchain
        self.cache = cache
        self.flags = flags
    }

    /// Compiles and runs `chapter` of the workbook at `root`, stopping it after `timeout` seconds.
    public func run(_ chapter: Chapter, root: URL, timeout: Double) async -> ChapterRun {
        let run = await run(chapter, root: root, timeout: timeout, scriptOnly: false)
        // A global cannot have another declaration's opaque type (`let shape = makeShape()`
        // returning `some Shape`), which top-level code allows: such a program is compiled
        // again as top-level code.
        if run.errors.contains(where: { $0.stage == "compile" && $0.message.contains("involving the 'some' return type of another declaration") }) {
            var again = await self.run(chapter, root: root, timeout: timeout, scriptOnly: true)
            again.compileSeconds += run.compileSeconds
            again.compileFallbacks = run.compileFallbacks + again.compileFallbacks
            return again
        }
        return run
    }

    func run(_ chapter: Chapter, root: URL, timeout: Double, scriptOnly: Bool) async -> ChapterRun {
        let program = ChapterProgram(chapter: chapter, modules: modules, files: compileJobs, scriptOnly: scriptOnly,
                                     splits: compilePath.splitsPrograms)
        let folder = cache.url.appendingPathComponent("build/\(chapter.slug)-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("main.swift")
        let binary = folder.appendingPathComponent("chapter")
        var run = ChapterRun(outputs: [:], errors: [], compileSeconds: 0, runSeconds: 0)

        let compileStart = ContinuousClock.now
        var compiler = ChapterCompiler(toolchain: toolchain, cache: cache, flags: flags, path: compilePath,
                                       programFlags: program.shape.compilerFlags,
                                       locationNames: [ChapterProgram.locationName(chapter.path)])
        compiler.linksWithLLD = compilePath.linksWithLLD
        let programs = ProgramBinaryCache(cache: cache)
        let sources = [source] + program.otherSources.indices.map { folder.appendingPathComponent("part-\($0 + 2).swift") }
        // One key for the program however many files it is written as.
        let key = ProgramBinaryCache.key(identity: program.identity, arguments: compiler.placeholderArguments(sources: [source]),
                                         toolchain: toolchain, packageHash: packageHash)
        var executable = binary
        if compilePath.storesPrograms, let stored = programs.executable(forKey: key, slug: chapter.slug) {
            // Run a link of the entry in this run's own folder: pruning by a concurrent
            // program of the same chapter cannot remove it before it starts.
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            executable = link(stored.path, binary.path) == 0 ? binary : stored
            run.reusedProgram = true
        } else {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                for (url, text) in zip(sources, [program.source] + program.otherSources) { try FileBytes.write(Data(text.utf8), to: url) }
                // A hung compiler or linker is stopped after the workbook's `timeout`, as a program is.
                let outcome = try await ToolRunner.$taskLimit.withValue(ToolRunner.compileLimit(timeout: timeout)) {
                    try await compiler.compileOutcome(sources: sources, binary: binary, folder: folder, root: root)
                }
                run.compileSeconds = ContinuousClock.now.seconds(since: compileStart)
                if let fallback = outcome.fallback { run.compileFallbacks.append(fallback) }
                let result = outcome.result
                guard result.succeeded else {
                    run.errors = compileErrors(result.standardError + result.standardOutput, source: source, chapter: chapter)
                    return run
                }
            } catch {
                run.errors = [WorkbookError(path: chapter.path, message: "cannot compile the chapter: \(Self.words(error))", stage: "compile")]
                return run
            }
            if compilePath.storesPrograms { _ = programs.store(binary, forKey: key, slug: chapter.slug) }
        }

        return await execute(executable, program: program, chapter: chapter, root: root, timeout: timeout, into: run)
    }

    /// Runs the compiled `executable` of `program` (with `arguments`) and adds what it printed,
    /// and how it ended, to `run`.
    func execute(_ executable: URL, arguments: [String] = [], program: ChapterProgram, chapter: Chapter, root: URL,
                 timeout: Double, into run: ChapterRun) async -> ChapterRun {
        var run = run
        let runStart = ContinuousClock.now
        let outcome: ProgramOutcome
        do {
            outcome = try await execute(executable, arguments: arguments, program: program, root: root, timeout: timeout)
        } catch {
            run.errors = [WorkbookError(path: chapter.path, message: "cannot run the chapter: \(Self.words(error))", stage: "run")]
            return run
        }
        run.runSeconds = ContinuousClock.now.seconds(since: runStart)
        for (index, bytes) in outcome.splitter.finished {
            // A NUL byte never reaches a page or a chapter: it becomes U+FFFD like invalid UTF-8.
            run.outputs[index] = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\u{0}", with: "\u{FFFD}")
        }
        run.snippetSeconds = outcome.splitter.seconds
        run.timedOut = outcome.timedOut
        if let error = ProgramFailure(outcome: outcome, chapter: chapter, timeout: timeout).error {
            run.errors = [error]
            if let index = outcome.splitter.running, !outcome.timedOut, outcome.splitter.overflowed == nil {
                let printed = String(decoding: outcome.splitter.runningOutput, as: UTF8.self)
                run.stoppedSnippet = StoppedSnippet(index: index, printed: printed, standardError: outcome.standardError,
                                                    moduleName: CompilerFlags.programModuleName)
            }
        }
        return run
    }

    /// Whether `chapter`'s program is stored compiled (`ProgramBinaryCache`) and may be reused
    /// (never under `--no-cache`).
    func hasStoredProgram(of chapter: Chapter) -> Bool {
        guard compilePath.storesPrograms else { return false }
        let program = ChapterProgram(chapter: chapter, modules: modules)
        var compiler = ChapterCompiler(toolchain: toolchain, cache: cache, flags: flags, path: compilePath,
                                       programFlags: program.shape.compilerFlags)
        compiler.linksWithLLD = compilePath.linksWithLLD
        let source = URL(fileURLWithPath: CompilePlan.sourcePlaceholder)
        let key = ProgramBinaryCache.key(identity: program.identity, arguments: compiler.placeholderArguments(sources: [source]),
                                         toolchain: toolchain, packageHash: packageHash)
        return ProgramBinaryCache(cache: cache).executable(forKey: key, slug: chapter.slug) != nil
    }

    /// A sentence for an error of the file system or of launching a process.
    static func words(_ error: any Error) -> String {
        if let errors = error as? WorkbookErrors { return errors.errors.map(\.message).joined(separator: "; ") }
        if let subprocess = error as? SubprocessError { return subprocess.description }
        return FileErrorWords.describe(error)
    }

    func compileErrors(_ output: String, source: URL, chapter: Chapter) -> [WorkbookError] {
        let diagnostics = CompilerDiagnostics(root: URL(fileURLWithPath: "/nonexistent"),
                                              generatedFile: (source.path, chapter.path))
        // The jobs of a program's files may report the same error: each once, in order.
        var seen = Set<String>()
        let errors = diagnostics.errors(in: output, stage: "compile").filter { seen.insert($0.description).inserted }
        if !errors.isEmpty { return MissingImportHint.adding(to: errors, chapter: chapter, imports: modules) }
        return [WorkbookError(path: chapter.path, message: "the chapter's program failed to compile", stage: "compile",
                              details: CompilerDiagnostics.excerpt(output))]
    }

    func execute(_ binary: URL, arguments: [String] = [], program: ChapterProgram, root: URL, timeout: Double) async throws -> ProgramOutcome {
        // The program leads a process group of its own: killing the group kills whatever a
        // snippet started, on timeout, on overflow, when the program exits, and on a signal.
        var platform = PlatformOptions()
        platform.processGroupID = 0
        let result = try await Subprocess.run(
            .path(FilePath(binary.path)),
            arguments: Arguments(arguments),
            environment: .exactly(programEnvironment),
            workingDirectory: FilePath(root.path),
            platformOptions: platform,
            input: .none,
            output: .sequence,
            error: .sequence
        ) { execution in
            let pid = execution.processIdentifier.value
            ProcessGroups.register(pid)
            defer { ProcessGroups.kill(group: pid) }
            return try await withThrowingTaskGroup(of: StreamEvent.self) { group in
                group.addTask {
                    var splitter = SnippetOutputSplitter(boundary: program.boundary, limit: Self.outputLimit)
                    for try await buffer in execution.standardOutput {
                        buffer.withUnsafeBytes { splitter.append($0) }
                        if splitter.overflowed != nil {
                            try? execution.send(signal: .kill, toProcessGroup: true)
                            break
                        }
                    }
                    splitter.finish()
                    return .standardOutput(splitter)
                }
                group.addTask {
                    var tail: [UInt8] = []
                    for try await buffer in execution.standardError {
                        buffer.withUnsafeBytes { tail += $0 }
                        if tail.count > 2 * Self.standardErrorLimit { tail.removeFirst(tail.count - Self.standardErrorLimit) }
                    }
                    return .standardError(tail.suffix(Self.standardErrorLimit))
                }
                group.addTask {
                    do {
                        try await Task.sleep(for: .seconds(timeout))
                    } catch {
                        return .cancelled
                    }
                    try? execution.send(signal: .kill, toProcessGroup: true)
                    return .timedOut
                }
                group.addTask {
                    // Processes a snippet left running keep the output pipes open: once the
                    // program itself has exited, its group is killed so the streams end.
                    while !ProcessGroups.hasExited(pid) {
                        do { try await Task.sleep(for: .milliseconds(20)) } catch { return .cancelled }
                    }
                    ProcessGroups.kill(group: pid)
                    return .cancelled
                }
                var outcome = ProgramOutcome(splitter: SnippetOutputSplitter(boundary: program.boundary, limit: Self.outputLimit))
                var streamsOpen = 2
                while streamsOpen > 0, let event = try await group.next() {
                    switch event {
                    case .standardOutput(let splitter):
                        outcome.splitter = splitter
                        streamsOpen -= 1
                    case .standardError(let bytes):
                        outcome.standardError = String(decoding: bytes, as: UTF8.self)
                        streamsOpen -= 1
                    case .timedOut:
                        outcome.timedOut = true
                    case .cancelled:
                        break
                    }
                }
                group.cancelAll()
                return outcome
            }
        }
        var outcome = result.closureResult
        outcome.status = result.terminationStatus
        return outcome
    }
}

private enum StreamEvent: Sendable {
    case standardOutput(SnippetOutputSplitter)
    case standardError([UInt8])
    case timedOut
    case cancelled
}

/// How a chapter program ended, and what it printed.
struct ProgramOutcome: Sendable {
    var splitter: SnippetOutputSplitter
    var standardError = ""
    var timedOut = false
    var status: TerminationStatus = .exited(0)
}
