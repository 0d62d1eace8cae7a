import Foundation
import Testing

@Suite struct CheckAndPromoteTests {
    @Test func checkPassesWhenRecordedOutputsMatch() throws {
        let run = try WorkbookProcess.run(["check"], fixture: "notebook")
        #expect(run.exitCode == 0, "\(run.stderr)")
        // 7 compared snippets in chapter 1 (norun excluded), 1 in chapter 2.
        #expect(run.lines.contains("9 passed, 0 failed"), "\(run.stdout)")
    }

    @Test func checkFailsWithADiffAfterAnEdit() throws {
        let root = try WorkbookProcess.copy(fixture: "notebook")
        let path = "chapters/01-basics.md"
        try root.write(try root.text(path).replacingOccurrences(of: "bump(by: 2)", with: "bump(by: 3)"), to: path)
        let run = try WorkbookProcess.run(["check"], in: root)
        #expect(run.exitCode == 1)
        #expect(run.stdout.contains("chapters/01-basics.md:18: the recorded output differs from the actual output"), "\(run.stdout)")
        #expect(run.stdout.contains("-total = 42\n+total = 43\n"))
        #expect(run.stdout.contains("-420\n+430\n"))
        #expect(run.lines.contains("7 passed, 2 failed"), "\(run.stdout)")
    }

    @Test func missingRecordedOutputsFailTheCheck() throws {
        let run = try WorkbookProcess.run(["check"], fixture: "unpromoted")
        #expect(run.exitCode == 1)
        #expect(run.stdout.contains("chapters/01-basics.md:5: the snippet's output is not recorded"))
        #expect(run.lines.contains("3 passed, 6 failed"), "\(run.stdout)")
    }

    @Test func promoteWritesWhatCheckExpectsAndIsIdempotent() throws {
        let root = try WorkbookProcess.copy(fixture: "unpromoted")
        let first = try WorkbookProcess.run(["promote"], in: root)
        #expect(first.exitCode == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Promoted 2 chapters."))
        for chapter in ["chapters/01-basics.md", "chapters/02-isolated.md"] {
            let expected = try WorkbookProcess.fixtures.appendingPathComponent("notebook").text(chapter)
            #expect(try root.text(chapter) == expected)
        }
        let modified = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent("chapters/01-basics.md").path)[.modificationDate] as? Date
        let second = try WorkbookProcess.run(["promote"], in: root)
        #expect(second.exitCode == 0)
        #expect(second.stdout.contains("Nothing to promote."))
        let after = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent("chapters/01-basics.md").path)[.modificationDate] as? Date
        #expect(modified == after)
        let check = try WorkbookProcess.run(["check"], in: root)
        #expect(check.exitCode == 0)
    }

    @Test func promoteLeavesAFailedChapterUntouchedAndSaysWhy() throws {
        let root = try WorkbookProcess.copy(fixture: "crash")
        let before = try root.text("chapters/01-crash.md")
        let run = try WorkbookProcess.run(["promote"], in: root)
        #expect(run.exitCode == 1)
        #expect(run.stdout.contains("left chapters/01-crash.md untouched: it crashed"), "\(run.stdout)")
        #expect(run.lines.contains("Nothing promoted; 1 chapter left untouched (see above)."), "\(run.stdout)")
        #expect(try root.text("chapters/01-crash.md") == before)
    }
}
