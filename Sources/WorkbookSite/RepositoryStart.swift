import Foundation
import WorkbookKit

/// The day `{{DAYS_SINCE_REPO_START}}` counts from: `repo_start` when set, else the date of the
/// repository's first commit (read with `git`, once, while the site's inputs are gathered).
enum RepositoryStart {
    static func lookUp(root: URL, configured: CalendarDay?) -> Result<CalendarDay, PlaceholderExpander.Failure> {
        if let configured { return .success(configured) }
        // Root commits only; a history with merged roots has several, the earliest counts.
        if let output = run(["git", "-C", root.path, "log", "--max-parents=0", "--format=%cs", "HEAD"]) {
            let days = output.split(whereSeparator: \.isNewline).compactMap { CalendarDay(iso: $0) }
            if let first = days.min() { return .success(first) }
        }
        return .failure(.init(message: "'{{DAYS_SINCE_REPO_START}}' needs the repository's first commit, but the workbook has no git history; set 'repo_start = \"YYYY-MM-DD\"' in workbook.toml"))
    }

    private static func run(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
