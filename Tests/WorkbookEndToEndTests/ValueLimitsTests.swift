import Foundation
import Testing

/// No value of `workbook.toml`, `--date` or `SOURCE_DATE_EPOCH` traps the tool: each out-of-range
/// value is a located error in one line.
@Suite struct ValueLimitsTests {
    /// Runs the binary in `root` with `environment` added (no date pinned).
    static func run(_ arguments: [String], in root: URL, environment extra: [String: String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = WorkbookProcess.binary
        process.arguments = arguments
        process.currentDirectoryURL = root
        process.environment = ProcessInfo.processInfo.environment
            .merging(["WORKBOOK_CACHE_DIR": WorkbookProcess.sharedCache.path]) { $1 }.merging(extra) { $1 }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, stderr)
    }

    @Test(arguments: ["1e19", "9223372036854775807", "1e308", "-1e308", "inf"])
    func hugeTimeoutsAreLocatedErrors(value: String) throws {
        let root = try WorkbookProcess.copy(fixture: "plain")
        try root.write("title = \"Plain\"\ncore = []\ntimeout = \(value)\n", to: "workbook.toml")
        let run = try WorkbookProcess.run(["check"], in: root)
        #expect(run.exitCode == 1)
        #expect(run.stderr == "workbook.toml:3:1: error: 'timeout' must be a number of seconds between 1 and 86400 (one day)\n")
    }

    @Test func datesOutsideYearsOneToNineThousandNineHundredNinetyNineAreRefused() throws {
        let root = try WorkbookProcess.copy(fixture: "plain")
        let zero = try WorkbookProcess.run(["build", "--date", "0000-06-01"], in: root)
        #expect(zero.exitCode != 0)
        #expect(zero.stderr.contains("expected a day written YYYY-MM-DD"), "\(zero.stderr)")
        for epoch in ["99999999999999", "-99999999999999", "9223372036854775807"] {
            let run = try Self.run(["build"], in: root, environment: ["SOURCE_DATE_EPOCH": epoch])
            #expect(run.status == 1)
            #expect(run.stderr == "SOURCE_DATE_EPOCH: error: '\(epoch)' is outside the years 1 to 9999\n", "\(run.stderr)")
        }
        let last = try Self.run(["build"], in: root, environment: ["SOURCE_DATE_EPOCH": "253402300799"])
        #expect(last.status == 0, "\(last.stderr)")
    }
}
