import Foundation
import SwiftToolchain
import WorkbookKit

/// The compile shortcuts of one program: the compiler driver's jobs replayed from a stored
/// `CompilePlan`, autolink extraction answered from `AutolinkCache`, and the link made by
/// `DirectLinker`'s command. The engine's `ChapterCompiler` asks for a replay only on the
/// shortcut compile path and compiles with plain `swiftc` when it reports a failed shortcut.
package struct PlanReplay: Sendable {
    package var toolchain: Toolchain
    package var cache: CacheFolder
    /// The names the program's lines are reported under besides its files' paths: the
    /// chapter's path, which its `#sourceLocation` lines give.
    package var locationNames: [String] = []

    package init(toolchain: Toolchain, cache: CacheFolder, locationNames: [String] = []) {
        self.toolchain = toolchain
        self.cache = cache
        self.locationNames = locationNames
    }

    /// How replaying a plan ended.
    package enum Replay {
        /// Every job succeeded, or the compiler reported errors of the program's own code.
        case finished(ToolResult)
        /// A shortcut failed; `discard` forgets the fact behind it once plain `swiftc` has
        /// shown that the program compiles.
        case failed(CompileShortcut, discard: @Sendable () -> Void)
    }

    /// Runs `plan`'s jobs for `sources`: the compiler jobs of the program's files at once,
    /// then autolink extraction (`AutolinkCache`) and the link (`DirectLinker`'s command
    /// when the plan has one, else the plan's clang job). A job that cannot be started (a
    /// tool the plan names is gone) failed like one that exited with an error.
    package func replay(_ plan: CompilePlan, storedIn planFile: URL, sources: [URL], binary: URL, folder: URL, root: URL) async throws -> Replay {
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
    package static func placeholders(_ sources: [URL]) -> [URL] {
        sources.enumerated().map { position, url in
            URL(fileURLWithPath: position == 0 ? CompilePlan.sourcePlaceholder : CompilePlan.sourcePlaceholder(named: url.lastPathComponent))
        }
    }

    func run(_ job: [String], in folder: URL) async throws -> ToolResult {
        try await ToolRunner.run(URL(fileURLWithPath: job[0]), arguments: Array(job.dropFirst()),
                                 environment: toolchain.environment, workingDirectory: folder)
    }
}
