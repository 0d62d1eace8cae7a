import Foundation
import TOMLKit

extension WorkbookConfig {
    /// The keys `workbook.toml` accepts.
    public static let knownKeys = [
        "title", "description", "chapters", "output", "package", "products", "timeout",
        "date_format", "time_zone", "repo_start", "inputs", "doc_comments",
    ] + DocumentationConfig.knownKeys

    /// The shortest and longest `timeout` accepted: one second and one day.
    public static let timeoutRange: ClosedRange<Double> = 1...86_400

    /// The line and column where `key` is assigned at top level in `text`, or `(0, 0)`.
    public static func location(ofKey key: String, inTOML text: String) -> (line: Int, column: Int) {
        let reader = ConfigReader(path: "", text: text)
        let line = reader.line(of: key)
        return (line, reader.column(of: key, line: line))
    }

    /// Parses the text of `workbook.toml`; `path` names the file in diagnostics.
    ///
    /// Syntax errors carry TOMLKit's position; an unknown key or a bad value is reported at
    /// the line where the key is written. Every problem is reported at once.
    public static func parse(toml text: String, path: String = "workbook.toml") throws(WorkbookErrors) -> WorkbookConfig {
        if let problem = TOMLPreflight.problem(in: text) {
            throw WorkbookErrors([WorkbookError(path: path, line: problem.line, column: problem.column, message: problem.message, stage: "load")])
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw WorkbookErrors([WorkbookError(
                path: path, line: error.source.begin.line, column: error.source.begin.column,
                message: error.description, stage: "load")])
        } catch {
            throw WorkbookErrors([WorkbookError(path: path, message: "\(error)", stage: "load")])
        }
        var reader = ConfigReader(path: path, text: text)
        var config = WorkbookConfig()
        for key in table.keys.sorted(by: { reader.line(of: $0) < reader.line(of: $1) }) {
            guard let value = table[key] else { continue }
            config.keyLines[key] = reader.line(of: key)
            switch key {
            case "title": reader.string(value, key: key).map { config.title = $0 }
            case "description": reader.string(value, key: key).map { config.description = $0 }
            case "chapters": reader.folder(value, key: key).map { config.chaptersFolder = $0 }
            case "output": reader.folder(value, key: key).map { config.outputFolder = $0 }
            case "package": reader.packageFolder(value, key: key).map { config.package = $0 }
            case "products": reader.products(value, key: key).map { config.products = $0 }
            case "core": reader.retiredCore(value, key: key)
            case "timeout": reader.timeout(value, key: key).map { config.timeout = $0 }
            case "date_format": reader.string(value, key: key, nonEmpty: true).map { config.dateFormat = $0 }
            case "time_zone": reader.timeZone(value, key: key).map { config.timeZone = $0 }
            case "repo_start": reader.day(value, key: key).map { config.repoStart = $0 }
            case "inputs": reader.globs(value, key: key).map { config.inputs = $0 }
            case "doc_comments":
                do { config.docComments = try DocumentationConfig.choice(value, key: key) } catch { reader.fail(key: key, error.message) }
            case _ where DocumentationConfig.knownKeys.contains(key):
                do { try config.documentation.read(key: key, value: value) } catch { reader.fail(key: key, error.message) }
            default:
                reader.fail(key: key, "unknown key '\(key)' (known: \(knownKeys.joined(separator: ", ")))")
            }
        }
        reader.requirePackageAndProductsTogether(table: table)
        if config.docComments == .check && !table.contains(key: "package") {
            reader.fail(key: "doc_comments", "'doc_comments' needs 'package' and 'products': the examples checked are those of the products' source files")
        }
        if !reader.errors.isEmpty { throw WorkbookErrors(reader.errors) }
        return config
    }
}

/// Checks the values of `workbook.toml`, locating problems at the line of their key.
struct ConfigReader {
    let path: String
    let lines: [Substring]
    var errors: [WorkbookError] = []

    init(path: String, text: String) {
        self.path = path
        self.lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    }

    /// The 1-based line where `key` is assigned at top level (`key = …`), or 0.
    func line(of key: String) -> Int {
        for (index, line) in lines.enumerated() {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            for spelling in [key, "\"\(key)\"", "'\(key)'"] where trimmed.hasPrefix(spelling) {
                let rest = trimmed.dropFirst(spelling.count).drop { $0 == " " || $0 == "\t" }
                if rest.first == "=" { return index + 1 }
            }
        }
        return 0
    }

    func column(of key: String, line: Int) -> Int {
        guard line > 0 else { return 0 }
        return lines[line - 1].prefix { $0 == " " || $0 == "\t" }.count + 1
    }

    mutating func fail(key: String, _ message: String) {
        let line = line(of: key)
        errors.append(WorkbookError(
            path: path, line: line, column: column(of: key, line: line), message: message, stage: "load"))
    }

    mutating func string(_ value: TOMLValueConvertible, key: String, nonEmpty: Bool = false) -> String? {
        guard let string = value.string else {
            fail(key: key, "'\(key)' must be a string, not \(value.type)")
            return nil
        }
        if nonEmpty && string.isEmpty {
            fail(key: key, "'\(key)' must not be empty")
            return nil
        }
        return string
    }

    mutating func folder(_ value: TOMLValueConvertible, key: String) -> String? {
        guard let folder = string(value, key: key, nonEmpty: true) else { return nil }
        if folder.hasPrefix("/") {
            fail(key: key, "'\(key)' must be a folder relative to the workbook root, not '\(folder)'")
            return nil
        }
        return folder
    }

    mutating func timeout(_ value: TOMLValueConvertible, key: String) -> Double? {
        let range = WorkbookConfig.timeoutRange
        let seconds = value.double ?? value.int.map(Double.init)
        guard let seconds, range.contains(seconds) else {
            fail(key: key, "'\(key)' must be a number of seconds between \(Int(range.lowerBound)) and \(Int(range.upperBound)) (one day)")
            return nil
        }
        return seconds
    }

    /// `inputs`: globs relative to the root, such as `data/*.csv`.
    mutating func globs(_ value: TOMLValueConvertible, key: String) -> [String]? {
        guard let array = value.array else {
            fail(key: key, "'\(key)' must be a list of file patterns, such as [\"data/*.csv\"], not \(value.type)")
            return nil
        }
        var globs: [String] = []
        for element in array {
            guard let glob = element.string, !glob.isEmpty, !glob.hasPrefix("/"),
                  !glob.split(separator: "/").contains("..") else {
                fail(key: key, "'\(key)' must list file patterns relative to the workbook root (no '..'), as strings")
                return nil
            }
            globs.append(glob)
        }
        return globs
    }

    mutating func timeZone(_ value: TOMLValueConvertible, key: String) -> TimeZone? {
        guard let name = string(value, key: key, nonEmpty: true) else { return nil }
        guard let zone = TimeZoneNames.zone(named: name) else {
            fail(key: key, "'\(key)' names an unknown time zone '\(name)'")
            return nil
        }
        return zone
    }

    mutating func day(_ value: TOMLValueConvertible, key: String) -> CalendarDay? {
        if let date = value.date {
            guard CalendarDay.yearRange.contains(Int(date.year)),
                  let day = CalendarDay(iso: CalendarDay(year: Int(date.year), month: Int(date.month), day: Int(date.day)).description) else {
                fail(key: key, "'\(key)' must be a valid day between years 1 and 9999")
                return nil
            }
            return day
        }
        guard let text = string(value, key: key) else { return nil }
        guard let day = CalendarDay(iso: text) else {
            fail(key: key, "'\(key)' must be a date written YYYY-MM-DD, not '\(text)'")
            return nil
        }
        return day
    }
}
