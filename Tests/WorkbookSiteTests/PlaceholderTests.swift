import Foundation
import Testing
import WorkbookKit
@testable import WorkbookSite

@Suite struct PlaceholderTests {
    @Test func expandsEveryPlaceholderForAPinnedDate() throws {
        var fixture = SiteFixture()
        fixture.config.repoStart = CalendarDay(iso: "2026-11-01")
        try fixture.add("01-diary.md", """
        # Diary

        Today is {{DATE_PRETTY}} ({{DATE_ISO}}).
        Day {{DAYS_SINCE_2025_08_18}} of the project, or {{DAY_SINCE_2025_08_18}}.
        Repository age: {{DAYS_SINCE_REPO_START}} days.

        """)
        let article = try fixture.article("01-diary")
        #expect(article.contains("Today is Saturday, November 21, 2026 (2026-11-21)."))
        #expect(article.contains("Day 460 of the project, or 460."))
        #expect(article.contains("Repository age: 20 days."))
    }

    @Test func leavesCodeAndEscapesAlone() throws {
        var fixture = SiteFixture()
        try fixture.add("01-a.md", """
        # A

        Literal \\{{DATE_ISO}} and `{{DATE_ISO}}` in code.

        ```text
        {{DATE_ISO}} in a block
        ```

        ```swift
        print("{{DATE_ISO}}")
        ```

        """, outputs: ["{{DATE_ISO}}\n"])
        let article = try fixture.article("01-a")
        #expect(article.contains("Literal {{DATE_ISO}} and <code>{{DATE_ISO}}</code> in code."))
        #expect(article.contains("{{DATE_ISO}} in a block"))
        #expect(article.contains("<samp>{{DATE_ISO}}\n</samp>"))
        #expect(!article.contains("2026-11-21"))
    }

    @Test(arguments: [
        ("{{TODAY}}", "unknown placeholder '{{TODAY}}'"),
        ("{{DAYS_SINCE_2025_13_01}}", "malformed placeholder"),
        ("{{DATE_ISO", "unterminated placeholder"),
    ])
    func reportsABadPlaceholderAtItsLineAndColumn(_ text: String, _ message: String) throws {
        var fixture = SiteFixture()
        try fixture.add("01-a.md", "# A\n\nFine line.\nSo far {{DATE_ISO}}, then \(text) here.\n")
        let errors = fixture.errors()
        #expect(errors.count == 1)
        #expect(errors.first?.path == "chapters/01-a.md")
        #expect(errors.first?.line == 4)
        #expect(errors.first?.column == 27)
        #expect(errors.first?.message.contains(message) == true)
        #expect(errors.first?.message.contains("DATE_PRETTY, DATE_ISO") == true)
    }

    @Test func reportsEveryErrorOfEveryChapter() throws {
        var fixture = SiteFixture()
        try fixture.add("01-a.md", "# A\n\n{{ONE}}\n\n{{TWO}}\n")
        try fixture.add("02-b.md", "# B\n\n[x](./03-c.md)\n")
        let errors = fixture.errors()
        #expect(errors.map(\.description) == [
            "chapters/01-a.md:3:1: error: unknown placeholder '{{ONE}}' (known: \(PlaceholderExpander.knownNames); write '\\{{' for a literal '{{')",
            "chapters/01-a.md:5:1: error: unknown placeholder '{{TWO}}' (known: \(PlaceholderExpander.knownNames); write '\\{{' for a literal '{{')",
            "chapters/02-b.md:3:1: error: link to './03-c.md': there is no chapter '03-c.md' (chapters: '01-a.md', '02-b.md')",
        ])
    }

    @Test func repositoryStartComesFromGitOrNeedsTheSetting() throws {
        var fixture = SiteFixture()
        fixture.config.repoStart = nil
        try fixture.add("01-a.md", "# A\n\nDay {{DAYS_SINCE_REPO_START}}.\n")
        let errors = fixture.errors()
        #expect(errors.count == 1)
        #expect(errors.first?.line == 3)
        #expect(errors.first?.column == 5)
        #expect(errors.first?.message.contains("set 'repo_start") == true)

        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["sh", "-c", "git init -q && git -c user.name=t -c user.email=t@t commit -q --allow-empty -m start"]
        git.currentDirectoryURL = fixture.root
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_COMMITTER_DATE"] = "2026-11-11T12:00:00Z"
        environment["GIT_AUTHOR_DATE"] = "2026-11-11T12:00:00Z"
        git.environment = environment
        try git.run()
        git.waitUntilExit()
        try #require(git.terminationStatus == 0)
        #expect(try fixture.article("01-a").contains("Day 10."))
    }

    @Test func todayComesFromDateElseSourceDateEpochElseTheClock() throws {
        var fixture = SiteFixture()
        fixture.config.timeZone = TimeZone(identifier: "America/New_York")!
        try fixture.add("01-a.md", "# A\n\n{{DATE_ISO}}\n")
        // 2026-11-22T03:00:00Z is still November 21 in New York.
        let epoch = ["SOURCE_DATE_EPOCH": "1795316400"]
        #expect(try fixture.render(date: nil, environment: epoch)["01-a.html"]?.contains("<p>2026-11-21</p>") == true)
        #expect(try fixture.render(date: "2020-02-29", environment: epoch)["01-a.html"]?.contains("<p>2020-02-29</p>") == true)
    }

    @Test func sameInputsGiveIdenticalSites() throws {
        var fixture = SiteFixture()
        try fixture.add("01-a.md", "# A\n\n{{DATE_PRETTY}} $x$\n")
        #expect(try fixture.render() == fixture.render())
    }

    @Test(arguments: ["2026-02-30", "2026-1-01", "yesterday", "2026-13-01"])
    func rejectsAMalformedDate(_ text: String) {
        #expect(throws: WorkbookError.self) { try CalendarDay.parseDay(text) }
    }

    @Test func countsDaysAcrossLeapYears() throws {
        let start = try CalendarDay.parseDay("2025-08-18")
        #expect(start.days(until: try CalendarDay.parseDay("2026-11-21")) == 460)
        #expect(try CalendarDay.parseDay("2024-02-28").days(until: CalendarDay.parseDay("2024-03-01")) == 2)
    }
}

@Suite struct PlaceholderPlacesTests {
    @Test(arguments: [
        "> ~~~\n> {{name}}\n> ~~~\n",
        "- item\n\n      {{name}} indented code in a list item\n",
        "> quote\n>\n>     {{name}} indented code in a quote\n",
        "- ```\n  {{name}}\n  ```\n",
        "# Heading\n\n    {{name}} indented code after a heading\n",
        "<pre>\n{{name}}\n</pre>\n",
        "<script>\nvar t = '{{name}}';\n</script>\n",
        "`{{name}}` and [x](https://a.org/{{name}}) and <https://a.org/{{name}}>\n",
        "\\{{name}} is escaped\n",
    ])
    func braceNamesOutsideProseAreNeverPlaceholders(_ markdown: String) throws {
        var fixture = SiteFixture()
        try fixture.add("01-a.md", "# A\n\n" + markdown)
        #expect(fixture.errors().isEmpty)
        #expect(try fixture.article("01-a").contains("{{name}}"))
    }

    @Test func placeholdersExpandInHeadingsCellsAndLinkText() throws {
        var fixture = SiteFixture()
        try fixture.add("01-a.md", "# Day {{DATE_ISO}}\n\n| day |\n|---|\n| {{DATE_ISO}} |\n\n[on {{DATE_ISO}}](#day-2026-11-21)\n")
        let article = try fixture.article("01-a")
        #expect(article.contains("<h1 id=\"day-2026-11-21\">"))
        #expect(article.contains("<td>2026-11-21</td>"))
        #expect(article.contains(##"<a href="#day-2026-11-21">on 2026-11-21</a>"##))
    }
}
