import Testing
@testable import WorkbookKit

@Suite struct WorkbookConfigTests {
    @Test func emptyFileGivesDefaults() throws {
        let config = try WorkbookConfig.parse(toml: "")
        #expect(config == WorkbookConfig())
        #expect(config.core == [])
        #expect(config.timeout == 60)
        #expect(config.outputFolder == "site")
    }

    @Test func everyKeyIsRead() throws {
        let config = try WorkbookConfig.parse(toml: """
            title = "Notes"
            description = "About"
            chapters = "pages"
            output = "public"
            core = []
            timeout = 2
            date_format = "yyyy"
            time_zone = "Europe/Paris"
            repo_start = 2024-01-31
            """)
        #expect(config.title == "Notes")
        #expect(config.chaptersFolder == "pages")
        #expect(config.outputFolder == "public")
        #expect(config.core == [])
        #expect(config.timeout == 2)
        #expect(config.timeZone.identifier == "Europe/Paris")
        #expect(config.repoStart == CalendarDay(year: 2024, month: 1, day: 31))
        #expect(config.keyLines["title"] == 1)
        #expect(config.keyLines["repo_start"] == 9)
        #expect(config.location(of: "core") == (5, 1))
    }

    @Test(arguments: [
        ("title = \"x\"\ncolour = \"red\"\n", 2, "unknown key 'colour'"),
        ("timeout = -1\n", 1, "'timeout' must be a positive number"),
        ("\ntimeout = \"soon\"\n", 2, "'timeout' must be a positive number"),
        ("core = \"Sources/BatchNorm\"\n", 1, "'core' must be a list"),
        ("title = 3\n", 1, "'title' must be a string"),
        ("time_zone = \"Mars/Olympus\"\n", 1, "unknown time zone"),
        ("repo_start = \"2024-02-30\"\n", 1, "YYYY-MM-DD"),
        ("output = \"/tmp/site\"\n", 1, "relative to the workbook root"),
    ])
    func badKeysAndValuesAreErrorsAtTheirLine(toml: String, line: Int, message: String) throws {
        let errors = try #require(throws: WorkbookErrors.self) { try WorkbookConfig.parse(toml: toml) }
        let error = try #require(errors.errors.first)
        #expect(error.line == line)
        #expect(error.message.contains(message))
        #expect(error.description.hasPrefix("workbook.toml:\(line):1: error: "))
    }

    @Test func syntaxErrorsCarryTOMLKitsPosition() throws {
        let errors = try #require(throws: WorkbookErrors.self) {
            try WorkbookConfig.parse(toml: "title = \"x\"\ntimeout = = 3\n")
        }
        #expect(errors.errors.first?.line == 2)
        #expect((errors.errors.first?.column ?? 0) > 0)
    }

    @Test func everyBadKeyIsReported() throws {
        let errors = try #require(throws: WorkbookErrors.self) {
            try WorkbookConfig.parse(toml: "a = 1\ntimeout = 0\nb = 2\n")
        }
        #expect(errors.errors.map(\.line) == [1, 2, 3])
    }
}
