import ArgumentParser
import Foundation
import WorkbookDriver
import WorkbookKit

/// Where the workbook is, shared by every subcommand.
struct RootOption: ParsableArguments {
    @Option(name: .long, help: "The workbook's root folder, holding workbook.toml and the chapters.")
    var root: String = "."

    var url: URL { URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL }
}

/// How chapters are executed.
struct ExecutionFlags: ParsableArguments {
    @Flag(name: .long, help: "Execute every chapter even when a cached result exists.")
    var noCache = false

    @Option(name: .long, help: "The number of chapters to compile and run at once (default: the number of cores).")
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("'--jobs' must be at least 1.") }
    }

    var settings: RunSettings { RunSettings(useCache: !noCache, jobs: jobs) }
}
