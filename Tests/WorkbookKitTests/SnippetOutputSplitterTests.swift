import Testing
@testable import WorkbookKit
@testable import WorkbookSwiftEngine

@Suite struct SnippetOutputSplitterTests {
    let boundary = "\u{1}b"

    func split(_ stream: String, limit: Int = 1 << 20) -> SnippetOutputSplitter {
        var splitter = SnippetOutputSplitter(boundary: boundary, limit: limit)
        // Feed in small pieces, as a pipe would.
        var bytes = Array(stream.utf8)[...]
        while !bytes.isEmpty {
            splitter.append(bytes.prefix(3))
            bytes = bytes.dropFirst(3)
        }
        splitter.finish()
        return splitter
    }

    @Test func outputsAreSplitExactly() {
        let stream = "\u{1}b begin 0\nhello\n\n\u{1}b end 0\n\u{1}b begin 2\nno newline\n\u{1}b end 2\n\u{1}b begin 3\n\n\u{1}b end 3\n"
        let splitter = split(stream)
        #expect(splitter.finished[0].map { String(decoding: $0, as: UTF8.self) } == "hello\n")
        #expect(splitter.finished[2].map { String(decoding: $0, as: UTF8.self) } == "no newline")
        #expect(splitter.finished[3] == [])
        #expect(splitter.running == nil)
    }

    @Test func endLinesCarryTheSecondsTheSnippetRan() {
        let splitter = split("\u{1}b begin 0\nhi\n\n\u{1}b end 0 0.125\n\u{1}b begin 1\n\n\u{1}b end 1\n")
        #expect(splitter.finished[0].map { String(decoding: $0, as: UTF8.self) } == "hi\n")
        #expect(splitter.seconds[0] == 0.125)
        #expect(splitter.finished[1] == [])
        #expect(splitter.seconds[1] == nil)
    }

    @Test func aSnippetThatNeverEndsIsRunning() {
        let splitter = split("\u{1}b begin 0\n\n\u{1}b end 0\n\u{1}b begin 1\npartial")
        #expect(splitter.running == 1)
        #expect(String(decoding: splitter.runningOutput, as: UTF8.self) == "partial")
    }

    @Test func outputOverTheLimitIsFlagged() {
        let splitter = split("\u{1}b begin 0\n" + String(repeating: "x", count: 100), limit: 10)
        #expect(splitter.overflowed == 0)
    }

    @Test(arguments: [
        (String(repeating: "x", count: 10), false),
        (String(repeating: "x", count: 9) + "\n", false),
        (String(repeating: "x\n", count: 5), false),
        (String(repeating: "x", count: 11), true),
        (String(repeating: "x", count: 10) + "\n", true),
        (String(repeating: "\n", count: 11), true),
    ])
    func theLimitIsExactlyTheSnippetsOwnBytes(output: String, over: Bool) {
        let splitter = split("\u{1}b begin 0\n" + output + "\n\u{1}b end 0\n", limit: 10)
        #expect((splitter.overflowed == 0) == over)
        #expect((splitter.finished[0] == Array(output.utf8)) == !over)
    }
}
