import ArgumentParser
import Foundation
import WorkbookKit
import WorkbookSwiftEngine

struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Creates a starter workbook: a commented workbook.toml, one chapter and a .gitignore; overwrites nothing.")

    @Argument(help: "The folder of the new workbook, created when missing (default: the current folder).")
    var folder: String = "."

    @Option(name: .customLong("package"),
            help: "Writes only a workbook.toml that checks the doc comment examples of the Swift package in this folder.")
    var package: String?

    func run() async throws {
        let url = URL(fileURLWithPath: folder, isDirectory: true).standardizedFileURL
        let created: [String]
        do {
            if let package {
                created = [try await PackageStarter.create(in: url, packageFolder: URL(fileURLWithPath: package, isDirectory: true),
                                                           environment: Console.inputs.environment)]
            } else {
                created = try WorkbookStarter.create(in: url)
            }
        } catch {
            throw Console.fail(error.errors)
        }
        for path in created { Console.print("created \(folder == "." ? path : "\(folder)/\(path)")") }
        let enter = folder == "." ? "" : "cd \(folder) && "
        if package != nil {
            Console.print("Next: \(enter)workbook check (add /.workbook-cache/ to .gitignore).")
        } else {
            Console.print("Next: \(enter)workbook check, then workbook build (the site goes to site/).")
        }
    }
}
