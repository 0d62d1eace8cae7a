import SwiftToolchain
import WorkbookKit

/// Splits a chapter program's stdout into the output of each snippet, as it arrives.
///
/// The program prints `<boundary> begin <i>` before snippet `i` and
/// `\n<boundary> end <i> <seconds>` after it (the leading newline ends any unterminated last
/// line, and is not output; `<seconds>` is how long the snippet ran, by the program's clock).
/// `limit` is exactly the most bytes a snippet may print of its own.
struct SnippetOutputSplitter {
    let boundary: [UInt8]
    let limit: Int
    /// The output of each finished snippet, by snippet index.
    private(set) var finished: [Int: [UInt8]] = [:]
    /// The seconds each finished snippet ran, as the program measured them, by snippet index.
    private(set) var seconds: [Int: Double] = [:]
    /// The snippet that began and has not ended, if any.
    private(set) var running: Int? = nil
    /// The snippet whose output went over `limit`.
    private(set) var overflowed: Int? = nil
    private var current: [UInt8] = []
    private var partialLine: [UInt8] = []

    init(boundary: String, limit: Int) {
        self.boundary = Array(boundary.utf8)
        self.limit = limit
    }

    mutating func append<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
        for byte in bytes {
            partialLine.append(byte)
            if byte == UInt8(ascii: "\n") {
                take(line: partialLine)
                partialLine.removeAll(keepingCapacity: true)
            } else if let running, overflowed == nil, current.count + partialLine.count > limit + 1, !mayBeBoundary(partialLine) {
                overflowed = running
            }
            if overflowed != nil { return }
        }
    }

    /// Ends the stream: a snippet still running keeps what it printed so far.
    mutating func finish() {
        if running != nil { current += partialLine }
        partialLine = []
    }

    /// What the running snippet printed so far.
    var runningOutput: [UInt8] { current }

    private mutating func take(line: [UInt8]) {
        if let (word, index, elapsed) = parseBoundary(line) {
            if word == "begin" {
                running = index
                current = []
                return
            }
            if word == "end", running == index {
                if current.last == UInt8(ascii: "\n") { current.removeLast() }
                if current.count > limit {
                    overflowed = index
                    return
                }
                finished[index] = current
                seconds[index] = elapsed
                running = nil
                current = []
                return
            }
        }
        guard let running else { return }
        current += line
        // One byte over the limit may be the newline that starts the end boundary.
        if current.count > limit + 1 { overflowed = running }
    }

    /// Whether `bytes` may be the start of a boundary line still arriving.
    private func mayBeBoundary(_ bytes: [UInt8]) -> Bool {
        bytes.count <= boundary.count ? boundary.starts(with: bytes) : bytes.starts(with: boundary)
    }

    /// The word (`begin` or `end`), the snippet index and, on an end line, the seconds.
    private func parseBoundary(_ line: [UInt8]) -> (String, Int, Double?)? {
        guard line.count > boundary.count, line.starts(with: boundary) else { return nil }
        let rest = String(decoding: line[boundary.count...].dropLast(), as: UTF8.self)
        let words = rest.split(separator: " ")
        guard words.count == 2 || words.count == 3, let index = Int(words[1]) else { return nil }
        return (String(words[0]), index, words.count == 3 ? Double(words[2]) : nil)
    }
}
