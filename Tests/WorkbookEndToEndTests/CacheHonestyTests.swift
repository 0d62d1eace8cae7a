import Foundation
import Testing

/// A cached result equals what a fresh run prints: line numbers where code prints them,
/// `inputs` files, checksummed entries, and `--no-cache` building the package again.
@Suite struct CacheHonestyTests {
    @Test func aSnippetPrintingItsLineRunsAgainWhenProseMovesIt() throws {
        let root = try WorkbookProcess.copy(fixture: "plain")
        try root.write("# Lines\n\n```swift\nprint(#line)\n```\n", to: "chapters/01-one.md")
        #expect(try WorkbookProcess.run(["promote"], in: root, privateCache: true).exitCode == 0)
        #expect(try root.text("chapters/01-one.md").contains("```output\n4\n```"))
        try root.write(try root.text("chapters/01-one.md").replacingOccurrences(of: "# Lines\n", with: "# Lines\n\nOne more line.\n"),
                       to: "chapters/01-one.md")
        let cached = try WorkbookProcess.run(["check"], in: root, privateCache: true)
        let fresh = try WorkbookProcess.run(["check", "--no-cache"], in: root, privateCache: true)
        #expect(cached.exitCode == 1, "\(cached.stdout)")
        #expect(cached.stdout.contains("-4\n+6\n"), "\(cached.stdout)")
        #expect(fresh.exitCode == cached.exitCode)
    }

    @Test func aChangedInputFileRunsTheChapterAgain() throws {
        let root = try WorkbookProcess.copy(fixture: "plain")
        try root.write("core = []\ninputs = [\"data/*.csv\"]\n", to: "workbook.toml")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("data"), withIntermediateDirectories: true)
        try root.write("1,2\n", to: "data/values.csv")
        let reading = "# Data\n\n```swift\nimport Foundation\nprint(try! String(contentsOfFile: \"data/values.csv\", encoding: .utf8), terminator: \"\")\n```\n"
        try root.write(reading, to: "chapters/01-one.md")
        #expect(try WorkbookProcess.run(["promote"], in: root, privateCache: true).exitCode == 0)
        #expect(try WorkbookProcess.run(["check"], in: root, privateCache: true).exitCode == 0)
        try root.write("3,4\n", to: "data/values.csv")
        let check = try WorkbookProcess.run(["check"], in: root, privateCache: true)
        #expect(check.exitCode == 1, "\(check.stdout)")
        #expect(check.stdout.contains("-1,2\n+3,4\n"), "\(check.stdout)")
    }

    @Test func anEditedCacheEntryIsNotTrusted() throws {
        let root = try WorkbookProcess.copy(fixture: "plain")
        let chapter = try root.text("chapters/01-one.md")
        #expect(try WorkbookProcess.run(["check"], in: root, privateCache: true).exitCode == 0)
        let results = root.appendingPathComponent(".workbook-cache/results")
        let entries = FileManager.default.enumerator(atPath: results.path)?.compactMap { $0 as? String }
            .filter { $0.split(separator: "/").last?.count == 64 } ?? []
        #expect(entries.count == 1)
        for entry in entries {
            let url = results.appendingPathComponent(entry)
            let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "one", with: "forged")
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let promote = try WorkbookProcess.run(["promote"], in: root, privateCache: true)
        #expect(promote.exitCode == 0, "\(promote.stderr)")
        #expect(promote.stdout.contains("compiled"), "the edited entry is ignored and the chapter runs: \(promote.stdout)")
        #expect(try root.text("chapters/01-one.md") == chapter)
    }

    @Test func noCacheBuildsThePackageAgain() throws {
        let root = try WorkbookProcess.copy(fixture: "tiny-package")
        let packages = root.appendingPathComponent(".workbook-cache/packages")
        /// When the package's last finished build was recorded.
        func recorded() throws -> Date? {
            let folder = try FileManager.default.contentsOfDirectory(atPath: packages.path).first { $0.hasPrefix("Tiny-") }
            return try folder.flatMap {
                try FileManager.default.attributesOfItem(atPath: packages.appendingPathComponent("\($0)/build.json").path)[.modificationDate] as? Date
            }
        }
        let first = try WorkbookProcess.run(["check"], in: root, privateCache: true)
        #expect(first.exitCode == 0, "\(first.stdout)\(first.stderr)")
        #expect(first.lines.first == "Building package product Tiny…", "\(first.stdout)")
        let before = try #require(try recorded())

        let warm = try WorkbookProcess.run(["check"], in: root, privateCache: true)
        #expect(warm.exitCode == 0, "\(warm.stderr)")
        #expect(!warm.stdout.contains("Building"), "a cached run keeps the built package: \(warm.stdout)")
        #expect(try recorded() == before, "a cached run keeps the built package")

        let again = try WorkbookProcess.run(["check", "--no-cache"], in: root, privateCache: true)
        #expect(again.exitCode == 0, "\(again.stderr)")
        #expect(again.lines.first == "Building package product Tiny…", "--no-cache runs SwiftPM again: \(again.stdout)")
        let after = try #require(try recorded())
        #expect(after > before, "--no-cache records a new build of the package")
    }
}
