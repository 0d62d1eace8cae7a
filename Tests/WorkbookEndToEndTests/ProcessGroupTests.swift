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

    /// A chapter whose program leaves a shell in the background that sleeps, then creates
    /// `outlived` in the program's folder: that file exists only if the shell was not killed.
    static func chapter(sleeping seconds: String, marker: String, then tail: String = "") -> String {
        """
        # Spawn

        ```swift
        import Foundation
        _ = system("(sleep \(seconds)\(marker); touch outlived) &")
        print("spawned")\(tail)
        ```

        """
    }

    @Test func aBackgroundChildDoesNotOutliveASuccessfulBuild() throws {
        let root = try WorkbookProcess.copy(fixture: "plain")
        let marker = ".\(Int.random(in: 100_000...999_999))"   // `sleep 30.123456`: a unique command line
        try root.write(Self.chapter(sleeping: "30", marker: marker), to: "chapters/01-one.md")
        let run = try WorkbookProcess.run(["build", "--no-cache"], in: root)
        #expect(run.exitCode == 0, "\(run.stderr)")
        // A build that waited for the child would find it ended by itself, `outlived` written.
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("outlived").path),
                "the build does not wait for the child")
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
        #expect(process.terminationReason == .uncaughtSignal)
        // The group was killed before `workbook` ended; the kernel ends its processes soon
        // after, long before the 30 s sleep would end by itself.
        func programs() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).filter { $0.allSatisfy(\.isNumber) }
                .filter { pid in
                    let cwd = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/cwd")
                    let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
                    return cwd == root.path && !stat.contains(") Z")
                }
        }
        for _ in 0..<200 where Self.running("sleep 30\(marker)") || !programs().isEmpty {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(!Self.running("sleep 30\(marker)"))
        #expect(programs().isEmpty, "processes still running in the workbook: \(programs())")
    }
}
