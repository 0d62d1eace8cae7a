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
        Console.report(outcome.execution.errors + outcome.siteErrors, root: session.workbook.root)
        Console.printTimings(outcome.execution, execution)
        let sourceFiles = Set(outcome.docComments?.files.map(\.path) ?? [])
        for chapter in outcome.comparison.perChapter {
            Console.print(sourceFiles.contains(chapter.path) ? DocCommentReport.line(chapter) : chapter.line)
        }
        if let docComments = outcome.docComments { Console.print(docComments.summary) }
        let broken = outcome.siteErrors.count
        Console.print(outcome.comparison.summary + (broken == 0 ? "" : ", \(broken) broken link\(broken == 1 ? "" : "s") or image\(broken == 1 ? "" : "s")"))
        if !outcome.succeeded { throw ExitCode.failure }
    }
}
