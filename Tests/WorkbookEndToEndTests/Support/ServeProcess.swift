import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A running `workbook serve` on a free port, its output in files, and small HTTP helpers
/// (through `curl`, so that paths are sent exactly as written).
final class ServeProcess {
    let process = Process()
    let root: URL
    let outputs: URL
    /// `http://127.0.0.1:PORT/`, once the server listens.
    private(set) var url = ""

    var pid: Int32 { process.processIdentifier }
    var stdout: String { (try? String(contentsOf: outputs.appendingPathComponent("stdout"), encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOf: outputs.appendingPathComponent("stderr"), encoding: .utf8)) ?? "" }

    /// Starts `workbook serve --port 0 <arguments>` in `root`; waits for the address unless
    /// `waitForAddress` is false. With `privateCache`, the workbook's own cache folder is used
    /// instead of the tests' shared one (for a test that needs its chapter to run, not to be
    /// answered by a result another test stored).
    init(root: URL, arguments: [String] = ["--port", "0"], waitForAddress: Bool = true, privateCache: Bool = false) throws {
        self.root = root
        outputs = WorkbookProcess.copies.appendingPathComponent("serve-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outputs, withIntermediateDirectories: true)
        process.executableURL = WorkbookProcess.binary
        process.arguments = ["serve", "--date", WorkbookProcess.pinnedDate] + arguments
        process.currentDirectoryURL = root
        var environment = ProcessInfo.processInfo.environment
        environment["WORKBOOK_CACHE_DIR"] = privateCache ? nil : WorkbookProcess.sharedCache.path
        process.environment = environment
        for name in ["stdout", "stderr"] {
            _ = FileManager.default.createFile(atPath: outputs.appendingPathComponent(name).path, contents: nil)
        }
        process.standardOutput = try FileHandle(forWritingTo: outputs.appendingPathComponent("stdout"))
        process.standardError = try FileHandle(forWritingTo: outputs.appendingPathComponent("stderr"))
        try process.run()
        guard waitForAddress else { return }
        let found = eventually(timeout: 60) { self.stdout.contains("Serving http://") || !self.process.isRunning }
        guard found, let line = stdout.split(separator: "\n").first(where: { $0.hasPrefix("Serving http://") }) else {
            stop()
            throw WorkbookProcess.RunError(message: "serve did not start:\n\(stdout)\n\(stderr)")
        }
        url = String(line.dropFirst("Serving ".count).prefix { $0 != " " })
    }

    deinit { stop() }

    /// Sends SIGINT and waits for the exit (SIGKILL after 20 s); never blocks longer than 30 s.
    func stop() {
        guard process.isRunning else { return }
        kill(pid, SIGINT)
        end(process, within: 20)
    }

    /// `GET path` (sent as is): the status and the body.
    func get(_ path: String) throws -> (status: Int, body: String) {
        let body = outputs.appendingPathComponent("body-\(UUID().uuidString)")
        let code = outputs.appendingPathComponent("code-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: body)
            try? FileManager.default.removeItem(at: code)
        }
        try Self.run("/usr/bin/curl", ["-s", "--path-as-is", "-o", body.path, "-w", "%{http_code}",
                                       "--max-time", "20", String(url.dropLast()) + path], output: code)
        let status = (try? String(contentsOf: code, encoding: .utf8)).flatMap { Int($0) } ?? 0
        return (status, (try? String(contentsOf: body, encoding: .utf8)) ?? "")
    }

    /// Starts listening to the events stream; the returned process writes it to a file.
    func listen() throws -> EventsListener { try EventsListener(url: url + "__workbook/events", folder: outputs) }

    /// Runs a tool to its end with stdout in `output`: a file, not a pipe, because a pipe's
    /// write end can leak into a `serve` started at the same moment by another test, and the
    /// reader would then wait for that server to exit.
    static func run(_ executable: String, _ arguments: [String], output: URL) throws {
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = handle
        try process.run()
        end(process, within: 30)
    }
}

/// A `curl` reading the server-sent events of `serve` into a file.
final class EventsListener {
    let process = Process()
    let file: URL

    init(url: String, folder: URL) throws {
        file = folder.appendingPathComponent("events-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-sN", url]
        process.standardOutput = try FileHandle(forWritingTo: file)
        try process.run()
    }

    deinit { stop() }

    /// Kills the `curl` (SIGKILL: it inherits the test thread's blocked signals, SIGTERM
    /// included, so `terminate()` would leave it running) and waits at most 10 s.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        end(process, within: 10)
    }

    /// The `changed` list of every `revisions` event received so far.
    var changes: [[String]] {
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { $0.hasPrefix("data: ") }.compactMap { line in
            let json = try? JSONSerialization.jsonObject(with: Data(line.dropFirst(6).utf8)) as? [String: Any]
            return json?["changed"] as? [String]
        }
    }
}

/// Waits for `process` to exit; kills it (SIGKILL, which no blocked signal mask stops) when it
/// is still running after `seconds`, then waits at most 10 s more. Never waits without a bound:
/// a process the kill cannot end (stuck in the kernel) is left and the test goes on.
func end(_ process: Process, within seconds: Double) {
    if !eventually(timeout: seconds, { !process.isRunning }) {
        kill(process.processIdentifier, SIGKILL)
        eventually(timeout: 10) { !process.isRunning }
    }
}

/// Polls `condition` every 50 ms until it holds or `timeout` seconds pass.
@discardableResult
func eventually(timeout: Double, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if try condition() { return true }
        usleep(50_000)
    }
    return try condition()
}

/// Processes below `root` in the process tree, with their command names (from `/proc`).
func descendantProcesses(of root: Int32) -> [(pid: Int32, name: String)] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    var parent: [Int32: Int32] = [:]
    for name in names {
        guard let pid = Int32(name), let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { continue }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        if fields.count > 1, let ppid = Int32(fields[1]) { parent[pid] = ppid }
    }
    var result: [(Int32, String)] = []
    var queue = [root]
    while let next = queue.popLast() {
        for (pid, ppid) in parent where ppid == next {
            let comm = (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8)) ?? ""
            result.append((pid, comm.trimmingCharacters(in: .whitespacesAndNewlines)))
            queue.append(pid)
        }
    }
    return result
}

/// Whether `pid` is a live process (a zombie counts as ended).
func isAlive(_ pid: Int32) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let close = stat.lastIndex(of: ")") else { return false }
    let state = stat[stat.index(after: close)...].split(separator: " ").first
    return state != "Z" && state != "X"
}
