import Testing
@testable import WorkbookKit

@Suite struct LineDiffTests {
    @Test func equalTextsHaveNoDiff() {
        #expect(LineDiff(old: "a\nb\n", new: "a\nb\n").unified(oldName: "recorded", newName: "actual") == "")
    }

    @Test func changedLineIsShownWithContext() {
        let diff = LineDiff(old: "1\n2\n3\n4\n5\n6\n7\n8\n", new: "1\n2\n3\n4\nfive\n6\n7\n8\n")
        #expect(diff.unified(oldName: "recorded", newName: "actual") == """
            --- recorded
            +++ actual
            @@ -2,7 +2,7 @@
             2
             3
             4
            -5
            +five
             6
             7
             8

            """)
    }

    @Test(arguments: [
        ("", "a\n", "@@ -0,0 +1 @@\n+a\n"),
        ("a\n", "", "@@ -1 +0,0 @@\n-a\n"),
        ("a\nb\n", "a\nc\nb\n", "@@ -1,2 +1,3 @@\n a\n+c\n b\n"),
    ])
    func insertionsAndDeletions(old: String, new: String, hunk: String) {
        #expect(LineDiff(old: old, new: new).unified(oldName: "o", newName: "n") == "--- o\n+++ n\n" + hunk)
    }

    @Test func distantChangesMakeSeparateHunks() {
        let old = (1...20).map { "\($0)\n" }.joined()
        let new = old.replacingOccurrences(of: "2\n", with: "two\n").replacingOccurrences(of: "19\n", with: "nineteen\n")
        let diff = LineDiff(old: old, new: new).unified(oldName: "o", newName: "n")
        #expect(diff.components(separatedBy: "@@ -").count == 3)
    }

    @Test func editScriptIsALongestCommonSubsequence() {
        let diff = LineDiff(old: "a\nb\nc\nd\n", new: "b\nc\nx\nd\n")
        #expect(diff.edits == [.removed("a"), .same("b"), .same("c"), .added("x"), .same("d")])
    }
}
