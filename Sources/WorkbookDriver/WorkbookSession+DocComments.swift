import Foundation
import WorkbookKit
import WorkbookSwiftEngine

extension WorkbookSession {
    /// `workbook` with the chapters of its doc comment examples after its own, when
    /// `doc_comments = "check"` and no chapter is selected, and the errors met finding them.
    func withDocComments(_ workbook: Workbook, _ settings: RunSettings) async -> (Workbook, [WorkbookError]) {
        guard workbook.config.docComments == .check, settings.chapters == nil else { return (workbook, []) }
        var extended = workbook
        do {
            extended.chapters += try await DocCommentLoader(environment: inputs.environment, useCache: settings.useCache).chapters(of: workbook)
            return (extended, [])
        } catch {
            return (workbook, error.errors)
        }
    }
}

/// The doc comment examples of a `check` or `promote`, per source file.
public struct DocCommentReport: Sendable, Equatable {
    /// One tally per source file with examples, in path order.
    public var files: [ChapterTally]

    public init(files: [ChapterTally]) {
        self.files = files
    }

    /// The report of the source files among `tallies`.
    init(_ tallies: [ChapterTally], sourceFiles: Set<String>) {
        files = tallies.filter { sourceFiles.contains($0.path) }
    }

    /// The examples that were compiled and run (or failed trying), of `tally`.
    static func ran(_ tally: SnippetTally) -> Int {
        tally.passed + tally.mismatched + tally.didNotCompile + tally.failedAtRunTime
    }

    /// `Sources/X/File.swift: 4 examples ran, 3 passed, 1 failed; 1 template`.
    public static func line(_ file: ChapterTally) -> String {
        "\(file.path): \(words(file.tally))"
    }

    static func words(_ tally: SnippetTally) -> String {
        let ran = ran(tally)
        var text = "\(ran) example\(ran == 1 ? "" : "s") ran, \(tally.passed) passed, \(tally.failed) failed"
        if tally.didNotRun > 0 { text += " (\(tally.didNotRun) did not run)" }
        var shown: [String] = []
        if tally.templates > 0 { shown.append("\(tally.templates) template\(tally.templates == 1 ? "" : "s")") }
        if tally.signatures > 0 { shown.append("\(tally.signatures) signature\(tally.signatures == 1 ? "" : "s")") }
        if tally.compiledNotRun > 0 { shown.append("\(tally.compiledNotRun) compiled, not run") }
        if tally.norun > 0 { shown.append("\(tally.norun) norun") }
        return text + shown.map { "; " + $0 }.joined()
    }

    /// `Doc comment examples in 5 files: 40 ran, 38 passed, 2 failed`.
    public var summary: String {
        let total = files.reduce(SnippetTally()) { $0 + $1.tally }
        return "Doc comment examples in \(files.count) file\(files.count == 1 ? "" : "s"): \(Self.words(total))"
    }
}
