import Foundation
import Testing

@Suite struct FailureReportTests {
    @Test func compileErrorsPointAtTheChapterLine() throws {
        let run = try WorkbookProcess.run(["check"], fixture: "compile-error")
        #expect(run.exitCode == 1)
        #expect(run.stderr.contains("chapters/01-broken.md:5:18: error: cannot convert value of type 'String' to specified type 'Int'"), "\(run.stderr)")
        #expect(run.stderr.contains("chapters/01-broken.md:9:7: error: cannot find 'notDeclared' in scope"))
        #expect(!run.stderr.contains("main.swift"))
        #expect(!run.stderr.contains("warning:"))
        // The other chapter still ran: every error of a run is reported.
        #expect(run.lines.contains("1 passed, 2 failed"), "\(run.stdout)")
    }

    @Test func aCrashIsReportedAtTheFailingSnippet() throws {
        let run = try WorkbookProcess.run(["check"], fixture: "crash")
        #expect(run.exitCode == 1)
        #expect(run.stderr.contains("chapters/01-crash.md:16: error: the snippet crashed"), "\(run.stderr)")
        #expect(run.stderr.contains("the numbers do not add up"))
        // The snippet before the crash kept its output and passes.
        #expect(run.lines.contains("1 passed, 2 failed"), "\(run.stdout)")
    }

    @Test func aTimeoutNamesTheChapterAndTheSnippet() throws {
        let start = Date()
        let run = try WorkbookProcess.run(["check"], fixture: "timeout")
        #expect(Date().timeIntervalSince(start) < 30)
        #expect(run.exitCode == 1)
        #expect(run.stderr.contains("chapters/01-slow.md:9: error: chapter 'chapters/01-slow.md' timed out after 2 s while running snippet 2"), "\(run.stderr)")
        #expect(run.lines.contains("1 passed, 1 failed"), "\(run.stdout)")
    }

    @Test(arguments: ["check", "build", "promote"])
    func anUnknownOptionIsAnErrorAtItsLine(command: String) throws {
        let run = try WorkbookProcess.run([command], fixture: "unknown-option")
        #expect(run.exitCode == 1)
        #expect(run.stderr.hasPrefix("chapters/01-typo.md:3:10: error: unknown snippet option 'hidden'"), "\(run.stderr)")
    }

    @Test func badConfigurationReportsEveryKey() throws {
        let run = try WorkbookProcess.run(["check"], fixture: "bad-config")
        #expect(run.exitCode == 1)
        #expect(run.stderr.contains("workbook.toml:2:1: error: unknown key 'colour'"), "\(run.stderr)")
        #expect(run.stderr.contains("workbook.toml:3:1: error: 'timeout' must be a number of seconds between 1 and 86400"))
    }

    @Test func aMissingCoreFolderNamesTheKey() throws {
        let root = try WorkbookProcess.copy(fixture: "crash")
        try root.write("core = [\"Sources/Nowhere\"]\n", to: "workbook.toml")
        let run = try WorkbookProcess.run(["check"], in: root)
        #expect(run.exitCode == 1)
        #expect(run.stderr.contains("workbook.toml: error: the 'core' folder 'Sources/Nowhere' does not exist"), "\(run.stderr)")
    }

    @Test(arguments: [["build", "--date", "1996-13-01"], ["check", "--jobs", "0"], ["frobnicate"]])
    func usageErrorsExit64(arguments: [String]) throws {
        let run = try WorkbookProcess.run(arguments, fixture: "crash")
        #expect(run.exitCode == 64, "\(run.stderr)")
    }
}
