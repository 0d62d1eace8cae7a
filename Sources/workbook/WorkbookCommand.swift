import ArgumentParser
import WorkbookDriver

@main
struct WorkbookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workbook",
        abstract: "Runs the Swift snippets of Markdown chapters and turns them into a tutorial site.",
        version: WorkbookVersion.current,
        subcommands: [InitCommand.self, CheckCommand.self, PromoteCommand.self, BuildCommand.self, CleanCommand.self, ServeCommand.self]
    )
}
