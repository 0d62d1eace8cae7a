import Foundation
import WorkbookKit

/// What `--timings` prints after a run: each chapter's compile and run time, then the slowest
/// snippets with their `chapters/x.md:LINE` and the seconds the chapter's program measured.
/// A chapter whose program was compiled again with plain `swiftc` after a compile shortcut
/// failed says which one, and a line counts such programs by shortcut.
public struct TimingReport: Sendable, Equatable {
    /// One line per chapter, in reading order.
    public var chapters: [String]
    /// `2 programs were compiled again with plain swiftc after a compile shortcut failed:
    /// compiler job 1, direct link 1.`, or `nil` when none was.
    public var fallbackLine: String?
    /// The slowest snippets that ran, slowest first, at most ``slowestCount``.
    public var slowest: [SlowSnippet]

    public static let slowestCount = 10

    /// A snippet and how long it ran.
    public struct SlowSnippet: Sendable, Equatable {
        /// `chapters/x.md:LINE`, the snippet's opening fence.
        public var location: String
        public var seconds: Double

        public init(location: String, seconds: Double) {
            self.location = location
            self.seconds = seconds
        }
    }

    /// Why no snippet has a run time, from the chapters' outcomes: `No snippet ran to the end:
    /// 24 chapters failed (see the errors above), 3 cached.` (never that everything was cached
    /// when a chapter failed).
    public var idleLine: String

    public init(_ report: ExecutionReport) {
        var reasons: [String] = []
        let failed = report.chapters.filter { !$0.succeeded }.count
        if failed > 0 { reasons.append("\(failed) chapter\(failed == 1 ? "" : "s") failed (see the errors above)") }
        let words: [(ExecutionProvenance, String)] = [(.cached, "cached"), (.nothingToRun, "with nothing to run"),
                                                       (.recorded, "not selected"), (.notRun, "not run")]
        for (provenance, word) in words {
            let count = report.chapters.filter { $0.succeeded && $0.provenance == provenance }.count
            if count > 0 { reasons.append("\(count) \(word)") }
        }
        let ranWithoutTimes = report.chapters.filter { $0.succeeded && $0.provenance == .ran }.count
        if ranWithoutTimes > 0 { reasons.append("\(ranWithoutTimes) ran without a snippet to time") }
        idleLine = "No snippet ran to the end" + (reasons.isEmpty ? "." : ": " + reasons.joined(separator: ", ") + ".")

        let width = report.chapters.map(\.chapter.path.count).max() ?? 0
        chapters = report.chapters.map { executed in
            let path = executed.chapter.path.padding(toLength: width, withPad: " ", startingAt: 0)
            switch executed.provenance {
            case .ran:
                let line = "\(path)  compile \(ChapterProgress.format(executed.compileSeconds)), run \(ChapterProgress.format(executed.runSeconds))"
                guard !executed.compileFallbacks.isEmpty else { return line }
                return line + ", fell back to plain swiftc (\(CompileShortcut.tally(executed.compileFallbacks)))"
            default:
                return "\(path)  \(executed.provenance.rawValue)"
            }
        }
        let fallbacks = report.chapters.flatMap(\.compileFallbacks)
        fallbackLine = fallbacks.isEmpty ? nil
            : "\(fallbacks.count) program\(fallbacks.count == 1 ? " was" : "s were") compiled again with plain swiftc after a compile shortcut failed: "
                + CompileShortcut.tally(fallbacks) + "."
        var snippets: [SlowSnippet] = []
        for executed in report.chapters {
            for snippet in executed.chapter.snippets {
                guard let seconds = executed.snippetSeconds[snippet.index] else { continue }
                snippets.append(SlowSnippet(location: "\(executed.chapter.path):\(snippet.fenceLine)", seconds: seconds))
            }
        }
        slowest = Array(snippets.enumerated()
            .sorted { $0.element.seconds != $1.element.seconds ? $0.element.seconds > $1.element.seconds : $0.offset < $1.offset }
            .map(\.element).prefix(Self.slowestCount))
    }

    /// The printed report.
    public var lines: [String] {
        var lines = ["Timings (compile and run, per chapter):"] + chapters.map { "  " + $0 }
        if let fallbackLine { lines.append(fallbackLine) }
        if slowest.isEmpty {
            lines.append(idleLine)
        } else {
            lines.append("Slowest snippets (run time measured by the chapter's program):")
            let width = slowest.map(\.location.count).max() ?? 0
            for snippet in slowest {
                lines.append("  \(snippet.location.padding(toLength: width, withPad: " ", startingAt: 0))  \(Self.format(snippet.seconds))")
            }
        }
        return lines
    }

    /// Seconds with three decimals: snippets often run for milliseconds.
    static func format(_ seconds: Double) -> String {
        let thousandths = Int((seconds * 1000).rounded())
        let fraction = String(thousandths % 1000)
        return "\(thousandths / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction) s"
    }
}
