import Foundation
import Testing

@Suite struct BuildTests {
    @Test func buildPrintsOneProgressLinePerChapterAndASummary() throws {
        let run = try WorkbookProcess.run(["build", "--jobs", "2"], fixture: "notebook")
        #expect(run.exitCode == 0, "\(run.stderr)")
        let progress = run.lines.filter { $0.hasPrefix("[") }
        #expect(progress.count == 2)
        #expect(progress.first?.hasPrefix("[1/2] chapters/01-basics.md: ") == true)
        #expect(progress.last?.hasPrefix("[2/2] chapters/02-isolated.md: ") == true)
        #expect(run.lines.contains { $0.hasPrefix("Built ") })
        #expect(FileManager.default.fileExists(atPath: run.root.appendingPathComponent("site").path))
    }

    @Test func buildStopsOnErrorsWithoutWritingTheSite() throws {
        let run = try WorkbookProcess.run(["build"], fixture: "compile-error")
        #expect(run.exitCode == 1)
        #expect(run.stderr.contains("chapters/01-broken.md:5:18: error:"))
        #expect(!FileManager.default.fileExists(atPath: run.root.appendingPathComponent("site").path))
    }
}
