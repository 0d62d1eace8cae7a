import Foundation
import Synchronization
import Testing
import WorkbookKit
@testable import WorkbookSite

/// What a build that changed nothing does not do again: read KaTeX's script, ask git.
@Suite struct WarmBuildTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("warm-\(UUID().uuidString)", isDirectory: true)

    @Test func kaTeXVersionIsReadOnceThenAgainWhenTheScriptChanges() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent("katex.js")
        let cache = folder.appendingPathComponent("cache")
        try Data(#"var a = {version:"0.16.4"};"#.utf8).write(to: script)
        let version = KaTeXVersion(script: script, cacheFolder: cache)
        #expect(version.read() == "0.16.4")

        // The memo answers while the script is unchanged: a memo naming another version wins.
        let memo = cache.appendingPathComponent(KaTeXVersion.memoName)
        let text = try String(contentsOf: memo, encoding: .utf8)
        try text.replacingOccurrences(of: "0.16.4", with: "9.9.9").write(to: memo, atomically: true, encoding: .utf8)
        #expect(version.read() == "9.9.9")

        // The same size, written in place: the script is read again.
        try Data(#"var a = {version:"0.16.5"};"#.utf8).write(to: script)
        #expect(version.read() == "0.16.5")
        #expect(version.read() == "0.16.5")
        // Replaced by another file.
        try FileManager.default.removeItem(at: script)
        try Data(#"var b = {version: "0.17.0"};"#.utf8).write(to: script)
        #expect(version.read() == "0.17.0")
        try FileManager.default.removeItem(at: script)
        #expect(version.read() == nil)
    }

    @Test func repositoryStartIsLookedUpOnlyWhenAPlaceholderNeedsItAndOnce() throws {
        let calls = Mutex(0)
        let lookup = RepositoryStart.Lookup {
            calls.withLock { $0 += 1 }
            return .success(CalendarDay(year: 2026, month: 1, day: 1))
        }
        let date = BuildDate(today: CalendarDay(year: 2026, month: 1, day: 11), pretty: "")
        let expander = PlaceholderExpander(date: date, repositoryStartLookup: lookup)
        #expect(expander.value(of: "DATE_ISO") == .success("2026-01-11"))
        #expect(calls.withLock { $0 } == 0)
        #expect(expander.value(of: "DAYS_SINCE_REPO_START") == .success("10"))
        #expect(expander.value(of: "DAYS_SINCE_REPO_START") == .success("10"))
        #expect(calls.withLock { $0 } == 1)
    }

    @Test func aStartedLookupIsAwaitedNotRepeated() throws {
        let calls = Mutex(0)
        // The lookup runs until the test lets it finish, after it has been started twice.
        let entered = DispatchSemaphore(value: 0)
        let open = DispatchSemaphore(value: 0)
        let lookup = RepositoryStart.Lookup {
            calls.withLock { $0 += 1 }
            entered.signal()
            open.wait()
            return .failure(.init(message: "no history"))
        }
        lookup.start()
        lookup.start()
        entered.wait()
        open.signal()
        #expect(lookup.value == .failure(.init(message: "no history")))
        #expect(lookup.value == .failure(.init(message: "no history")))
        #expect(calls.withLock { $0 } == 1)
    }
}

@Suite struct ByteSearchTests {
    @Test(arguments: [
        ("", "", true), ("abc", "", true), ("", "a", false), ("abc", "abc", true), ("abc", "abcd", false),
        ("xx>doc:Name", ">doc:", true), (">do>doc", ">doc:", false), ("aaab", "aab", true), ("é{{DAYS", "{{DAYS", true),
        ("cafe\u{301}", "é", false),
    ])
    func findsBytes(text: String, needle: String, found: Bool) {
        #expect(text.containsBytes(of: needle) == found)
    }
}
