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
        func check(_ extra: [String] = []) throws -> [String] {
            let run = try WorkbookProcess.run(["check"] + extra, in: root, privateCache: true)
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

        // `--no-cache` runs every program again, but compiles none it compiled before: the
        // first chapter's prose edit moved its code lines (its program names them), the second
        // chapter's program was compiled by the previous check.
        #expect(try check(["--no-cache"]) == ["compiled", "ran"])
        #expect(try check(["--no-cache"]) == ["ran", "ran"])

        // A stored program whose bytes were changed is compiled again.
        let programs = root.appendingPathComponent(".workbook-cache/programs/01-double")
        let stored = try FileManager.default.contentsOfDirectory(atPath: programs.path)
        // Only the program after the prose edit: the first check compiled both chapters as one
        // program (`ChapterBundle`), which is not kept.
        #expect(stored.count == 1, "after the prose edit: \(stored)")
        for name in stored {
            try Data("#!/bin/sh\necho tampered\n".utf8).write(to: programs.appendingPathComponent(name).appendingPathComponent("chapter"))
        }
        #expect(try check(["--no-cache"]) == ["compiled", "ran"])

        try root.write("/// Doubles `x`, twice as politely.\npublic func double(_ x: Int) -> Int { x + x }\n", to: "Tiny/Sources/Tiny/Tiny.swift")
        #expect(try check() == ["compiled", "compiled"], "a package source change runs every chapter")
        #expect(try check() == ["cached", "cached"])

        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(".workbook-cache").path))
    }
}
