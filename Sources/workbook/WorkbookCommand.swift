import ArgumentParser

@main
struct WorkbookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workbook",
        abstract: "Runs the Swift snippets of Markdown chapters and turns them into a tutorial site.",
        subcommands: [BuildCommand.self, CheckCommand.self, PromoteCommand.self, ServeCommand.self]
    )
}
