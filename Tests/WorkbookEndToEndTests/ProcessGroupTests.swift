import Foundation
import Testing

/// No process a snippet starts outlives the run: after the program exits, on timeout, and when
/// `workbook` itself is terminated, the chapter program's whole process group is killed.
@Suite(.serialized) struct ProcessGroupTests {
    /// Whether a process whose command line contains `marker` is running.
    static func running(_ marker: String) -> Bool {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for pid in entries where pid.allSatisfy(\.isNumber) {
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { continue }
            let line = String(decoding: data.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
            if line.contains(marker), let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
               !stat.contains(") Z") { return true }
        }
        return false
    }

    static func chapter(sleeping seconds: String, marker: String, then tail: String = "") -> String {
        """
        # Spawn

        ```swift
        import Foundation
        _ = system("sleep \(seconds)\(marker) &")
        print("spawned")\(tail)
        ```

        """
    }

    @Test func aBackgroundChildDoesNotOutliveASuccessfulBuild() throws {
        let root = try WorkbookProcess.copy(fixture: "plain")
        let marker = ".\(Int.random(in: 100_000...999_999))"   // `sleep 30.123456`: a unique command line
        try root.write(Self.chapter(sleeping: "30", marker: marker), to: "chapters/01-one.md")
        let start = Date()
        let run = try WorkbookProcess.run(["build", "--no-cache"], in: root)
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(Date().timeIntervalSince(start) < 25, "the build does not wait for the child")
        #expect(!Self.running("sleep 30\(marker)"))
    }

    @Test func aTimeoutKillsTheWholeGroup() throws {
        let root = try WorkbookProcess.copy(fixture: "plain")
        try root.write("core = []\ntimeout = 1\n", to: "workbook.toml")
        let marker = ".\(Int.random(in: 100_000...999_999))"
        try root.write(Self.chapter(sleeping: "30", marker: marker, then: "\nwhile true {}"), to: "chapters/01-one.md")
        let run = try WorkbookProcess.run(["check", "--no-cache"], in: root)
        #expect(run.exitCode != 0)
        #expect(run.stderr.contains("timed out after 1 s"), "\(run.stderr)")
        #expect(!Self.running("sleep 30\(marker)"))
    }

    @Test func terminatingWorkbookKillsTheChapterProgram() async throws {
        let root = try WorkbookProcess.copy(fixture: "plain")
        let marker = ".\(Int.random(in: 100_000...999_999))"
        let spinning = """
            # Spin

            ```swift
            import Foundation
            _ = system("sleep 30\(marker) &")
            FileManager.default.createFile(atPath: "started", contents: nil)
            while true {}
            ```

            """
        try root.write(spinning, to: "chapters/01-one.md")
        let process = Process()
        process.executableURL = WorkbookProcess.binary
        process.arguments = ["check", "--no-cache"]
        process.currentDirectoryURL = root
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["WORKBOOK_CACHE_DIR": WorkbookProcess.sharedCache.path]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while !FileManager.default.fileExists(atPath: root.appendingPathComponent("started").path) && Date() < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        process.terminate()
        process.waitUntilExit()
        try await Task.sleep(for: .milliseconds(300))
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(!Self.running("sleep 30\(marker)"))
        let programs = try FileManager.default.contentsOfDirectory(atPath: "/proc").filter { $0.allSatisfy(\.isNumber) }
            .filter { pid in
                let cwd = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/cwd")
                let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
                return cwd == root.path && !stat.contains(") Z")
            }
        #expect(programs.isEmpty, "processes still running in the workbook: \(programs)")
    }
}
