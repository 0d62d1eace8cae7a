import ArgumentParser
import Foundation
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

    var options: ExecutionOptions { ExecutionOptions(useCache: !noCache, jobs: jobs) }
}

/// Printing for the subcommands: progress on stdout, errors on stderr.
enum Console {
    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Prints `errors` and fails the command.
    static func fail(_ errors: [WorkbookError]) -> ExitCode {
        for error in errors { printError(error.description) }
        return ExitCode.failure
    }

    static func load(_ root: RootOption) throws -> Workbook {
        do {
            return try WorkbookLoader().load(from: root.url)
        } catch {
            throw fail(error.errors)
        }
    }

    static func execute(_ workbook: Workbook, _ flags: ExecutionFlags) async -> ExecutionReport {
        ProcessGroups.installSignalHandlers()
        return await WorkbookExecutor(options: flags.options).execute(workbook) { Console.print($0.line) }
    }
}
