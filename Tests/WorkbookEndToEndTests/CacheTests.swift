import Foundation
import Testing

/// Runs against the workbook's own `.workbook-cache`, so what is cached is known. The fixture's
/// snippets import a one-target package, so a package source change is an invalidation too.
@Suite struct CacheTests {
    func provenance(_ run: WorkbookRun) -> [String] {
        run.lines.filter { $0.hasPrefix("[") }.map { line in
            let state = line.split(separator: ":", maxSplits: 1).last.map(String.init) ?? ""
            return state.trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init) ?? ""
        }
    }

    @Test func cacheHitsAndInvalidation() throws {
        let root = try WorkbookProcess.copy(fixture: "tiny-package")
        // A data file every chapter may read: changing it runs every chapter again (their
        // results are stale), though their programs are the same.
        try root.write(try root.text("workbook.toml") + "inputs = [\"data.txt\"]\n", to: "workbook.toml")
        try root.write("1\n", to: "data.txt")
        func check(_ extra: [String] = []) throws -> [String] {
            // Stored compiled programs (`ran`) are an accelerator: on, whatever the test run's setting.
            let run = try WorkbookProcess.run(["check"] + extra, in: root, privateCache: true,
                                              environment: WorkbookProcess.withAccelerators)
            #expect(run.exitCode == 0, "\(run.stdout)\(run.stderr)")
            return provenance(run)
        }
        #expect(try check() == ["compiled", "compiled"])
        #expect(try check() == ["cached", "cached"], "nothing changed: nothing runs")

        let first = "chapters/01-double.md", second = "chapters/02-isolated.md"
        try root.write(try root.text(first).replacingOccurrences(of: "# Double", with: "# Double\n\nMore prose."), to: first)
        #expect(try check() == ["cached", "cached"], "editing prose runs nothing")

        try root.write(try root.text(second).replacingOccurrences(of: "var total = double(1)", with: "var total = double(1) // same"), to: second)
        #expect(try check() == ["cached", "compiled"], "editing one chapter's code runs that chapter only")

        // `--no-cache` reuses nothing stored: every program is compiled again, the second
        // chapter's too, though the previous check stored it.
        #expect(try check(["--no-cache"]) == ["compiled", "compiled"])
        #expect(try check(["--no-cache"]) == ["compiled", "compiled"])

        // A changed data file misses the results but not the programs: the second chapter's
        // program, stored when it was compiled alone, runs again without a compile. (The
        // `--no-cache` checks compiled both chapters as one program, `ChapterBundle`, which is
        // not kept: the first chapter's program is compiled now, alone, and kept.)
        try root.write("2\n", to: "data.txt")
        #expect(try check() == ["compiled", "ran"])
        try root.write("3\n", to: "data.txt")
        #expect(try check() == ["ran", "ran"])

        // A stored program whose bytes were changed is compiled again.
        let programs = root.appendingPathComponent(".workbook-cache/programs/01-double")
        let stored = try FileManager.default.contentsOfDirectory(atPath: programs.path)
        #expect(stored.count == 1, "one program of the first chapter was kept: \(stored)")
        for name in stored {
            try Data("#!/bin/sh\necho tampered\n".utf8).write(to: programs.appendingPathComponent(name).appendingPathComponent("chapter"))
        }
        try root.write("4\n", to: "data.txt")
        #expect(try check() == ["compiled", "ran"])

        try root.write("/// Doubles `x`, twice as politely.\npublic func double(_ x: Int) -> Int { x + x }\n", to: "Tiny/Sources/Tiny/Tiny.swift")
        #expect(try check() == ["compiled", "compiled"], "a package source change runs every chapter")
        #expect(try check() == ["cached", "cached"])

        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(".workbook-cache").path))
    }
}
