import Foundation
import Subprocess
import SwiftToolchain
import WorkbookKit

/// Explains why a chapter program stopped early, at the snippet that was running.
struct ProgramFailure {
    var outcome: ProgramOutcome
    var chapter: Chapter
    var timeout: Double

    var error: WorkbookError? {
        let splitter = outcome.splitter
        let stderr = CompilerDiagnostics.excerpt(runtimeMessages)
        if let index = splitter.overflowed {
            let limit = ChapterRunner.outputLimit / 1024
            return located(index, "the snippet printed more than \(limit) KiB; a snippet's output is capped at \(limit) KiB")
        }
        if outcome.timedOut {
            let seconds = timeout == timeout.rounded() ? String(Int(timeout)) : String(timeout)
            let message = "chapter '\(chapter.path)' timed out after \(seconds) s"
            guard let index = splitter.running else {
                return WorkbookError(path: chapter.path, message: message, stage: "run", details: stderr)
            }
            return located(index, "\(message) while running snippet \(index + 1) (the 'timeout' of workbook.toml sets the limit)", details: stderr)
        }
        let how: String
        switch outcome.status {
        case .exited(0):
            guard let index = splitter.running else { return nil }
            return located(index, "the program exited during this snippet", details: stderr)
        case .exited(let code):
            how = "exited with status \(code)"
        case .signaled(let signal):
            how = "crashed (\(Self.name(ofSignal: Int32(signal))))"
        }
        guard let index = splitter.running else {
            return WorkbookError(path: chapter.path, message: "the chapter's program \(how)", stage: "run", details: stderr)
        }
        let summary = fatalErrorLine(in: runtimeMessages).map { ": \($0)" } ?? ""
        return located(index, "the snippet \(how)\(summary)", details: stderr, line: reportedLine(in: runtimeMessages, snippet: index))
    }

    /// stderr with runtime locations (`WorkbookChapter/x.md:14`) written as chapter paths and
    /// stack-trace frames dropped.
    var runtimeMessages: String {
        let name = ChapterProgram.locationName(chapter.path)
        let fileID = "\(CompilerFlags.programModuleName)/\(name.split(separator: "/").last ?? Substring(name)):"
        return outcome.standardError.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !Self.isStackFrame($0) }
            .map { $0.replacingOccurrences(of: fileID, with: name + ":") }
            .joined(separator: "\n")
    }

    static func isStackFrame(_ line: Substring) -> Bool {
        if line.hasPrefix("Current stack trace:") || line.hasPrefix("Stack dump:") { return true }
        let fields = line.split(separator: " ", omittingEmptySubsequences: true)
        return fields.count >= 3 && Int(fields[0]) != nil && fields.dropFirst().prefix(3).contains { $0.hasPrefix("0x") }
    }

    private func located(_ index: Int, _ message: String, details: String = "", line: Int? = nil) -> WorkbookError {
        let snippet = chapter.snippets[index]
        return WorkbookError(path: chapter.path, line: line ?? snippet.fenceLine, column: 0,
                             message: message, stage: "run", details: details)
    }

    /// `Fatal error: …` as Swift's runtime prints it, without its location prefix.
    private func fatalErrorLine(in stderr: String) -> String? {
        for line in stderr.split(separator: "\n") {
            if let range = line.range(of: "Fatal error: ") { return String(line[range.lowerBound...]) }
        }
        return nil
    }

    /// The chapter line named by a runtime message (`chapters/x.md:14: Fatal error: …`), when
    /// it lies inside the running snippet.
    private func reportedLine(in stderr: String, snippet index: Int) -> Int? {
        let snippet = chapter.snippets[index]
        let prefix = ChapterProgram.locationName(chapter.path) + ":"
        for line in stderr.split(separator: "\n") {
            guard let range = line.range(of: prefix) else { continue }
            let digits = line[range.upperBound...].prefix { $0.isNumber }
            if let number = Int(digits), (snippet.codeFirstLine..<snippet.lineRange.upperBound).contains(number) {
                return number
            }
        }
        return nil
    }

    static func name(ofSignal signal: Int32) -> String {
        switch signal {
        case 4: "illegal instruction: a Swift runtime trap"
        case 5: "trace trap: a Swift runtime trap"
        case 6: "abort"
        case 8: "floating-point exception"
        case 9: "killed"
        case 11: "segmentation fault"
        default: "signal \(signal)"
        }
    }
}
