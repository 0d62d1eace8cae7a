import ArgumentParser
import WorkbookKit

struct PromoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promote", abstract: "Writes the actual outputs into the chapters as their recorded outputs.")

    @OptionGroup var root: RootOption
    @OptionGroup var execution: ExecutionFlags

    func run() async throws {
        let workbook = try Console.load(root)
        let report = await Console.execute(workbook, execution)
        do {
            let written = try Promoter().promote(report, root: workbook.root)
            for path in written { Console.print("promoted \(path)") }
            Console.print(written.isEmpty ? "Nothing to promote." : "Promoted \(written.count) chapter\(written.count == 1 ? "" : "s").")
        } catch {
            throw Console.fail(error.errors)
        }
    }
}
