import ArgumentParser
import WorkbookDriver

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Runs every chapter (or the ones named) and compares actual with recorded outputs.")

    @OptionGroup var root: RootOption
    @OptionGroup var execution: ExecutionFlags
    @OptionGroup var chapters: ChapterArguments

    func run() async throws {
        let (session, selected) = try Console.load(root, chapters)
        let outcome = await session.check(execution.settings(chapters: selected), progress: Console.progress,
                                          preparation: Console.preparation)
        for mismatch in outcome.comparison.mismatches { Console.print(mismatch.description) }
        Console.annotate(outcome.comparison.mismatches, root: session.workbook.root)
        Console.report(outcome.execution.errors, root: session.workbook.root)
        Console.printTimings(outcome.execution, execution)
        for chapter in outcome.comparison.perChapter { Console.print(chapter.line) }
        Console.print(outcome.comparison.summary)
        if !outcome.succeeded { throw ExitCode.failure }
    }
}
