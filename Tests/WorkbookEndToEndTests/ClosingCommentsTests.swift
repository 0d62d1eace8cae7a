import Foundation
import Testing

/// Listings that state their output in the `//` comments closing their code, as Apple's Swift
/// documentation writes it (`prints = "check"`).
@Suite struct ClosingCommentsTests {
    static let fixture = "doc-closing-comments"
    static let path = "chapters/01-control-flow.md"

    @Test func closingCommentsAreCheckedAndAMismatchIsReportedAtTheFirstOfThem() throws {
        let run = try WorkbookProcess.run(["check"], fixture: Self.fixture)
        #expect(run.exitCode == 1)
        #expect(run.stdout.contains(
            "\(Self.path):40:1: the snippet's output differs from the output shown in its closing comments\n--- closing comments\n+++ actual\n"),
            "\(run.stdout)")
        #expect(run.stdout.contains("-3 to the power of 10 is 59048\n+3 to the power of 10 is 59049\n"), "\(run.stdout)")
        #expect(run.stdout.contains(
            "\(Self.path):69:1: the snippet's output differs from the output shown in its closing comments\n"), "\(run.stdout)")
        #expect(run.stdout.contains(" Hello, Alex!\n+Hello, Brian!\n"), "\(run.stdout)")
        #expect(!run.stdout.contains("is not recorded"), "\(run.stdout)")
        // The for-in loop, the loop that prints nothing and the dictionary pass.
        #expect(run.lines.contains("3 passed, 2 failed"), "\(run.stdout)")
    }

    /// A changed line is rewritten in its comment; a listing that printed more lines than its
    /// closing comments state gets a recorded output, its comments left as written.
    @Test func promoteRewritesAChangedClosingCommentAndRecordsALongerOutput() throws {
        let root = try WorkbookProcess.copy(fixture: Self.fixture)
        let original = try root.text(Self.path)
        let promote = try WorkbookProcess.run(["promote"], in: root)
        #expect(promote.exitCode == 0, "\(promote.stdout)\(promote.stderr)")
        #expect(promote.stdout.contains("promoted \(Self.path)"), "\(promote.stdout)")
        let expected = original
            .replacingOccurrences(of: "// 3 to the power of 10 is 59048", with: "// 3 to the power of 10 is 59049")
            + "\n```output\nHello, Alex!\nHello, Brian!\n```\n"
        #expect(expected != original)
        #expect(try root.text(Self.path) == expected)

        let check = try WorkbookProcess.run(["check"], in: root)
        #expect(check.exitCode == 0, "\(check.stdout)")
        #expect(check.lines.contains("5 passed, 0 failed"), "\(check.stdout)")
        #expect(try WorkbookProcess.run(["promote"], in: root).stdout.contains("Nothing to promote."))
        #expect(try root.text(Self.path) == expected)
    }
}
