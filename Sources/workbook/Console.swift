import ArgumentParser
import Foundation
import WorkbookDriver
import WorkbookKit

/// Printing for the subcommands: progress on stdout, errors on stderr (and, in a GitHub
/// Actions job, as annotations on stdout).
enum Console {
    /// The exit status of a usage error (`EX_USAGE`): no workbook found, an unknown chapter.
    static let usageError = ExitCode(64)
    static let inputs = WorkbookInputs.current()
    static var currentFolder: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true) }

    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Prints each chapter's progress line.
    static let progress: @Sendable (ChapterProgress) -> Void = { print($0.line) }

    /// Prints a line when core modules start building and when they are built.
    static let preparation: @Sendable (PreparationProgress) -> Void = { print($0.line) }

    /// Prints `errors` (and their annotations in GitHub Actions) and fails the command.
    static func fail(_ errors: [WorkbookError], root: URL? = nil, exitCode: ExitCode = .failure) -> ExitCode {
        report(errors, root: root)
        return exitCode
    }

    /// Prints `errors`, and their annotations in GitHub Actions.
    static func report(_ errors: [WorkbookError], root: URL?) {
        for error in errors { printError(error.description) }
        if inputs.isGitHubActions {
            let annotations = GitHubAnnotations(root: root ?? currentFolder, inputs: inputs)
            for error in errors { print(annotations.line(for: error)) }
        }
    }

    /// Prints the annotations of `mismatches` in GitHub Actions.
    static func annotate(_ mismatches: [SnippetMismatch], root: URL) {
        guard inputs.isGitHubActions else { return }
        let annotations = GitHubAnnotations(root: root, inputs: inputs)
        for mismatch in mismatches { print(annotations.line(for: mismatch)) }
    }

    /// Prints the `--timings` report of `execution` when asked for.
    static func printTimings(_ execution: ExecutionReport, _ flags: ExecutionFlags) {
        guard flags.timings else { return }
        for line in TimingReport(execution).lines { print(line) }
    }

    /// Loads the workbook at `root` (or the nearest one up from the current folder), or
    /// prints why not and fails.
    static func load(_ root: RootOption) throws -> WorkbookSession {
        ProcessGroups.installSignalHandlers()
        let folder: URL
        do {
            folder = try root.locate()
        } catch {
            throw fail(error.errors, exitCode: usageError)
        }
        do {
            return try WorkbookSession.load(root: folder, inputs: inputs)
        } catch {
            throw fail(error.errors, root: folder)
        }
    }

    /// Loads the workbook and resolves the chapters named on the command line.
    static func load(_ root: RootOption, _ chapters: ChapterArguments) throws -> (WorkbookSession, Set<String>?) {
        let session = try load(root)
        do {
            let selected = try ChapterSelection.resolve(chapters.chapters, in: session.workbook, relativeTo: currentFolder)
            return (session, selected)
        } catch {
            throw fail(error.errors, root: session.workbook.root, exitCode: usageError)
        }
    }
}
