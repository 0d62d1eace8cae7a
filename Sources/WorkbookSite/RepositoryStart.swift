import Foundation
import Synchronization
import WorkbookKit

/// The day `{{DAYS_SINCE_REPO_START}}` counts from: `repo_start` when set, else the date of the
/// repository's first commit, read with `git` at most once per build, and only when a chapter
/// writes the placeholder. `git` gets the environment it is given (the workbook's inputs), never
/// the process's.
enum RepositoryStart {
    static func lookUp(root: URL, configured: CalendarDay?, environment: [String: String]) -> Result<CalendarDay, PlaceholderExpander.Failure> {
        if let configured { return .success(configured) }
        // Root commits only; a history with merged roots has several, the earliest counts.
        if let output = run(["git", "-C", root.path, "log", "--max-parents=0", "--format=%cs", "HEAD"], environment: environment) {
            let days = output.split(whereSeparator: \.isNewline).compactMap { CalendarDay(iso: $0) }
            if let first = days.min() { return .success(first) }
        }
        return .failure(.init(message: "'{{DAYS_SINCE_REPO_START}}' needs the repository's first commit, but the workbook has no git history; set 'repo_start = \"YYYY-MM-DD\"' in workbook.toml"))
    }

    /// The placeholder's name, as a chapter's text must hold it for the lookup to be needed.
    static let placeholderName = "DAYS_SINCE_REPO_START"

    /// The day of a site whose prose never asks for it: not looked up.
    static let notLookedUp = PlaceholderExpander.Failure(message: "'{{DAYS_SINCE_REPO_START}}' was not looked up: no chapter's text names it")

    /// The day, looked up on first use (or started early with `start()`), then kept.
    final class Lookup: Sendable {
        typealias Day = Result<CalendarDay, PlaceholderExpander.Failure>

        private enum State {
            case idle
            /// Under way; the group is left when the day is known.
            case running(DispatchGroup)
            case done(Day)
        }

        private let compute: @Sendable () -> Day
        private let state = Mutex(State.idle)

        init(_ compute: @escaping @Sendable () -> Day) {
            self.compute = compute
        }

        /// A lookup of the repository at `root` (none when `configured` is set), `git` run
        /// with `environment`.
        convenience init(root: URL, configured: CalendarDay?, environment: [String: String]) {
            self.init { RepositoryStart.lookUp(root: root, configured: configured, environment: environment) }
        }

        /// A day known in advance.
        convenience init(known: Day) {
            self.init { known }
        }

        /// Starts the lookup on another thread, so its wait overlaps other work.
        func start() {
            guard let running = claim() else { return }
            Thread.detachNewThread { [self] in finish(compute(), running) }
        }

        /// The day, waiting for a lookup under way or doing it now.
        var value: Day {
            if let running = claim() {
                let day = compute()
                finish(day, running)
                return day
            }
            while true {
                switch state.withLock({ $0 }) {
                case .done(let day): return day
                case .running(let group): group.wait()
                case .idle: preconditionFailure("a claimed lookup is never idle again")
                }
            }
        }

        /// Marks the lookup under way and returns its group; `nil` when it already was.
        private func claim() -> DispatchGroup? {
            state.withLock { state in
                guard case .idle = state else { return nil }
                let running = DispatchGroup()
                running.enter()
                state = .running(running)
                return running
            }
        }

        private func finish(_ day: Day, _ running: DispatchGroup) {
            state.withLock { $0 = .done(day) }
            running.leave()
        }
    }

    private static func run(_ arguments: [String], environment: [String: String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.environment = environment
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
