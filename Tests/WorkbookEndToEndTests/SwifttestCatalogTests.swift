import Foundation
import Testing

/// `swifttest = "check"` and a DocC catalog as the chapters folder, on `swifttest-catalog`: a
/// catalog in the style of The Swift Programming Language whose listings keep their tests in
/// HTML comments (every marker, a test spread over three blocks, an expected error, an
/// expected trap, an erratum, a drifting listing, an image with a dark variant, Topics order).
@Suite struct SwifttestCatalogTests {
    @Test func checkRunsEveryBlockAndReportsTheErratumAndTheDriftAtTheirLines() throws {
        let run = try WorkbookProcess.run(["check", "--no-cache", "--jobs", "2"], fixture: "swifttest-catalog")
        #expect(run.exitCode == 1, "\(run.stdout)\n\(run.stderr)")
        // Three blocks of `counting`, `twice`, `drift`'s block, the expected error and the
        // expected trap pass; the erratum and the drifting listing fail.
        #expect(run.lines.contains { $0.hasPrefix("7 passed, 2 failed") }, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stdout.contains("""
            Book.docc/Chapters/Errors.md:55:3: error: the test's expected output differs from what the code printed
            --- test
            +++ actual
            @@ -1 +1 @@
            -5
            +4
            """), "\(run.stdout)")
        #expect(run.stdout.contains("""
            Book.docc/Chapters/Basics.md:86:1: error: the listing differs from the code its swifttest blocks test ('->' lines)
            --- listing
            +++ test
            @@ -1 +1 @@
            -let width = 40
            +let width = 42
            """), "\(run.stdout)")
        // No other mismatch, no compile error or crash reported.
        #expect(run.stdout.components(separatedBy: ": error: ").count == 3, "\(run.stdout)")
        #expect(!run.stderr.contains("error:"), "\(run.stderr)")
    }

    @Test func chaptersFollowTheRootPagesTopicsThenTheirNames() throws {
        let run = try WorkbookProcess.run(["check", "--jobs", "2"], fixture: "swifttest-catalog")
        let progress = run.lines.filter { $0.hasPrefix("[") }.map { $0.split(separator: " ")[1] }
        #expect(progress == ["Book.docc/Welcome.md:", "Book.docc/Chapters/Errors.md:", "Book.docc/Chapters/Basics.md:",
                             "Book.docc/Appendix.md:"], "\(run.stdout)")
    }

    @Test func aWarmCheckRunsNothing() throws {
        let root = try WorkbookProcess.copy(fixture: "swifttest-catalog")
        _ = try WorkbookProcess.run(["check"], in: root, privateCache: true)
        let warm = try WorkbookProcess.run(["check"], in: root, privateCache: true)
        #expect(warm.lines.contains { $0.hasPrefix("7 passed, 2 failed") }, "\(warm.stdout)")
        #expect(!warm.stdout.contains("compiled"), "\(warm.stdout)")
    }

    @Test func promoteReportsTheBooksTestsAndRewritesNothing() throws {
        let root = try WorkbookProcess.copy(fixture: "swifttest-catalog")
        let before = try ["Chapters/Basics.md", "Chapters/Errors.md"].map { try root.text("Book.docc/" + $0) }
        let run = try WorkbookProcess.run(["promote"], in: root)
        let after = try ["Chapters/Basics.md", "Chapters/Errors.md"].map { try root.text("Book.docc/" + $0) }
        #expect(before == after)
        #expect(run.stdout.contains("Book.docc/Chapters/Errors.md:55:3: error: the test's expected output differs"), "\(run.stdout)")
        #expect(run.stdout.contains("Book.docc/Chapters/Basics.md:86:1: error: the listing differs"), "\(run.stdout)")
        #expect(run.stdout.contains("2 swifttest mismatches reported, not promoted: swifttest blocks are the book's tests."), "\(run.stdout)")
    }

    @Test func aBlockThatNoLongerFailsAsItsMarkersSayIsReportedAtTheMarker() throws {
        let root = try WorkbookProcess.copy(fixture: "swifttest-catalog")
        var errors = try root.text("Book.docc/Chapters/Errors.md")
        errors = errors.replacingOccurrences(of: "  -> name = \"Swift++\"\n", with: "  -> print(name)\n")
        errors = errors.replacingOccurrences(of: "  -> print(numbers[5])\n", with: "  -> print(numbers[2])\n")
        try root.write(errors, to: "Book.docc/Chapters/Errors.md")
        let run = try WorkbookProcess.run(["check", "--no-cache"], in: root)
        #expect(run.exitCode == 1)
        #expect(run.stdout.contains("Book.docc/Chapters/Errors.md:16:3: error: the test expects a compile error ('!$'), but the block compiled"), "\(run.stdout)")
        #expect(run.stdout.contains("Book.docc/Chapters/Errors.md:38:3: error: the test expects a trap ('xx'), but the block ran to the end"), "\(run.stdout)")
    }

    @Test func theSiteShowsTheListingsWithoutTestsDirectivesOrComments() throws {
        let run = try WorkbookProcess.run(["build"], fixture: "swifttest-catalog")
        #expect(run.exitCode == 0, "\(run.stdout)\n\(run.stderr)")
        let site = run.root.appendingPathComponent("site")
        let basics = try site.text("Basics.html")
        let welcome = try site.text("Welcome.html")
        for page in [basics, welcome] {
            #expect(!page.contains("swifttest") && !page.contains("<!--") && !page.contains("@Metadata")
                    && !page.contains("@Comment") && !page.contains("PageKind") && !page.contains("never shown"), "\(page)")
        }
        // The listing is shown as the book shows it, not marked "Not run".
        #expect(basics.contains("greeting") && !basics.contains("Not run"))
        // ``Int`` is code; the image is one picture with its dark variant, both copied.
        #expect(basics.contains("<code>Int</code>"), "\(basics)")
        #expect(basics.contains("<picture><source srcset=\"Assets/diagram~dark@2x.png\" media=\"(prefers-color-scheme: dark)\" /><img src=\"Assets/diagram@2x.png\" alt=\"A constant and a variable\" /></picture>"), "\(basics)")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("Assets/diagram@2x.png").path))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("Assets/diagram~dark@2x.png").path))
        // <doc:Name> links go to the chapter pages; the root page is the index, not a chapter.
        #expect(welcome.contains("href=\"Basics.html\"") && welcome.contains("href=\"Errors.html\""), "\(welcome)")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("Book.html").path))
    }
}

extension SwifttestCatalogTests {
    /// The book's kinds of failure in one chapter: a block that does not compile and a later
    /// block of its test that needs it, a block of two tests, an expected error the compiler
    /// words differently, an untested listing that fails. A warm check takes every program from
    /// the cache and must count every snippet as the run that made them did.
    @Test func aWarmCheckCountsAsTheColdOneDid() throws {
        let root = try WorkbookProcess.copy(fixture: "swifttest-catalog")
        let chapter = """
            # Failures

            ```swift
            struct Board { var squares: [Int] }
            let dice = Dice()
            ```

            <!--
              - test: `game`

              ```swifttest
              -> struct Board { var squares: [Int] }
              -> let dice = Dice()
              ```
            -->

            ```swift
            print(dice.roll())
            ```

            <!--
              - test: `game`

              ```swifttest
              -> print(dice.roll())
              << 4
              ```
            -->

            ```swift
            let both = 2
            print(both * undefined)
            ```

            <!--
              - test: `first, second`

              ```swifttest
              -> let both = 2
              -> print(both * undefined)
              << 4
              ```
            -->

            ```swift
            let fixed = 1
            fixed = 2
            ```

            <!--
              - test: `reworded`

              ```swifttest
              -> let fixed = 1
              -> fixed = 2
              !$ error: cannot assign to 'fixed'
              ```
            -->

            ```swift
            func declaredOnly() -> Int
            print(missing)
            ```

            """
        try chapter.write(to: root.appendingPathComponent("Book.docc/Chapters/Failures.md"), atomically: true, encoding: .utf8)
        func tallies(_ run: WorkbookRun) -> [String] {
            run.lines.filter { $0.contains(" passed") || $0.contains(" did not compile") || $0.contains(" mismatched") }
                .filter { !$0.hasPrefix("[") }
        }
        let cold = try WorkbookProcess.run(["check", "--jobs", "2"], in: root, privateCache: true)
        let warm = try WorkbookProcess.run(["check", "--jobs", "2"], in: root, privateCache: true)
        #expect(!warm.stdout.contains("compiled"), "\(warm.stdout)")
        #expect(tallies(cold).contains { $0.hasPrefix("Book.docc/Chapters/Failures.md: ") }, "\(cold.stdout)")
        #expect(tallies(cold) == tallies(warm), "cold:\n\(cold.stdout)\nwarm:\n\(warm.stdout)")
        #expect(cold.stdout.components(separatedBy: ": error: ").count == warm.stdout.components(separatedBy: ": error: ").count,
                "cold:\n\(cold.stdout)\nwarm:\n\(warm.stdout)")
    }
}
