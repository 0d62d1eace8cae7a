import Foundation
import WorkbookKit

/// What `--timings` prints after a run: each chapter's compile and run time, then the slowest
/// snippets with their `chapters/x.md:LINE` and the seconds the chapter's program measured.
public struct TimingReport: Sendable, Equatable {
    /// One line per chapter, in reading order.
    public var chapters: [String]
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

    public init(_ report: ExecutionReport) {
        let width = report.chapters.map(\.chapter.path.count).max() ?? 0
        chapters = report.chapters.map { executed in
            let path = executed.chapter.path.padding(toLength: width, withPad: " ", startingAt: 0)
            switch executed.provenance {
            case .ran:
                return "\(path)  compile \(ChapterProgress.format(executed.compileSeconds)), run \(ChapterProgress.format(executed.runSeconds))"
            default:
                return "\(path)  \(executed.provenance.rawValue)"
            }
        }
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
        if slowest.isEmpty {
            lines.append("No snippet ran (every chapter was cached or had nothing to run).")
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
