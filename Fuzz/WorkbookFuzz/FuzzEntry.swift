#if FUZZING
/// libFuzzer's entry point (`swift build -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzInput.exercise(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

/// SwiftPM names an executable's entry point after its module; it hands over to libFuzzer.
@_cdecl("workbook_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { fuzzTestOneInput($0, $1) }
}
#else
import Foundation

/// Without libFuzzer: a seeded random-input driver. Mutates the corpus files with a fixed
/// seed for `--seconds` seconds (default 60) and reports the number of executions. With
/// `--keep PATH`, each input is written to PATH before it runs, so a crash leaves it there.
@main
struct SeededFuzzDriver {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        var seconds = 60.0, seed: UInt64 = 1
        var keep: String? = nil
        var corpus: [[UInt8]] = []
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--seconds": seconds = Double(iterator.next() ?? "") ?? seconds
            case "--seed": seed = UInt64(iterator.next() ?? "") ?? seed
            case "--keep": keep = iterator.next()
            default:
                let names = (try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []
                for name in names.sorted() {
                    if let data = FileManager.default.contents(atPath: argument + "/" + name) { corpus.append(Array(data)) }
                }
            }
        }
        if corpus.isEmpty { corpus = [Array("# t\n```swift\nprint(1)\n```\n".utf8)] }
        var random = SplitMix(seed: seed)
        let deadline = Date().addingTimeInterval(seconds)
        var executions = 0
        for input in corpus { input.withUnsafeBytes { FuzzInput.exercise($0) }; executions += 1 }
        while Date() < deadline {
            for _ in 0..<100 {
                let input = Mutator.mutate(corpus[Int(random.next() % UInt64(corpus.count))], corpus: corpus, random: &random)
                if let keep { FileManager.default.createFile(atPath: keep, contents: Data(input)) }
                input.withUnsafeBytes { FuzzInput.exercise($0) }
                executions += 1
            }
        }
        print("seed \(seed): \(executions) executions, no crash")
    }
}

/// A small deterministic generator (SplitMix64).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Byte-level mutations biased towards the syntax the parsers care about.
enum Mutator {
    static let tokens: [[UInt8]] = ["```", "````", "~~~", "swift", " output=markdown", " hide", " norun", "\n", "\r\n", "\r",
                                    "<!-- output -->", "<!-- /output -->", "> ", "- ", "  ", "\t", "$$", "$", "{{DATE_ISO}}",
                                    "{{DATE_PRETTY}}", "{{DAYS_SINCE_REPO_START}}", "[a](./01.md)", "timeout = ", "1e308",
                                    "9223372036854775807", "core = [", "\"", "=", "\u{FEFF}", "\0", "é", "#sourceLocation()"]
        .map { Array($0.utf8) }

    static func mutate(_ base: [UInt8], corpus: [[UInt8]], random: inout SplitMix) -> [UInt8] {
        var bytes = base
        for _ in 0...(random.next() % 8) {
            let position = bytes.isEmpty ? 0 : Int(random.next() % UInt64(bytes.count + 1))
            switch random.next() % 6 {
            case 0: bytes.insert(contentsOf: tokens[Int(random.next() % UInt64(tokens.count))], at: position)
            case 1 where !bytes.isEmpty && position < bytes.count: bytes[position] = UInt8(truncatingIfNeeded: random.next())
            case 2 where position < bytes.count:
                bytes.removeSubrange(position..<min(bytes.count, position + Int(random.next() % 16)))
            case 3:
                let other = corpus[Int(random.next() % UInt64(corpus.count))]
                let start = other.isEmpty ? 0 : Int(random.next() % UInt64(other.count))
                bytes.insert(contentsOf: other[start..<min(other.count, start + Int(random.next() % 64))], at: position)
            case 4 where position < bytes.count:
                let end = min(bytes.count, position + Int(random.next() % 32))
                bytes.insert(contentsOf: bytes[position..<end], at: position)
            default: bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: position)
            }
        }
        return bytes
    }
}
#endif
