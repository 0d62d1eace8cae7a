import ArgumentParser
import WorkbookDriver

struct PromoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promote",
        abstract: "Writes the actual outputs into the chapters (or the ones named) as their recorded outputs.")

    @OptionGroup var root: RootOption
    @OptionGroup var execution: ExecutionFlags
    @OptionGroup var chapters: ChapterArguments

    func run() async throws {
        let (session, selected) = try Console.load(root, chapters)
        let outcome = await session.promote(execution.settings(chapters: selected), progress: Console.progress,
                                            preparation: Console.preparation)
        Console.printTimings(outcome.execution, execution)
        Console.report(outcome.errors, root: session.workbook.root)
        for path in outcome.written { Console.print("promoted \(path)") }
        for skipped in outcome.skipped { Console.print("left \(skipped.path) untouched: \(skipped.reason)") }
        // The book's tests are reported, never rewritten.
        for mismatch in outcome.swifttestMismatches { Console.print(mismatch.description) }
        if !outcome.swifttestMismatches.isEmpty {
            let count = outcome.swifttestMismatches.count
            Console.print("\(count) swifttest mismatch\(count == 1 ? "" : "es") reported, not promoted: swifttest blocks are the book's tests.")
        }
        for mismatch in outcome.docCommentMismatches { Console.print(mismatch.description) }
        Console.annotate(outcome.docCommentMismatches, root: session.workbook.root)
        let sourceFiles = Set(outcome.docCommentMismatches.map(\.path))
        if !sourceFiles.isEmpty {
            Console.print("\(outcome.docCommentMismatches.count) doc comment example\(outcome.docCommentMismatches.count == 1 ? "" : "s") in \(sourceFiles.count) source file\(sourceFiles.count == 1 ? "" : "s") differ from their comments; promote does not rewrite source files: edit them.")
        }
        Console.print(Self.summary(outcome))
        guard outcome.succeeded else { throw ExitCode.failure }
    }

    /// `Promoted 2 chapters.`, `Nothing to promote.`, and how many chapters were left untouched:
    /// `Promoted 1 chapter; 1 chapter left untouched (see above).`
    static func summary(_ outcome: PromoteOutcome) -> String {
        let count = outcome.written.count
        let left = outcome.skipped.count
        let promoted = count > 0 ? "Promoted \(count) chapter\(count == 1 ? "" : "s")" : left > 0 ? "Nothing promoted" : "Nothing to promote"
        guard left > 0 else { return promoted + "." }
        return promoted + "; \(left) chapter\(left == 1 ? "" : "s") left untouched (see above)."
    }
}
