import Foundation
import Testing

/// Chapters that can share a module are compiled as one program (`ChapterBundle`), and nothing
/// a reader sees tells it apart from compiling each chapter alone: the same outputs and pages,
/// the same errors, no name of one chapter visible in another.
@Suite struct ChapterBundleTests {
    /// Three chapters that each declare `fmt`, `values` and `total` (as chapters of one book do).
    func bookOfThree() throws -> URL {
        let root = try WorkbookProcess.copy(fixture: "plain")
        try FileManager.default.removeItem(at: root.appendingPathComponent("chapters/01-one.md"))
        for number in 1...3 {
            try root.write("""
                # Chapter \(number)

                ```swift
                let values = (1...\(number + 2)).map { Double($0) * \(number).5 }
                func fmt(_ x: Double) -> String { "<\\(x)>" }
                var total = 0.0
                ```

                ```swift
                for value in values { total += value }
                print("chapter \(number):", fmt(total), values.count)
                ```

                """, to: "chapters/0\(number)-chapter.md")
        }
        return root
    }

    @Test func chaptersDeclaringTheSameNamesShareOneProgramAndPrintWhatTheyPrintAlone() throws {
        let root = try bookOfThree()
        let promote = try WorkbookProcess.run(["promote", "--no-cache", "--jobs", "1"], in: root, privateCache: true,
                                              environment: WorkbookProcess.withAccelerators)
        #expect(promote.exitCode == 0, "\(promote.stderr)")
        #expect(promote.stdout.contains("chapters/01-chapter.md: compiled with 2 other chapters"), "\(promote.stdout)")
        #expect(try root.text("chapters/02-chapter.md").contains("```output\nchapter 2: <25.0> 4\n```"))
        #expect(try root.text("chapters/03-chapter.md").contains("```output\nchapter 3: <52.5> 5\n```"))

        let bundled = try WorkbookProcess.run(["build", "--no-cache"], in: root, privateCache: true,
                                              environment: WorkbookProcess.withAccelerators)
        #expect(bundled.exitCode == 0, "\(bundled.stderr)")
        let bundledPages = try (1...3).map { try root.text("site/0\($0)-chapter.html") }
        // The plain compile path compiles every chapter alone.
        try FileManager.default.removeItem(at: root.appendingPathComponent(".workbook-cache"))
        let alone = try WorkbookProcess.run(["build", "--no-cache"], in: root, privateCache: true,
                                            environment: ["WORKBOOK_PLAIN_SWIFTC": "1"])
        #expect(alone.exitCode == 0, "\(alone.stderr)")
        #expect(!alone.stdout.contains("compiled with"), "\(alone.stdout)")
        #expect(try (1...3).map { try root.text("site/0\($0)-chapter.html") } == bundledPages)
        #expect(try WorkbookProcess.run(["check"], in: root, privateCache: true,
                                              environment: WorkbookProcess.withAccelerators).exitCode == 0)
    }

    @Test func aChapterCannotSeeAnotherChaptersNames() throws {
        let root = try bookOfThree()
        try root.write("# Four\n\n```swift\nprint(fmt(total))\n```\n", to: "chapters/04-borrows.md")
        let run = try WorkbookProcess.run(["build", "--no-cache", "--jobs", "1"], in: root, privateCache: true,
                                              environment: WorkbookProcess.withAccelerators)
        #expect(run.exitCode != 0)
        #expect(run.stderr.contains("chapters/04-borrows.md:4:7: error: cannot find 'fmt' in scope"), "\(run.stderr)")
        #expect(run.stdout.contains("[4/4] chapters/04-borrows.md: did not compile"), "\(run.stdout)")
        // The shared program of the four did not compile; the errors lie in the fourth, so the
        // other three are compiled together again, and the fourth alone, for its own errors.
        #expect(run.stdout.contains("[1/4] chapters/01-chapter.md: compiled with 2 other chapters"), "\(run.stdout)")
        #expect(run.stderr.components(separatedBy: "cannot find 'fmt' in scope").count == 2, "reported once: \(run.stderr)")
    }

    @Test func aCrashInABundledChapterIsReportedAsWhenItRunsAlone() throws {
        let root = try bookOfThree()
        try root.write("# Four\n\n```swift\nlet xs = [1, 2]\nprint(\"before\")\nprint(xs[5])\n```\n", to: "chapters/04-crash.md")
        let bundled = try WorkbookProcess.run(["build", "--no-cache", "--jobs", "1"], in: root, privateCache: true,
                                              environment: WorkbookProcess.withAccelerators)
        try FileManager.default.removeItem(at: root.appendingPathComponent(".workbook-cache"))
        let alone = try WorkbookProcess.run(["build", "--no-cache", "--jobs", "1"], in: root, privateCache: true,
                                            environment: ["WORKBOOK_PLAIN_SWIFTC": "1"])
        #expect(bundled.exitCode != 0)
        #expect(bundled.stderr.contains("chapters/04-crash.md:3: error: the snippet crashed"), "\(bundled.stderr)")
        #expect(bundled.stdout.contains("chapters/01-chapter.md: compiled with 3 other chapters"), "\(bundled.stdout)")
        #expect(bundled.stderr == alone.stderr)
    }

    @Test func chaptersThatDeclareTypesOrImportOtherModulesCompileAlone() throws {
        let root = try bookOfThree()
        // A type's reflected name would change in a shared program; an import would make its
        // module's members visible to the other chapters.
        try root.write("# Types\n\n```swift\nstruct Point { var x = 1 }\nprint([Point()])\n```\n", to: "chapters/04-types.md")
        try root.write("# Imports\n\n```swift\nimport Foundation\nprint(String(format: \"%.2f\", 2.0 / 3))\n```\n",
                       to: "chapters/05-imports.md")
        let run = try WorkbookProcess.run(["build", "--no-cache"], in: root, privateCache: true,
                                              environment: WorkbookProcess.withAccelerators)
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout.contains("chapters/03-chapter.md: compiled with 2 other chapters"), "\(run.stdout)")
        #expect(run.stdout.contains("chapters/04-types.md: compiled 0"), "\(run.stdout)")
        #expect(run.stdout.contains("chapters/05-imports.md: compiled 0"), "\(run.stdout)")
        #expect(try root.text("site/04-types.html").contains("[WorkbookChapter.Point(x: 1)]"))
    }
}
