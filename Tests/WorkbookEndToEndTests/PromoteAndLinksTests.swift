import Foundation
import Testing

/// `promote` updates what it can and keeps `expect=` diagnostics in step with their lines;
/// `check` reports broken links and images as `build` does.
@Suite struct PromoteAndLinksTests {
    /// The 1-based number of the first line of `text` that contains `fragment`.
    func line(of fragment: String, in text: String) throws -> Int {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return try #require(lines.firstIndex { $0.contains(fragment) }) + 1
    }

    @Test func expectedErrorsFollowTheirSnippetWhenPromoteAddsOutputsAboveThem() throws {
        let root = try WorkbookProcess.copy(fixture: "promote-moves")
        let path = "chapters/01-moving-errors.md"
        let promote = try WorkbookProcess.run(["promote"], in: root)
        #expect(promote.exitCode == 0, "\(promote.stdout)\n\(promote.stderr)")
        let text = try root.text(path)
        let error = try line(of: "let age: Int", in: text)
        let crash = try line(of: "precondition(1 > 2", in: text)
        #expect(error > 17 && crash > 27, "\(text)")
        #expect(text.contains("\n\(path):\(error):16: error: cannot convert value of type 'String' to specified type 'Int'\n"), "\(text)")
        #expect(text.contains("\n\(path):\(crash): Precondition failed: One is not more than two.\n"), "\(text)")
        let check = try WorkbookProcess.run(["check"], in: root)
        #expect(check.exitCode == 0, "\(check.stdout)\n\(check.stderr)")
    }

    @Test func proseAddedAboveAnExpectedErrorKeepsTheCheckAndPromoteRenumbers() throws {
        let root = try WorkbookProcess.copy(fixture: "promote-moves")
        let path = "chapters/01-moving-errors.md"
        _ = try WorkbookProcess.run(["promote"], in: root)
        let promoted = try root.text(path)
        let error = try line(of: "let age: Int", in: promoted)
        try root.write(promoted.replacingOccurrences(of: "# Errors Below New Outputs\n", with: "# Errors Below New Outputs\n\nA new paragraph,\nof two lines.\n"), to: path)
        let check = try WorkbookProcess.run(["check"], in: root)
        #expect(check.exitCode == 0, "\(check.stdout)\n\(check.stderr)")
        let promote = try WorkbookProcess.run(["promote"], in: root)
        #expect(promote.stdout.contains("promoted \(path)"), "\(promote.stdout)")
        #expect(try root.text(path).contains("\n\(path):\(error + 3):16: error: cannot convert"))
        // A diagnostic at another column is still a mismatch.
        let edited = try root.text(path).replacingOccurrences(of: "let age: Int = \"forty-two\"", with: "let age: Int =  \"forty-two\"")
        try root.write(edited, to: path)
        let moved = try WorkbookProcess.run(["check"], in: root)
        #expect(moved.exitCode == 1)
        #expect(moved.stdout.contains("the recorded output differs from the actual output"), "\(moved.stdout)")
    }

    @Test func applesQuotedPrintsCommentsAreCheckedAndRewrittenInTheirOwnStyle() throws {
        let root = try WorkbookProcess.copy(fixture: "promote-moves")
        let path = "chapters/02-apple-prints.md"
        let before = try WorkbookProcess.run(["check", path], in: root)
        #expect(before.exitCode == 1)
        #expect(before.stdout.contains("\(path):24:1: the snippet's output differs from its '// Prints' comments"), "\(before.stdout)")
        #expect(before.stdout.contains("-[\"Anna\", \"Alex\"]\n+[\"Anna\", \"Brian\"]\n"), "\(before.stdout)")
        #expect(before.lines.contains("2 passed, 2 failed"), "\(before.stdout)")
        _ = try WorkbookProcess.run(["promote", path], in: root)
        let text = try root.text(path)
        #expect(text.contains("print(letters)\n// Prints \"[\"a\", \"b\"]\"\n```\n\nA comment"), "\(text)")
        #expect(text.contains("// Prints \"One inch is 0.0254 meters\".\n```\n\nA stale"), "\(text)")
        #expect(text.contains("print(names)\n// Prints \"[\"Anna\", \"Brian\"]\".\n```\n"), "\(text)")
        #expect(text.hasSuffix("print(\"recorded\")\n```\n\n```output\nrecorded\n```\n"), "\(text)")
    }

    @Test func promoteWritesTheChaptersThatRanAndNamesTheOthers() throws {
        let root = try WorkbookProcess.copy(fixture: "promote-partial")
        let broken = try root.text("chapters/02-broken.md")
        let unreadable = try root.text("chapters/03-unreadable.md")
        let run = try WorkbookProcess.run(["promote"], in: root)
        #expect(run.exitCode == 1)
        #expect(run.lines.contains("promoted chapters/01-ran.md"), "\(run.stdout)")
        #expect(run.lines.contains("left chapters/02-broken.md untouched: it did not compile"), "\(run.stdout)")
        #expect(run.lines.last(where: { !$0.isEmpty }) == "Promoted 1 chapter; 1 chapter left untouched (see above).", "\(run.stdout)")
        #expect(run.stderr.contains("chapters/02-broken.md:8:"), "\(run.stderr)")
        #expect(try root.text("chapters/01-ran.md").hasSuffix("```\n\n```output\npromoted\n```\n"))
        #expect(try root.text("chapters/02-broken.md") == broken)
        // A '// Prints' comment that cannot be read gets no output block: check names the comment.
        #expect(try root.text("chapters/03-unreadable.md") == unreadable)
        let check = try WorkbookProcess.run(["check", "chapters/03-unreadable.md"], in: root)
        #expect(check.stdout.contains("chapters/03-unreadable.md:9:1: the '// Prints' comment's text starts with a quote but does not end with one"), "\(check.stdout)")
    }

    /// The `error:` lines of a run's stderr.
    func errorLines(_ run: WorkbookRun) -> Set<String> {
        Set(run.stderr.split(separator: "\n").map(String.init).filter { $0.contains(": error: ") })
    }

    @Test func checkReportsBrokenLinksAndImagesAsBuildDoes() throws {
        let root = try WorkbookProcess.copy(fixture: "check-links")
        let check = try WorkbookProcess.run(["check"], in: root)
        #expect(check.exitCode == 1)
        let expected: Set<String> = [
            "chapters/01-start.md:4:1: error: link to './03-gone.md': there is no chapter '03-gone.md' (chapters: '01-start.md', '02-next.md')",
            "chapters/01-start.md:6:1: error: image 'images/missing.svg' not found (no file 'chapters/images/missing.svg')",
            "chapters/02-next.md:5:9: error: link to './01-start.md#no-such-heading': '01-start.md' has no heading '#no-such-heading' nor other anchor of that name (anchors: '#start')",
        ]
        #expect(errorLines(check) == expected, "\(check.stderr)")
        #expect(check.lines.contains("1 passed, 0 failed, 3 broken links or images"), "\(check.stdout)")
        let build = try WorkbookProcess.run(["build"], in: root)
        #expect(build.exitCode != 0)
        #expect(errorLines(build) == expected, "\(build.stderr)")
        // Only the chapters named are reported; the others are still link targets.
        let one = try WorkbookProcess.run(["check", "chapters/02-next.md"], in: root)
        #expect(errorLines(one) == [expected.first { $0.hasPrefix("chapters/02-next.md") }!], "\(one.stderr)")
    }

    @Test func checkPassesOnceTheLinksAndImagesAreFixed() throws {
        let root = try WorkbookProcess.copy(fixture: "check-links")
        try root.write(try root.text("chapters/01-start.md")
            .replacingOccurrences(of: "[a chapter that is gone](./03-gone.md)", with: "[itself](#start)"), to: "chapters/01-start.md")
        try root.write(try root.text("chapters/02-next.md")
            .replacingOccurrences(of: "#no-such-heading", with: "#Start"), to: "chapters/02-next.md")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("chapters/images"), withIntermediateDirectories: true)
        try root.write("<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n", to: "chapters/images/missing.svg")
        let check = try WorkbookProcess.run(["check"], in: root)
        #expect(check.exitCode == 0, "\(check.stderr)")
        #expect(errorLines(check).isEmpty)
    }
}
