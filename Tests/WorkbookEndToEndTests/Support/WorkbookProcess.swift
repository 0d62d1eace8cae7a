import Foundation

/// What a run of the `workbook` binary printed and how it exited.
struct WorkbookRun: Sendable {
    var exitCode: Int32
    var stdout: String
    var stderr: String
    /// The workbook folder the command ran in.
    var root: URL

    /// stdout's lines.
    var lines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
}

/// Runs the built `workbook` binary on fixture workbooks copied to temporary folders.
enum WorkbookProcess {
    /// The pinned day of every `build` (`--date`) and of `SOURCE_DATE_EPOCH`.
    static let pinnedDate = "1996-05-12"
    static let pinnedEpoch = "831859200"

    /// `$WORKBOOK_BINARY`, else `workbook` next to the running test executable.
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["WORKBOOK_BINARY"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        // On macOS the test bundle's executable sits in `X.xctest/Contents/MacOS`.
        while folder.path.contains(".xctest") { folder = folder.deletingLastPathComponent() }
        return folder.appendingPathComponent("workbook")
    }

    /// The fixtures folder in the source tree.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// A cache shared by tests so each package is built once per test run (and kept
    /// across runs: cache entries are keyed by content, never stale).
    /// A run with `WORKBOOK_PLAIN_SWIFTC=1` (CI runs the suite both ways) keeps a shared cache
    /// of its own: results stored by a run through the accelerators would answer its chapters.
    static let sharedCache = FileManager.default.temporaryDirectory
        .appendingPathComponent(plainSwiftc ? "workbook-e2e-shared-cache-plain" : "workbook-e2e-shared-cache")

    /// Whether this test run has the accelerators off (`WORKBOOK_PLAIN_SWIFTC=1`), which every
    /// `workbook` it starts inherits.
    static let plainSwiftc = ProcessInfo.processInfo.environment["WORKBOOK_PLAIN_SWIFTC"] == "1"

    /// The environment of a run that exercises the accelerators on purpose, whatever the test
    /// run's `WORKBOOK_PLAIN_SWIFTC`.
    static let withAccelerators = ["WORKBOOK_PLAIN_SWIFTC": "0"]

    /// Compiler facts (version, plans) of the test runs, kept out of the user's cache folder.
    static let toolchainFacts = FileManager.default.temporaryDirectory.appendingPathComponent("workbook-e2e-toolchain-facts")

    /// The folder of this test run's fixture copies. Tests read their copies after the run,
    /// so copies are not removed one by one; instead each test run first removes the folder
    /// the previous run left. The folder is named after the checkout, so test runs of two
    /// checkouts at once never clear each other's copies.
    static let copies: URL = {
        let checkout = String(UInt32(truncatingIfNeeded: fixtures.path.utf8.reduce(5381) { ($0 &* 33) &+ Int($1) }), radix: 16)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("workbook-e2e-fixtures-\(checkout)")
        try? FileManager.default.removeItem(at: folder)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }()

    /// Copies `Fixtures/<name>` to a new temporary folder and returns it.
    static func copy(fixture name: String) throws -> URL {
        let destination = copies.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: destination)
        return destination
    }

    /// Runs `workbook <arguments>` in `root`; `build` gets `--date` pinned unless `pinDate` is
    /// false (then `SOURCE_DATE_EPOCH` decides). With `privateCache`, the workbook's own
    /// `.workbook-cache` is used instead of the shared one. `extra` is added to the environment.
    static func run(
        _ arguments: [String], in root: URL, privateCache: Bool = false, pinDate: Bool = true,
        environment extra: [String: String] = [:]
    ) throws -> WorkbookRun {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw RunError(message: "no workbook binary at \(binary.path): run 'swift build' or set WORKBOOK_BINARY")
        }
        var arguments = arguments
        if pinDate && arguments.first == "build" && !arguments.contains("--date") { arguments += ["--date", pinnedDate] }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = root
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = pinnedEpoch
        environment["WORKBOOK_CACHE_DIR"] = privateCache ? nil : sharedCache.path
        environment["WORKBOOK_TOOLCHAIN_CACHE"] = toolchainFacts.path
        // The tests' own CI must not turn annotations on unless a test asks for them.
        environment["GITHUB_ACTIONS"] = nil
        environment.merge(extra) { $1 }
        process.environment = environment
        // Files, not pipes: nothing can block on a full pipe buffer.
        let outputs = FileManager.default.temporaryDirectory.appendingPathComponent("workbook-e2e-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outputs, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outputs) }
        let stdoutURL = outputs.appendingPathComponent("stdout"), stderrURL = outputs.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        let stdout = try FileHandle(forWritingTo: stdoutURL), stderr = try FileHandle(forWritingTo: stderrURL)
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        process.waitUntilExit()
        try stdout.close()
        try stderr.close()
        return WorkbookRun(
            exitCode: process.terminationStatus,
            stdout: try String(contentsOf: stdoutURL, encoding: .utf8),
            stderr: try String(contentsOf: stderrURL, encoding: .utf8),
            root: root)
    }

    /// Copies `fixture` and runs `workbook <arguments>` on the copy.
    static func run(_ arguments: [String], fixture: String, privateCache: Bool = false, pinDate: Bool = true) throws -> WorkbookRun {
        try run(arguments, in: try copy(fixture: fixture), privateCache: privateCache, pinDate: pinDate)
    }

    struct RunError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}

extension URL {
    /// The UTF-8 text of the file at `path` below this folder.
    func text(_ path: String) throws -> String {
        try String(contentsOf: appendingPathComponent(path), encoding: .utf8)
    }

    /// Replaces the file at `path` below this folder with `text`.
    func write(_ text: String, to path: String) throws {
        try text.write(to: appendingPathComponent(path), atomically: true, encoding: .utf8)
    }
}
