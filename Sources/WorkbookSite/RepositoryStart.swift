import Foundation
import WorkbookKit

/// The day `{{DAYS_SINCE_REPO_START}}` counts from: `repo_start` when set, else the date of the
/// repository's first commit, read with `git` at most once per build, and only when a chapter
/// writes the placeholder (then it starts while the chapters are drafted).
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

    /// The placeholder's name, as a chapter's text must hold it for the lookup to be needed.
    static let placeholderName = "DAYS_SINCE_REPO_START"

    /// The day, looked up on first use (or started early with `start()`), then kept.
    ///
    /// `@unchecked Sendable`: `result` is written once, under `condition`, and read only under it.
    final class Lookup: @unchecked Sendable {
        private let compute: @Sendable () -> Result<CalendarDay, PlaceholderExpander.Failure>
        private let condition = NSCondition()
        private var result: Result<CalendarDay, PlaceholderExpander.Failure>?
        private var started = false

        init(_ compute: @escaping @Sendable () -> Result<CalendarDay, PlaceholderExpander.Failure>) {
            self.compute = compute
        }

        /// A lookup of the repository at `root` (none when `configured` is set).
        convenience init(root: URL, configured: CalendarDay?) {
            self.init { RepositoryStart.lookUp(root: root, configured: configured) }
        }

        /// A day known in advance.
        convenience init(known: Result<CalendarDay, PlaceholderExpander.Failure>) {
            self.init { known }
        }

        /// Starts the lookup on another thread, so its wait overlaps other work.
        func start() {
            condition.lock()
            defer { condition.unlock() }
            guard !started else { return }
            started = true
            Thread.detachNewThread { [self] in finish(compute()) }
        }

        /// The day, waiting for a lookup under way or doing it now.
        var value: Result<CalendarDay, PlaceholderExpander.Failure> {
            condition.lock()
            if let result {
                condition.unlock()
                return result
            }
            if started {
                while result == nil { condition.wait() }
                let value = result!
                condition.unlock()
                return value
            }
            started = true
            condition.unlock()
            let value = compute()
            finish(value)
            return value
        }

        private func finish(_ value: Result<CalendarDay, PlaceholderExpander.Failure>) {
            condition.lock()
            result = value
            condition.broadcast()
            condition.unlock()
        }
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
