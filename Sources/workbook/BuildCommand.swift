import ArgumentParser
import Foundation
import WorkbookKit
import WorkbookSite

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Runs every chapter and writes the site from the actual outputs.")

    @OptionGroup var root: RootOption

    @Option(name: .long, help: "The folder the site is written to (default: the 'output' key of workbook.toml).")
    var output: String?

    @Option(name: .long, help: "The day date placeholders show, written YYYY-MM-DD (default: today).")
    var date: String?

    @OptionGroup var execution: ExecutionFlags

    func validate() throws {
        if let date, CalendarDay(iso: date) == nil {
            throw ValidationError("'--date' must be a day written YYYY-MM-DD, not '\(date)'.")
        }
    }

    func run() async throws {
        let start = ContinuousClock.now
        let workbook = try Console.load(root)
        let folder = output.map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? workbook.root.appendingPathComponent(workbook.config.outputFolder, isDirectory: true)
        if let problem = OutputFolderPolicy.check(workbook: workbook, output: output, folder: folder) {
            throw Console.fail([problem])
        }
        let report = await Console.execute(workbook, execution)
        guard report.errors.isEmpty else { throw Console.fail(report.errors) }
        let options = SiteOptions(outputFolder: folder.standardizedFileURL, date: date,
                                  environment: ProcessInfo.processInfo.environment)
        do {
            let site = try SiteGenerator().generate(workbook: workbook, chapters: report.chapters, options: options)
            let seconds = ChapterProgress.format((ContinuousClock.now - start) / .seconds(1))
            Console.print("Built \(site.pageCount) pages into \(folder.standardizedFileURL.path) (\(report.tally)) in \(seconds).")
        } catch {
            throw Console.fail(error.errors)
        }
    }
}
