import Foundation
import SwiftToolchain
import WorkbookKit

/// Remembers what `swift-autolink-extract` wrote for each set of autolink entries, so that
/// a rebuild after an edit does not start it again (it costs about 30 ms per chapter).
///
/// The tool's output depends only on the `.swift1_autolink_entries` sections of its input
/// objects (the libraries the program's imports need) and on the tool itself, so those
/// sections, read in-process, and the compiler are the key. Chapters importing the same
/// modules share one entry. When the object cannot be read, or the job has another shape,
/// the tool simply runs. When a link that read a stored answer fails, the tool runs again to
/// check the answer (`isWrong`); a wrong one is replaced by the tool's.
struct AutolinkCache: Sendable {
    static let toolName = "swift-autolink-extract"
    static let sectionName = ".swift1_autolink_entries"

    var toolchain: Toolchain
    var cache: CacheFolder

    /// Extractions running now, so parallel chapters with the same entries start the tool once.
    static let inFlight = InFlightWork<Answer?>()

    /// Whether `job` (executable and arguments) is an autolink extraction.
    static func isExtraction(_ job: [String]) -> Bool {
        job.first.map { URL(fileURLWithPath: $0).lastPathComponent == toolName } ?? false
    }

    /// What an extraction job gave.
    struct Extraction: Sendable {
        var result: ToolResult
        /// The file of the stored answer written in place of the tool's output, and that
        /// answer, when it was read from the facts folder rather than the tool's in this run.
        var storedAnswer: StoredAnswer?
    }

    /// An answer read from the facts folder, and its file there.
    struct StoredAnswer: Sendable {
        var file: URL
        var flags: Data
    }

    /// The flags of an extraction, and whether they were read from the facts folder.
    struct Answer: Sendable {
        var flags: Data
        var fromStore: Bool
    }

    /// Runs the extraction `job`, or writes its remembered output without starting it. When
    /// the tool fails, its result is returned (a fallback compile reports the errors).
    func run(_ job: [String], workingDirectory: URL) async throws -> Extraction {
        guard let (objects, output) = Self.paths(of: job), let key = key(objects: objects) else {
            return Extraction(result: try await runTool(job, workingDirectory: workingDirectory))
        }
        let stored = toolchain.facts(in: cache).appendingPathComponent("autolink-\(key).txt")
        let environment = toolchain.environment
        let answer = await Self.inFlight.value(for: stored.path) { () async -> Answer? in
            if let flags = try? Data(contentsOf: stored) { return Answer(flags: flags, fromStore: true) }
            guard let result = try? await ToolRunner.run(URL(fileURLWithPath: job[0]), arguments: Array(job.dropFirst()),
                                                         environment: environment, workingDirectory: workingDirectory),
                  result.succeeded, let flags = try? Data(contentsOf: output)
            else { return nil }
            try? AtomicFileWriter().write(flags, to: stored)
            return Answer(flags: flags, fromStore: false)
        }
        guard let answer else {
            return Extraction(result: ToolResult(succeeded: false, standardOutput: "", standardError: "error: '\(Self.toolName)' failed"))
        }
        try FileBytes.write(answer.flags, to: output)
        return Extraction(result: ToolResult(succeeded: true, standardOutput: "", standardError: ""),
                          storedAnswer: answer.fromStore ? StoredAnswer(file: stored, flags: answer.flags) : nil)
    }

    /// Whether the stored answer that the extraction `job` was given differs from what the
    /// tool writes now: runs the tool (its output replaces the answer in the job's output
    /// file) and, when they differ, stores the tool's answer in place of the wrong one. A tool
    /// that fails proves nothing: `false`.
    func isWrong(_ answer: StoredAnswer, givenTo job: [String], workingDirectory: URL) async throws -> Bool {
        guard let (_, output) = Self.paths(of: job) else { return false }
        let result = try await runTool(job, workingDirectory: workingDirectory)
        guard result.succeeded, let flags = try? Data(contentsOf: output), flags != answer.flags else { return false }
        try? AtomicFileWriter().write(flags, to: answer.file)
        return true
    }

    func runTool(_ job: [String], workingDirectory: URL) async throws -> ToolResult {
        try await ToolRunner.run(URL(fileURLWithPath: job[0]), arguments: Array(job.dropFirst()),
                                 environment: toolchain.environment, workingDirectory: workingDirectory)
    }

    /// The input objects and the output file of a job written `tool <object>… -o <output>`.
    static func paths(of job: [String]) -> (objects: [URL], output: URL)? {
        var inputs: [String] = []
        var output: String?
        var arguments = job.dropFirst().makeIterator()
        while let argument = arguments.next() {
            if argument == "-o" {
                output = arguments.next()
            } else if argument.hasPrefix("-") {
                return nil
            } else {
                inputs.append(argument)
            }
        }
        guard !inputs.isEmpty, inputs.allSatisfy({ $0.hasSuffix(".o") }), let output else { return nil }
        return (inputs.map { URL(fileURLWithPath: $0) }, URL(fileURLWithPath: output))
    }

    /// A hash of the objects' autolink entries, in order, and the compiler, or `nil` if one is
    /// unreadable. One object keeps the key it had before programs could have several files.
    func key(objects: [URL]) -> String? {
        var hasher = ContentHasher()
        hasher.combine("autolink-1")
        hasher.combine(toolchain.swiftc.path)
        hasher.combine(toolchain.version)
        for object in objects {
            guard let entries = ELFSections(contentsOf: object)?.contents(of: Self.sectionName) else { return nil }
            hasher.combine(Data(entries))
        }
        return hasher.finalize()
    }
}
