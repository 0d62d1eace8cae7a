import Foundation
import Testing
@testable import WorkbookKit
@testable import SwiftToolchain
@testable import SwiftCompileShortcuts
@testable import WorkbookSwiftEngine

/// When a compile shortcut's failure is the program's, and when it is the shortcut's; how
/// fallbacks are counted.
@Suite struct ShortcutFallbackTests {
    let files: Set<String> = ["/build/x/main.swift", "/build/x/part-2.swift", "chapters/01-a.md"]

    func failed(_ standardError: String, status: Int32? = 1) -> ToolResult {
        ToolResult(succeeded: false, standardOutput: "", standardError: standardError, exitStatus: status)
    }

    @Test func errorsTheCompilerLocatedInTheProgramAreTheProgramsOwn() {
        let located = failed("""
            chapters/01-a.md:5:18: error: cannot convert value of type 'String' to specified type 'Int'
                let wrong: Int = "text"
                                 ^~~~~~
            /build/x/main.swift:12:1: error: expected expression

            """)
        #expect(PlanReplay.isProgramError([located], files: files))
        // Jobs of a program's files: one succeeded, one failed with the program's errors.
        let fine = ToolResult(succeeded: true, standardOutput: "", standardError: "", exitStatus: 0)
        #expect(PlanReplay.isProgramError([fine, located], files: files))
        // A job stopped by the time limit would be stopped under plain swiftc too.
        var stopped = failed("error: 'swift-frontend' did not finish within 10 seconds and was stopped", status: nil)
        stopped.stoppedByLimit = true
        #expect(PlanReplay.isProgramError([stopped], files: files))
    }

    @Test func anyOtherFailureIsTheShortcuts() {
        let located = failed("chapters/01-a.md:5:18: error: cannot find 'x' in scope\n")
        let cases: [(String, [ToolResult])] = [
            ("an unknown flag", [failed("<unknown>:0: error: unknown argument: '-workbook-no-such-flag'\n")]),
            ("an error without a location", [failed("error: unable to load standard library for target 'x86_64-unknown-linux-gnu'\n")]),
            ("a missing module at the import's line", [failed("chapters/01-a.md:1:8: error: no such module 'Tiny'\n")]),
            ("a module built by another compiler",
             [failed("chapters/01-a.md:1:8: error: module compiled with Swift 6.2 cannot be imported by the Swift 6.3 compiler\n")]),
            ("an error in a file outside the program", [failed("/opt/swift/lib/Foundation.swiftinterface:3:1: error: bad\n")]),
            ("a crash, even after a located error", [failed("chapters/01-a.md:5:18: error: cannot find 'x' in scope\nStack dump:\n", status: nil)]),
            ("another exit status", [failed("chapters/01-a.md:5:18: error: cannot find 'x' in scope\n", status: 2)]),
            ("no error printed", [failed("")]),
            ("one job's error is the program's, the other job crashed", [located, failed("Stack dump:\n", status: nil)]),
            ("nothing failed", [ToolResult(succeeded: true, standardOutput: "", standardError: "", exitStatus: 0)]),
        ]
        for (description, results) in cases {
            #expect(!PlanReplay.isProgramError(results, files: files), "\(description)")
        }
    }

    @Test func fallbacksAreCountedByShortcut() {
        #expect(CompileShortcut.tally([.directLink, .compilerJob, .directLink]) == "compiler job 1, direct link 2")
        #expect(CompileShortcut.tally([.autolinkAnswer]) == "stored autolink answer 1")
        #expect(CompileShortcut.tally([]) == "")
    }

    @Test func chaptersAddUpTheFallbacksOfTheirPrograms() throws {
        let chapter = try SnippetExtractor().extract(path: "chapters/01-a.md", source: "# A\n\n```swift\nprint(1)\n```\n")
        var run = ChapterRun(outputs: [0: "1\n"], errors: [], compileSeconds: 0.2, runSeconds: 0)
        run.compileFallbacks = [.directLink]
        let executed = WorkbookExecutor.executedChapter(chapter, run: run)
        #expect(executed.compileFallbacks == [.directLink])
        var assembly = ChapterAssembly(chapter: chapter, programCount: 2)
        let program = SnippetProgram(snippetIndices: [0])
        assembly.add(executed, of: program)
        assembly.add(executed, of: program)
        #expect(assembly.result.compileFallbacks == [.directLink, .directLink])
    }
}
