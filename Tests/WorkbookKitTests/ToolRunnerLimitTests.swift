import Foundation
import Testing
@testable import WorkbookKit
@testable import SwiftToolchain

/// A hung compiler cannot hang the build: a tool that outlives its limit is stopped and fails.
@Suite struct ToolRunnerLimitTests {
    @Test func aToolOverItsTimeLimitIsStoppedAndFails() async throws {
        // Left alone, `sleep` would end after 300 s and succeed: a failure naming the limit
        // means it was stopped, and it has been waited for by the time the run returns.
        let result = try await ToolRunner.run(URL(fileURLWithPath: "/bin/sleep"), arguments: ["300.4321"], environment: [:], limit: .milliseconds(500))
        #expect(!result.succeeded)
        #expect(result.standardError == "error: 'sleep' did not finish within 0.5 seconds and was stopped")
        let still = try FileManager.default.contentsOfDirectory(atPath: "/proc").filter { $0.allSatisfy(\.isNumber) }.contains { pid in
            let line = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline").map { String(decoding: $0, as: UTF8.self) } ?? ""
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            return line.contains("300.4321") && !stat.contains(") Z")
        }
        #expect(!still, "the stopped tool is gone")
    }

    @Test func aToolWithinItsLimitRunsNormally() async throws {
        let result = try await ToolRunner.run(URL(fileURLWithPath: "/bin/echo"), arguments: ["hi"], environment: [:], limit: .seconds(30))
        #expect(result.succeeded)
        #expect(result.standardOutput == "hi\n")
    }
}
