import ArgumentParser
import Foundation
import WorkbookDriver
import WorkbookKit

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Runs every chapter (or the ones named, the others from the cache) and writes the site from the outputs.")

    @OptionGroup var root: RootOption

    @Option(name: .long, help: "The folder the site is written to (default: the 'output' key of workbook.toml).")
    var output: String?

    @Option(name: .long, help: "The day date placeholders show, written YYYY-MM-DD (default: today).",
            transform: CalendarDay.parseArgument)
    var date: CalendarDay?

    @OptionGroup var execution: ExecutionFlags
    @OptionGroup var chapters: ChapterArguments

    func run() async throws {
        let request = BuildRequest(outputFolder: output.map { URL(fileURLWithPath: $0, isDirectory: true) }, outputArgument: output, date: date)
        let (session, selected) = try Console.load(root, chapters)
        let outcome = await session.build(request, settings: execution.settings(chapters: selected),
                                          progress: Console.progress, preparation: Console.preparation)
        Console.printTimings(outcome.execution, execution)
        guard let site = outcome.site, outcome.succeeded else { throw Console.fail(outcome.errors, root: session.workbook.root) }
        if site.waitedForAnotherBuild {
            Console.print("Another build was writing \(outcome.folder.path); this one waited for it to finish.")
        }
        Console.print("Built \(site.pageCount) pages into \(outcome.folder.path) (\(outcome.execution.tally)) in \(ChapterProgress.format(outcome.seconds)).")
    }
}

extension CalendarDay {
    /// Reads `--date`; a usage error (exit 64) when it is not a day.
    static func parseArgument(_ text: String) throws -> CalendarDay {
        guard let day = CalendarDay(iso: text) else {
            throw ValidationError("expected a day written YYYY-MM-DD, such as 2026-11-21.")
        }
        return day
    }
}
