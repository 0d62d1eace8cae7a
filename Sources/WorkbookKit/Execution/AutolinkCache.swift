import Foundation

/// Remembers what `swift-autolink-extract` wrote for each set of autolink entries, so that
/// a rebuild after an edit does not start it again (it costs about 30 ms per chapter).
///
/// The tool's output depends only on the `.swift1_autolink_entries` sections of its input
/// object (the libraries the program's imports need) and on the tool itself, so those
/// sections, read in-process, and the compiler are the key. Chapters importing the same
/// modules share one entry. When the object cannot be read, or the job has another shape,
/// the tool simply runs.
struct AutolinkCache: Sendable {
    static let toolName = "swift-autolink-extract"
    static let sectionName = ".swift1_autolink_entries"

    var toolchain: Toolchain
    var cache: CacheFolder

    /// Whether `job` (executable and arguments) is an autolink extraction.
    static func isExtraction(_ job: [String]) -> Bool {
        job.first.map { URL(fileURLWithPath: $0).lastPathComponent == toolName } ?? false
    }

    /// Runs the extraction `job`, or writes its remembered output without starting it.
    func run(_ job: [String], workingDirectory: URL) async throws -> ToolResult {
        guard let (object, output) = Self.paths(of: job), let key = key(object: object) else {
            return try await ToolRunner.run(URL(fileURLWithPath: job[0]), arguments: Array(job.dropFirst()),
                                            environment: toolchain.environment, workingDirectory: workingDirectory)
        }
        let stored = cache.url.appendingPathComponent("compiler/autolink-\(key).txt")
        if let flags = try? Data(contentsOf: stored) {
            try flags.write(to: output)
            return ToolResult(succeeded: true, standardOutput: "", standardError: "")
        }
        let result = try await ToolRunner.run(URL(fileURLWithPath: job[0]), arguments: Array(job.dropFirst()),
                                              environment: toolchain.environment, workingDirectory: workingDirectory)
        if result.succeeded, let flags = try? Data(contentsOf: output) {
            try? AtomicFileWriter().write(flags, to: stored)
        }
        return result
    }

    /// The one input object and the output file of a job written `tool <object> -o <output>`.
    static func paths(of job: [String]) -> (object: URL, output: URL)? {
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
        guard inputs.count == 1, inputs[0].hasSuffix(".o"), let output else { return nil }
        return (URL(fileURLWithPath: inputs[0]), URL(fileURLWithPath: output))
    }

    /// A hash of the object's autolink entries and the compiler, or `nil` if unreadable.
    func key(object: URL) -> String? {
        guard let entries = ELFSections(contentsOf: object)?.contents(of: Self.sectionName) else { return nil }
        var hasher = ContentHasher()
        hasher.combine("autolink-1")
        hasher.combine(toolchain.swiftc.path)
        hasher.combine(toolchain.version)
        hasher.combine(Data(entries))
        return hasher.finalize()
    }
}
