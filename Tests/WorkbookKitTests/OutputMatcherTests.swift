import Testing
@testable import WorkbookKit

@Suite struct OutputMatcherTests {
    let plain = OutputMatcher()

    @Test(arguments: [
        ("a\nb\n", "a\nb\n"),
        ("...\n", ""),
        ("...\n", "x\ny\nz\n"),
        ("start\n...\nend\n", "start\nend\n"),
        ("start\n...\nend\n", "start\n1\n2\n3\nend\n"),
        ("  ...  \n", "anything\n"),
        ("took ... ms\n", "took 12.5 ms\n"),
        ("took ... ms\n", "took  ms\n"),
        ("...fatal error: ...\n", "Swift/Array.swift:418: fatal error: Index out of range\n"),
        ("a ... b ... c\n", "a 1 b 2 c\n"),
        ("...\nb\n...\nb\n", "b\nb\nb\n"),
        ("x...\n...\n...y\n", "x1\ny\n"),
    ])
    func ellipsesMatch(expected: String, actual: String) {
        #expect(plain.matches(expected: expected, actual: actual))
        #expect(plain.diff(expected: expected, actual: actual) == "")
    }

    @Test(arguments: [
        ("a\n", "b\n"),
        ("a\n", "a\na\n"),
        ("start\n...\nend\n", "start\n1\n"),
        ("took ... ms\n", "took 12 s\n"),
        ("a...a\n", "a\n"),
        ("...\nb\n", "b\nc\n"),
        ("a\n...\n", ""),
    ])
    func mismatchesStillFail(expected: String, actual: String) {
        #expect(!plain.matches(expected: expected, actual: actual))
        #expect(plain.diff(expected: expected, actual: actual) != "")
    }

    @Test func aDiffShowsOnlyTheRealDifference() {
        let diff = plain.diff(expected: "start\n...\nresult: 42\n", actual: "start\nstep 1\nstep 2\nresult: 43\n")
        #expect(diff.contains("-result: 42\n+result: 43\n"), "\(diff)")
        #expect(!diff.contains("-..."), "\(diff)")
        #expect(!diff.contains("+step"), "\(diff)")
    }

    @Test func withoutEllipsesTheDiffIsThePlainLineDiff() {
        #expect(plain.diff(expected: "1\n2\n", actual: "1\n3\n")
            == LineDiff(old: "1\n2\n", new: "1\n3\n").unified(oldName: "recorded", newName: "actual"))
    }

    @Test func filtersApplyToBothSidesLineByLine() throws {
        let matcher = OutputMatcher(filters: [
            try OutputFilter(pattern: "0x[0-9a-f]+", replacement: "0x…"),
            try OutputFilter(pattern: "^Elapsed: .*$", replacement: "Elapsed: (time)"),
        ])
        #expect(matcher.matches(expected: "object at 0x1\nElapsed: 0 s\n", actual: "object at 0x7ffee4c0\nElapsed: 3.2 s\n"))
        #expect(matcher.matches(expected: "object at 0x…\n", actual: "object at 0xdead\n"))
        #expect(!matcher.matches(expected: "object at 0x…\n", actual: "object at 12\n"))
        #expect(!plain.matches(expected: "object at 0x1\n", actual: "object at 0x7ffee4c0\n"))
    }

    @Test func aReplacementCanUseGroups() throws {
        let filter = try OutputFilter(pattern: "(\\d+)\\.\\d+", replacement: "$1")
        #expect(filter.apply(to: "mean 2.718, sd 0.5") == "mean 2, sd 0")
    }

    @Test(arguments: [
        ("(", "x"),
        ("", "x"),
        ("a*", "x"),
        ("a", "x\ny"),
    ])
    func badFiltersAreRefused(pattern: String, replacement: String) {
        #expect(throws: OutputFilter.Problem.self) { try OutputFilter(pattern: pattern, replacement: replacement) }
    }
}

@Suite struct RecordedOutputMergerTests {
    let merger = RecordedOutputMerger()

    @Test func aMatchingRecordingIsKeptAsWritten() {
        let recorded = "start\n...\nend\n"
        #expect(merger.merge(recorded: recorded, actual: "start\nx\nend\n") == recorded)
    }

    @Test func ellipsesThatStillMatchAreKept() {
        let merged = merger.merge(recorded: "Run at ...\n...\ntotal = 42\n", actual: "Run at 10:02\nstep\ntotal = 43\n")
        #expect(merged == "Run at ...\n...\ntotal = 43\n")
    }

    @Test func withoutEllipsesTheActualOutputIsRecorded() {
        #expect(merger.merge(recorded: "1\n2\n", actual: "1\n3\n4\n") == "1\n3\n4\n")
    }

    @Test func newLinesAreRecordedAfterTheFilters() throws {
        let merger = RecordedOutputMerger(matcher: OutputMatcher(filters: [try OutputFilter(pattern: "0x[0-9a-f]+", replacement: "0x…")]))
        #expect(merger.merge(recorded: "a at 0x…\n", actual: "a at 0xbeef\nb at 0xcafe\n") == "a at 0x…\nb at 0x…\n")
    }

    @Test(arguments: [
        ("a\n...\nz\n", "a\nb\nc\n"),
        ("...\nold\n", "new 1\nnew 2\n"),
        ("x ... y\nz\n", "x 1 y\nw\n"),
        ("...\n", ""),
        ("", "a\n"),
    ])
    func theMergedTextMatchesTheActualOutput(recorded: String, actual: String) {
        let merged = merger.merge(recorded: recorded, actual: actual)
        #expect(merger.matcher.matches(expected: merged, actual: actual), "\(merged)")
    }
}
