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
        ("timeout = -1\n", 1, "'timeout' must be a number of seconds between 1 and 86400"),
        ("\ntimeout = \"soon\"\n", 2, "'timeout' must be a number of seconds between 1 and 86400"),
        ("timeout = 1e19\n", 1, "between 1 and 86400"),
        ("timeout = 9223372036854775807\n", 1, "between 1 and 86400"),
        ("timeout = 1e308\n", 1, "between 1 and 86400"),
        ("timeout = inf\n", 1, "between 1 and 86400"),
        ("timeout = nan\n", 1, "between 1 and 86400"),
        ("timeout = 0.5\n", 1, "between 1 and 86400"),
        ("timeout = 86401\n", 1, "between 1 and 86400"),
        ("repo_start = \"0000-01-01\"\n", 1, "YYYY-MM-DD"),
        ("inputs = \"data/*.csv\"\n", 1, "'inputs' must be a list of file patterns"),
        ("inputs = [\"../other/*.csv\"]\n", 1, "relative to the workbook root"),
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

    @Test func inputsAndTheLimitsOfTimeoutAreRead() throws {
        let config = try WorkbookConfig.parse(toml: "inputs = [\"data/*.csv\", \"notes.txt\"]\ntimeout = 86400\n")
        #expect(config.inputs == ["data/*.csv", "notes.txt"])
        #expect(config.timeout == 86400)
        #expect(try WorkbookConfig.parse(toml: "timeout = 1\n").timeout == 1)
    }

    @Test func calendarDaysOutsideYearsOneToNineThousandNineHundredNinetyNineAreRefused() {
        #expect(CalendarDay(iso: "0000-12-31") == nil)
        #expect(CalendarDay(iso: "0001-01-01") != nil)
        #expect(CalendarDay(iso: "9999-12-31") != nil)
    }

    /// Found by `make fuzz`: toml++ aborts on a table header starting with a dot.
    @Test(arguments: ["[.]\n", "[.a]\n", "[[.]]\n", "[ .]\n", "x = 1\n[.b]\n", " [\t.]\n", "[..]\n", "[[ .a]]\n"])
    func tableHeadersStartingWithADotAreErrorsNotAborts(toml: String) throws {
        let errors = try #require(throws: WorkbookErrors.self) { try WorkbookConfig.parse(toml: toml) }
        #expect(errors.errors.first?.message == "a table header must start with a key name, not '.'")
        #expect(errors.errors.first?.line == (toml.hasPrefix("x") ? 2 : 1))
    }

    /// Also found by `make fuzz` (`[` then an invalid UTF-8 byte, read as U+FFFD).
    @Test(arguments: ["[\r\n\né+{\n", "[[ \n]]\n", "\r\n[\u{FFFD}]\r\n", "[\u{FFFD}]\n", "[=]\n", "[!]\n", "[ é ]\n", "[*]\n", "[,]\n", "[#]\n"])
    func tableHeadersStartingWithAnyNonKeyCharacterAreErrorsNotAborts(toml: String) throws {
        let errors = try #require(throws: WorkbookErrors.self) { try WorkbookConfig.parse(toml: toml) }
        #expect(errors.errors.first?.message.hasPrefix("a table header must start with a key name") == true)
        #expect(errors.errors.first?.line == (toml.hasPrefix("\r\n") ? 2 : 1))
    }

    @Test(arguments: ["[a]\n", "[\"a b\"]\n", "['a']\n", "[_a]\n", "[-a]\n", "[9]\n", "[[a]]\n"])
    func ordinaryTableHeadersReachTheParser(toml: String) throws {
        let errors = try #require(throws: WorkbookErrors.self) { try WorkbookConfig.parse(toml: toml) }
        #expect(errors.errors.first?.message.hasPrefix("unknown key") == true, "\(errors)")
    }

    @Test func aDotHeaderInsideAMultilineStringIsText() throws {
        let config = try WorkbookConfig.parse(toml: "description = \"\"\"\n[.] is text\n\"\"\"\n")
        #expect(config.description == "[.] is text\n")
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
