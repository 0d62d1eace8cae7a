import ArgumentParser
import WorkbookDriver

struct PromoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promote",
        abstract: "Writes the actual outputs into the chapters (or the ones named) as their recorded outputs.")

    @OptionGroup var root: RootOption
    @OptionGroup var execution: ExecutionFlags
    @OptionGroup var chapters: ChapterArguments

    func run() async throws {
        let (session, selected) = try Console.load(root, chapters)
        let outcome = await session.promote(execution.settings(chapters: selected), progress: Console.progress,
                                            preparation: Console.preparation)
        Console.printTimings(outcome.execution, execution)
        guard outcome.succeeded else { throw Console.fail(outcome.errors, root: session.workbook.root) }
        for path in outcome.written { Console.print("promoted \(path)") }
        let count = outcome.written.count
        Console.print(count == 0 ? "Nothing to promote." : "Promoted \(count) chapter\(count == 1 ? "" : "s").")
    }
}
