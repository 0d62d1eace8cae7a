import ArgumentParser
import WorkbookDriver

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Runs every chapter and compares actual with recorded outputs.")

    @OptionGroup var root: RootOption
    @OptionGroup var execution: ExecutionFlags

    func run() async throws {
        let outcome = try await Console.load(root).check(execution.settings, progress: Console.progress)
        for mismatch in outcome.comparison.mismatches { Console.print(mismatch.description) }
        for error in outcome.execution.errors { Console.printError(error.description) }
        Console.print(outcome.comparison.summary)
        if !outcome.succeeded { throw ExitCode.failure }
    }
}
