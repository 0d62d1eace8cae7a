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
        let run = try WorkbookProcess.run(["check"], fixture: "timeout")
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

    @Test func aMissingPackageFolderNamesTheKey() throws {
        let root = try WorkbookProcess.copy(fixture: "crash")
        try root.write("title = \"x\"\npackage = \"Nowhere\"\nproducts = [\"Lib\"]\n", to: "workbook.toml")
        let run = try WorkbookProcess.run(["check"], in: root)
        #expect(run.exitCode == 1)
        #expect(run.stderr.contains("workbook.toml:2:1: error: the package folder 'Nowhere' has no Package.swift"), "\(run.stderr)")
    }

    @Test func aNonEmptyCoreIsAnErrorThatNamesPackageAndProducts() throws {
        let root = try WorkbookProcess.copy(fixture: "crash")
        try root.write("title = \"x\"\ncore = [\"Sources/Lib\"]\n", to: "workbook.toml")
        let run = try WorkbookProcess.run(["check"], in: root)
        #expect(run.exitCode == 1)
        #expect(run.stderr.contains("workbook.toml:2:1: error: 'core' is no longer supported: name a SwiftPM package"), "\(run.stderr)")
        #expect(run.stderr.contains("package = \".\" and products = [\"MyLibrary\"]"), "\(run.stderr)")
    }

    @Test(arguments: [["build", "--date", "1996-13-01"], ["check", "--jobs", "0"], ["frobnicate"]])
    func usageErrorsExit64(arguments: [String]) throws {
        let run = try WorkbookProcess.run(arguments, fixture: "crash")
        #expect(run.exitCode == 64, "\(run.stderr)")
    }
}

/// A chapter's program may be named anything the file system allows, and a hung compiler
/// cannot hold a build longer than the workbook's `timeout` allows.
@Suite struct AwkwardInputsTests {
    @Test func aLineBreakInAChapterFileNameDoesNotBreakItsProgram() throws {
        let root = try WorkbookProcess.copy(fixture: "plain")
        let name = "chapters/02-two\nlines.md"
        try root.write("# Two lines\n\n```swift\nprint(\"two\")\n```\n\n```output\ntwo\n```\n", to: name)
        let run = try WorkbookProcess.run(["check", "--no-cache"], in: root)
        #expect(run.exitCode == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.lines.contains("2 passed, 0 failed"), "\(run.stdout)")

        // A compile error is still reported at the chapter's own line.
        try root.write("# Two lines\n\n```swift\nlet x: Int = \"two\"\n```\n", to: name)
        let broken = try WorkbookProcess.run(["check", "--no-cache"], in: root)
        #expect(broken.exitCode == 1)
        #expect(broken.stderr.contains("\(name):4:14: error: cannot convert value of type 'String' to specified type 'Int'"),
                "\(broken.stderr)")
    }

    @Test func aHungCompilerIsStoppedAfterTheWorkbooksTimeout() throws {
        let root = try WorkbookProcess.copy(fixture: "plain")
        let marker = "3000.\(Int.random(in: 100_000...999_999))"
        try root.write("title = \"Plain\"\ncore = []\ntimeout = 1\n", to: "workbook.toml")
        try root.write("# One\n\n```swift\nprint(\"\(marker)\")\n```\n", to: "chapters/01-one.md")
        // A compiler that answers questions about itself but never finishes a compile.
        let compiler = root.appendingPathComponent("hung-swiftc")
        try root.write("""
            #!/bin/sh
            for argument in "$@"; do
              case "$argument" in -\\#\\#\\#|--version|-version|-print-target-info) exec swiftc "$@" ;; esac
            done
            exec sleep \(marker)

            """, to: "hung-swiftc")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: compiler.path)
        let run = try WorkbookProcess.run(["check", "--no-cache"], in: root,
                                          environment: ["SWIFTC": compiler.path, "WORKBOOK_PLAIN_SWIFTC": "1"])
        #expect(run.exitCode == 1)
        #expect(run.stderr.contains("did not finish within 10 seconds and was stopped"), "\(run.stderr)")
        #expect(!ProcessGroupTests.running("sleep \(marker)"))
    }
}
