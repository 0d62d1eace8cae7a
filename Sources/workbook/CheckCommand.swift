import ArgumentParser
import WorkbookKit

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Runs every chapter and compares actual with recorded outputs.")

    @OptionGroup var root: RootOption
    @OptionGroup var execution: ExecutionFlags

    func run() async throws {
        let workbook = try Console.load(root)
        let report = await Console.execute(workbook, execution)
        let comparison = OutputComparison().compare(report.chapters)
        for mismatch in comparison.mismatches { Console.print(mismatch.description) }
        for error in report.errors { Console.printError(error.description) }
        Console.print(comparison.summary)
        if comparison.failed > 0 || !report.errors.isEmpty { throw ExitCode.failure }
    }
}
