import ArgumentParser
import WorkbookDriver

struct PromoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promote", abstract: "Writes the actual outputs into the chapters as their recorded outputs.")

    @OptionGroup var root: RootOption
    @OptionGroup var execution: ExecutionFlags

    func run() async throws {
        let outcome = try await Console.load(root).promote(execution.settings, progress: Console.progress)
        guard outcome.succeeded else { throw Console.fail(outcome.errors) }
        for path in outcome.written { Console.print("promoted \(path)") }
        let count = outcome.written.count
        Console.print(count == 0 ? "Nothing to promote." : "Promoted \(count) chapter\(count == 1 ? "" : "s").")
    }
}
