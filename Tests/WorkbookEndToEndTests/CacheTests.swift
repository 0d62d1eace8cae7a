import Foundation
import Testing

/// Runs against the workbook's own `.workbook-cache`, so what is cached is known.
@Suite struct CacheTests {
    func provenance(_ run: WorkbookRun) -> [String] {
        run.lines.filter { $0.hasPrefix("[") }.map { line in
            let state = line.split(separator: ":", maxSplits: 1).last.map(String.init) ?? ""
            return state.trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init) ?? ""
        }
    }

    @Test func cacheHitsAndInvalidation() throws {
        let root = try WorkbookProcess.copy(fixture: "notebook")
        func check(_ extra: [String] = []) throws -> [String] {
            let run = try WorkbookProcess.run(["check"] + extra, in: root, privateCache: true)
            #expect(run.exitCode == 0, "\(run.stdout)\(run.stderr)")
            return provenance(run)
        }
        #expect(try check() == ["compiled", "compiled"])
        #expect(try check() == ["cached", "cached"], "nothing changed: nothing runs")

        let first = "chapters/01-basics.md", second = "chapters/02-isolated.md"
        try root.write(try root.text(first).replacingOccurrences(of: "# Basics", with: "# Basics\n\nMore prose."), to: first)
        #expect(try check() == ["cached", "cached"], "editing prose runs nothing")

        try root.write(try root.text(second).replacingOccurrences(of: "var total = 1", with: "var total = 1 // same"), to: second)
        #expect(try check() == ["cached", "compiled"], "editing one chapter's code runs that chapter only")

        #expect(try check(["--no-cache"]) == ["compiled", "compiled"])

        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(".workbook-cache").path))
    }
}
