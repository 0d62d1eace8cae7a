import ArgumentParser
import Foundation
import WorkbookKit

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Creates a starter workbook: a commented workbook.toml, one chapter and a .gitignore; overwrites nothing.")

    @Argument(help: "The folder of the new workbook, created when missing (default: the current folder).")
    var folder: String = "."

    func run() throws {
        let url = URL(fileURLWithPath: folder, isDirectory: true).standardizedFileURL
        let created: [String]
        do {
            created = try WorkbookStarter.create(in: url)
        } catch {
            throw Console.fail(error.errors)
        }
        for path in created { Console.print("created \(folder == "." ? path : "\(folder)/\(path)")") }
        let enter = folder == "." ? "" : "cd \(folder) && "
        Console.print("Next: \(enter)workbook check, then workbook build (the site goes to site/).")
    }
}
