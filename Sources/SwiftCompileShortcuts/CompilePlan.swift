import Foundation
import SwiftToolchain
import WorkbookKit

/// The jobs `swiftc` runs to build a chapter program (frontend, autolink extraction, link),
/// read once from `swiftc -###` and replayed directly.
///
/// Starting the compiler driver costs about 70 ms per chapter on a small machine; replaying
/// its jobs skips that. The plan is stored in the toolchain's facts folder, keyed by the
/// compiler and the arguments, with the source, binary and temporary paths as placeholders,
/// and holds the identity of the files its jobs start and read (`toolFiles`): a plan whose
/// tools or linker inputs changed since (a compiler reinstalled, a system update of the C
/// runtime objects) is asked for again. When the last job is a clang link, the plan also
/// holds the linker command clang would start (`DirectLinker`), which the runner prefers.
/// A plan whose replay failed where plain `swiftc` succeeds is removed (`discard`), so the
/// next program asks the driver again.
package struct CompilePlan: Codable, Sendable, Equatable {
    /// The folder of the program's files: `main.swift`, and `part-2.swift`, … for a long one.
    static let sourceFolderPlaceholder = "/@workbook-source@"
    package static let sourcePlaceholder = sourceFolderPlaceholder + "/main.swift"
    package static let binaryPlaceholder = "/@workbook-binary@/chapter"
    static let temporaryPlaceholder = "@workbook-temporary@"

    /// Each job's executable and arguments, with placeholders.
    var jobs: [[String]]
    /// The linker command that can replace the last job, when clang's could be read.
    var directLink: [String]?
    /// The identity of each file the jobs and the direct link name (`toolFiles(of:)`), by
    /// path, when the plan was read.
    var toolFiles: [String: String]?

    /// Plans being worked out now, so parallel chapters of one run ask the driver once.
    static let inFlight = InFlightWork<CompilePlan?>()

    /// The plan for `arguments` (which name the placeholder source and binary), from the
    /// toolchain's facts folder or from `swiftc -###`; `nil` when the driver's jobs cannot be
    /// read. Concurrent callers with the same key share one answer.
    package static func load(toolchain: Toolchain, arguments: [String], cache: CacheFolder) async -> CompilePlan? {
        let file = file(toolchain: toolchain, arguments: arguments, cache: cache)
        if let plan = stored(in: file) { return plan }
        return await inFlight.value(for: file.path) {
            if let plan = stored(in: file) { return plan }
            return await ask(toolchain: toolchain, arguments: arguments, cache: cache, storingIn: file)
        }
    }

    /// The file that holds the plan for `arguments`.
    package static func file(toolchain: Toolchain, arguments: [String], cache: CacheFolder) -> URL {
        var hasher = ContentHasher()
        hasher.combine("plan-3")
        hasher.combine(toolchain.swiftc.path)
        hasher.combine(toolchain.version)
        for argument in arguments { hasher.combine(argument) }
        return toolchain.facts(in: cache).appendingPathComponent("plan-\(hasher.finalize()).json")
    }

    /// The plan stored in `file`, unless a file it names changed since it was stored.
    static func stored(in file: URL) -> CompilePlan? {
        guard let data = try? Data(contentsOf: file), let plan = try? JSONDecoder().decode(CompilePlan.self, from: data),
              let files = plan.toolFiles, files.allSatisfy({ ToolchainFactsFolder.identity(ofFile: $0.key) == $0.value })
        else { return nil }
        return plan
    }

    /// Removes `plan` from `file`, unless another plan was stored there since: its replay
    /// failed where plain `swiftc` succeeded, so it is not trusted again.
    static func discard(_ plan: CompilePlan, at file: URL) {
        guard let data = try? Data(contentsOf: file), (try? JSONDecoder().decode(CompilePlan.self, from: data)) == plan else { return }
        try? FileManager.default.removeItem(at: file)
    }

    /// The identity of every regular file that `plan`'s jobs and direct link start or name
    /// by absolute path (the tools, the C runtime objects, the dynamic linker), by path.
    /// Placeholders and folders are left out.
    static func toolFiles(of plan: CompilePlan) -> [String: String] {
        var files: [String: String] = [:]
        for word in plan.jobs.joined() + (plan.directLink ?? []) where word.hasPrefix("/") && !word.contains("@workbook-") {
            if files[word] == nil, let identity = ToolchainFactsFolder.identity(ofFile: word) { files[word] = identity }
        }
        return files
    }

    /// Reads the plan from `swiftc -###` (and the direct link from `clang -###`), and stores it.
    static func ask(toolchain: Toolchain, arguments: [String], cache: CacheFolder, storingIn file: URL) async -> CompilePlan? {
        guard let result = try? await ToolRunner.run(toolchain.swiftc, arguments: arguments + ["-###"], environment: toolchain.environment),
              result.succeeded, var plan = CompilePlan(driverOutput: result.standardOutput + result.standardError)
        else { return nil }
        if let link = plan.jobs.last {
            let scratch = cache.url.appendingPathComponent("build/plan-\(UUID().uuidString)", isDirectory: true)
            plan.directLink = await DirectLinker.command(forLinkJob: link, scratch: scratch, environment: toolchain.environment)
        }
        plan.toolFiles = toolFiles(of: plan)
        if let data = try? JSONEncoder().encode(plan) { try? AtomicFileWriter().write(data, to: file) }
        return plan
    }

    /// Reads the job lines `swiftc -###` prints; `nil` unless every line is a plain command
    /// (no quoting) and the temporary folder is recognized.
    init?(driverOutput: String) {
        var jobs: [[String]] = []
        var temporaryFolder: String?
        for line in driverOutput.split(separator: "\n") where !line.isEmpty {
            if line.contains("\"") || line.contains("'") || line.contains("\\") { return nil }
            let words = line.split(separator: " ").map(String.init)
            guard let executable = words.first, executable.hasPrefix("/") else { return nil }
            for word in words {
                if let range = word.range(of: "/TemporaryDirectory.") {
                    let end = word[range.upperBound...].firstIndex(of: "/") ?? word.endIndex
                    let start = word.firstIndex(of: "/") ?? word.startIndex
                    temporaryFolder = String(word[start..<end])
                }
            }
            jobs.append(words)
        }
        guard !jobs.isEmpty, let temporaryFolder else { return nil }
        self.jobs = jobs.map { $0.map { $0.replacingOccurrences(of: temporaryFolder, with: Self.temporaryPlaceholder) } }
    }

    /// The placeholder of the program's file `name`.
    static func sourcePlaceholder(named name: String) -> String { sourceFolderPlaceholder + "/" + name }

    /// The jobs with real paths (`source` is the program's `main.swift`, beside its other
    /// files): `temporary` is a folder for intermediate files.
    func jobs(source: URL, binary: URL, temporary: URL) -> [[String]] {
        jobs.map { Self.resolve($0, source: source, binary: binary, temporary: temporary) }
    }

    /// The direct linker command with real paths, if the plan has one.
    func directLink(source: URL, binary: URL, temporary: URL) -> [String]? {
        directLink.map { Self.resolve($0, source: source, binary: binary, temporary: temporary) }
    }

    static func resolve(_ job: [String], source: URL, binary: URL, temporary: URL) -> [String] {
        job.map {
            $0.replacingOccurrences(of: Self.sourceFolderPlaceholder + "/", with: source.deletingLastPathComponent().path + "/")
                .replacingOccurrences(of: Self.binaryPlaceholder, with: binary.path)
                .replacingOccurrences(of: Self.temporaryPlaceholder, with: temporary.path)
        }
    }
}
