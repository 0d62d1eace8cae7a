import ArgumentParser
import Foundation
import WorkbookDriver
import WorkbookKit

/// Where the workbook is, shared by every subcommand.
struct RootOption: ParsableArguments {
    @Option(name: .long, help: "The workbook's root folder, holding workbook.toml and the chapters (default: the nearest folder, from the current one up, holding workbook.toml).")
    var root: String?

    /// The `--root` folder, else the nearest folder holding `workbook.toml`.
    func locate() throws(WorkbookErrors) -> URL {
        if let root { return URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL }
        return try WorkbookLocator.root(containing: Console.currentFolder)
    }
}

/// The chapters named on the command line: only these are run.
struct ChapterArguments: ParsableArguments {
    @Argument(help: "Chapter files to run, such as chapters/02-x.md (default: every chapter).")
    var chapters: [String] = []
}

/// How chapters are executed.
struct ExecutionFlags: ParsableArguments {
    @Flag(name: .long, help: "Reuse nothing earlier runs stored: compile and run every chapter, build the package and render the site again (what is made is still stored for the next run).")
    var noCache = false

    @Option(name: .long, help: "The number of chapters to compile and run at once (default: the number of cores).")
    var jobs: Int?

    @Flag(name: .long, help: "After the run, print each chapter's compile and run time and the ten slowest snippets.")
    var timings = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("'--jobs' must be at least 1.") }
    }

    /// The settings of a run of `chapters` (`nil`: all).
    func settings(chapters: Set<String>?) -> RunSettings { RunSettings(useCache: !noCache, jobs: jobs, chapters: chapters) }
}
