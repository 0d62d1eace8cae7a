import Foundation

/// Remembers what `swift-autolink-extract` wrote for each set of autolink entries, so that
/// a rebuild after an edit does not start it again (it costs about 30 ms per chapter).
///
/// The tool's output depends only on the `.swift1_autolink_entries` sections of its input
/// objects (the libraries the program's imports need) and on the tool itself, so those
/// sections, read in-process, and the compiler are the key. Chapters importing the same
/// modules share one entry. When the object cannot be read, or the job has another shape,
/// the tool simply runs.
struct AutolinkCache: Sendable {
    static let toolName = "swift-autolink-extract"
    static let sectionName = ".swift1_autolink_entries"

    var toolchain: Toolchain
    var cache: CacheFolder

    /// Extractions running now, so parallel chapters with the same entries start the tool once.
    static let inFlight = InFlightWork<Data?>()

    /// Whether `job` (executable and arguments) is an autolink extraction.
    static func isExtraction(_ job: [String]) -> Bool {
        job.first.map { URL(fileURLWithPath: $0).lastPathComponent == toolName } ?? false
    }

    /// Runs the extraction `job`, or writes its remembered output without starting it.
    func run(_ job: [String], workingDirectory: URL) async throws -> ToolResult {
        guard let (objects, output) = Self.paths(of: job), let key = key(objects: objects) else {
            return try await ToolRunner.run(URL(fileURLWithPath: job[0]), arguments: Array(job.dropFirst()),
                                            environment: toolchain.environment, workingDirectory: workingDirectory)
        }
        let stored = toolchain.facts(in: cache).appendingPathComponent("autolink-\(key).txt")
        let environment = toolchain.environment
        let flags = await Self.inFlight.value(for: stored.path) { () async -> Data? in
            if let flags = try? Data(contentsOf: stored) { return flags }
            guard let result = try? await ToolRunner.run(URL(fileURLWithPath: job[0]), arguments: Array(job.dropFirst()),
                                                         environment: environment, workingDirectory: workingDirectory),
                  result.succeeded, let flags = try? Data(contentsOf: output)
            else { return nil }
            try? AtomicFileWriter().write(flags, to: stored)
            return flags
        }
        if let flags {
            try FileBytes.write(flags, to: output)
            return ToolResult(succeeded: true, standardOutput: "", standardError: "")
        }
        // The tool failed (or could not start): run it again for its own error messages.
        return try await ToolRunner.run(URL(fileURLWithPath: job[0]), arguments: Array(job.dropFirst()),
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
