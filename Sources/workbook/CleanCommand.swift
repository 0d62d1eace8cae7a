import ArgumentParser
import Foundation
import WorkbookDriver

struct CleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean", abstract: "Removes the cache, the site and what workbook left beside them, only where workbook made them.")

    @OptionGroup var root: RootOption

    @Option(name: .long, help: "The site folder to remove (default: the 'output' key of workbook.toml).")
    var output: String?

    func run() throws {
        let session = try Console.load(root)
        let outcome = session.clean(BuildRequest(outputFolder: output.map { URL(fileURLWithPath: $0, isDirectory: true) }))
        for path in outcome.removed { Console.print("removed \(path)") }
        for note in outcome.notes { Console.print(note) }
        if outcome.removed.isEmpty && outcome.notes.isEmpty && outcome.errors.isEmpty { Console.print("Nothing to clean.") }
        guard outcome.succeeded else { throw Console.fail(outcome.errors, root: session.workbook.root) }
    }
}
