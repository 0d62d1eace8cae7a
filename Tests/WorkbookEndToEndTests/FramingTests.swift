import Foundation
import Testing

/// The framing of snippet outputs does not depend on the snippet's names: snippets that declare
/// their own `print`, `fflush` or `stdout` keep their outputs, and a NUL byte never reaches a page.
@Suite struct FramingTests {
    @Test func snippetsShadowingPrintFflushAndStdoutKeepTheirOutputs() throws {
        let root = try WorkbookProcess.copy(fixture: "plain")
        let chapter = """
            # Shadows

            ```swift
            func print(_ s: String) { Swift.print("said: " + s) }
            print("one")
            ```

            ```swift
            let stdout = 42
            func fflush(_ x: Int) {}
            print("two \\(stdout)")
            ```

            """
        try root.write(chapter, to: "chapters/01-one.md")
        let promote = try WorkbookProcess.run(["promote", "--no-cache"], in: root)
        #expect(promote.exitCode == 0, "\(promote.stderr)")
        let text = try root.text("chapters/01-one.md")
        #expect(text.contains("```output\nsaid: one\n```"), "\(text)")
        #expect(text.contains("```output\nsaid: two 42\n```"), "\(text)")
        let check = try WorkbookProcess.run(["check"], in: root)
        #expect(check.lines.contains("2 passed, 0 failed"), "\(check.stdout)")
    }

    @Test func aNulBytePrintedBySnippetNeverReachesThePage() throws {
        let root = try WorkbookProcess.copy(fixture: "plain")
        try root.write("# Nul\n\n```swift output=html\nprint(\"a\\u{0}b\")\n```\n", to: "chapters/01-one.md")
        let build = try WorkbookProcess.run(["build", "--no-cache"], in: root)
        #expect(build.exitCode == 0, "\(build.stderr)")
        let page = try Data(contentsOf: root.appendingPathComponent("site/01-one.html"))
        #expect(!page.contains(0))
        #expect(try root.text("site/01-one.html").contains("a\u{FFFD}b"))
    }

    @Test func aBareSourceLocationIsALocatedError() throws {
        let root = try WorkbookProcess.copy(fixture: "plain")
        try root.write("# Loc\n\n```swift\n#sourceLocation()\nprint(1)\n```\n", to: "chapters/01-one.md")
        let run = try WorkbookProcess.run(["check"], in: root)
        #expect(run.exitCode != 0)
        #expect(run.stderr.hasPrefix("chapters/01-one.md:4:1: error:"), "\(run.stderr)")
        #expect(!run.stderr.contains("main.swift"))
    }
}
