import Foundation
import Synchronization
import WorkbookKit

/// "Today" for a build: `--date`, else `SOURCE_DATE_EPOCH`, else the clock, in the workbook's
/// time zone; and the ways placeholders print it.
struct BuildDate: Sendable {
    var today: CalendarDay
    /// `{{DATE_PRETTY}}`, formatted with `date_format` on first use (a date formatter is costly
    /// to make, and most builds print no such date).
    var pretty: String { prettyText.value }
    private let prettyText: Memo<String>

    init(today: CalendarDay, pretty: String) {
        self.today = today
        prettyText = Memo { pretty }
    }

    init(today: CalendarDay, pattern: String, timeZone: TimeZone) {
        self.today = today
        prettyText = Memo { BuildDate.format(today, pattern: pattern, timeZone: timeZone) }
    }

    /// Resolves today from `--date`, the environment and the clock's `now`, with the configuration.
    static func resolve(date: CalendarDay?, environment: [String: String], config: WorkbookConfig, now: Date) throws(WorkbookErrors) -> BuildDate {
        let today = try day(date: date, environment: environment, config: config, now: now)
        return BuildDate(today: today, pattern: config.dateFormat, timeZone: config.timeZone)
    }

    /// Today alone, without formatting it.
    static func day(date: CalendarDay?, environment: [String: String], config: WorkbookConfig, now: Date) throws(WorkbookErrors) -> CalendarDay {
        let timeZone = config.timeZone
        let today: CalendarDay
        if let date {
            today = date
        } else if let epoch = environment["SOURCE_DATE_EPOCH"], !epoch.isEmpty {
            guard let seconds = Int(epoch.trimmingCharacters(in: .whitespaces)) else {
                throw WorkbookErrors([WorkbookError(path: "SOURCE_DATE_EPOCH", message: "'\(epoch)' is not a number of seconds since 1970-01-01", stage: "render")])
            }
            // 0001-01-01 to 9999-12-31 (UTC), the years a placeholder date may have.
            guard (-62_135_596_800...253_402_300_799).contains(seconds) else {
                throw WorkbookErrors([WorkbookError(path: "SOURCE_DATE_EPOCH", message: "'\(epoch)' is outside the years 1 to 9999", stage: "render")])
            }
            today = CalendarDay(Date(timeIntervalSince1970: TimeInterval(seconds)), in: timeZone)
            guard CalendarDay.yearRange.contains(today.year) else {
                throw WorkbookErrors([WorkbookError(path: "SOURCE_DATE_EPOCH", message: "'\(epoch)' is outside the years 1 to 9999", stage: "render")])
            }
        } else {
            today = CalendarDay(now, in: timeZone)
        }
        return today
    }

    static func format(_ day: CalendarDay, pattern: String, timeZone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = timeZone
        formatter.dateFormat = pattern
        return formatter.string(from: day.noon(in: timeZone))
    }
}

/// A value computed on first use, then kept.
final class Memo<Value: Sendable>: Sendable {
    private enum State {
        case pending(@Sendable () -> Value)
        case computed(Value)
    }

    private let state: Mutex<State>

    init(_ compute: @escaping @Sendable () -> Value) { state = Mutex(.pending(compute)) }

    var value: Value {
        state.withLock { state in
            switch state {
            case .computed(let value):
                return value
            case .pending(let compute):
                let value = compute()
                state = .computed(value)
                return value
            }
        }
    }
}

extension CalendarDay {
    /// The day on which `date` falls in `timeZone`.
    init(_ date: Date, in timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    /// Noon of this day in `timeZone` (away from any daylight-saving jump).
    func noon(in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12)) ?? Date(timeIntervalSince1970: 0)
    }
}
