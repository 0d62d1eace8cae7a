import ArgumentParser
import Foundation
import WorkbookDriver
import WorkbookKit

/// Printing for the subcommands: progress on stdout, errors on stderr.
enum Console {
    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Prints each chapter's progress line.
    static let progress: @Sendable (ChapterProgress) -> Void = { print($0.line) }

    /// Prints `errors` and fails the command.
    static func fail(_ errors: [WorkbookError]) -> ExitCode {
        for error in errors { printError(error.description) }
        return ExitCode.failure
    }

    /// Loads the workbook at `root`, or prints why not and fails.
    static func load(_ root: RootOption) throws -> WorkbookSession {
        do {
            return try WorkbookSession.load(root: root.url)
        } catch {
            throw fail(error.errors)
        }
    }
}
