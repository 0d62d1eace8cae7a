import Foundation
import SwiftToolchain
import WorkbookKit

/// The linker command the `clang` link job would start, read once from `clang -###`, so a
/// chapter links without starting the clang driver (about 6 ms a link).
///
/// clang expands the autolink response file itself and drops inputs that do not exist, so
/// the command is read with empty stand-ins for the intermediate objects and a marker in
/// place of the response file; the marker then becomes the response file again (the linker
/// reads response files the same way). The clang job stays in the plan, for a plan without
/// a direct link. When the direct link fails, the program is compiled again with plain
/// `swiftc` and the plan is discarded (`ChapterCompiler.compileOutcome`), so a stale command
/// never causes a failure, and costs one fallback, counted in `--timings`.
enum DirectLinker {
    static let autolinkMarker = "-l@workbook-autolink@"

    /// The linker command for `job` (a clang link job with placeholders), or `nil` when
    /// clang's answer is not a single plain linker command.
    static func command(forLinkJob job: [String], scratch: URL, environment: [String: String]) async -> [String]? {
        guard let executable = job.first, URL(fileURLWithPath: executable).lastPathComponent.hasPrefix("clang") else {
            return nil
        }
        let temporary = scratch.appendingPathComponent("objects", isDirectory: true)
        try? FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        var responseFile: String?
        var arguments: [String] = []
        for argument in job.dropFirst() {
            let real = argument.replacingOccurrences(of: CompilePlan.temporaryPlaceholder, with: temporary.path)
            if real.hasPrefix("@") {
                guard responseFile == nil else { return nil }
                responseFile = argument
                arguments.append(autolinkMarker)
            } else {
                if real != argument { _ = FileManager.default.createFile(atPath: real, contents: Data()) }
                arguments.append(real)
            }
        }
        guard let responseFile,
              let result = try? await ToolRunner.run(URL(fileURLWithPath: executable), arguments: arguments + ["-###"], environment: environment),
              result.succeeded
        else { return nil }
        let jobLines = (result.standardError + result.standardOutput).split(separator: "\n").filter { $0.hasPrefix(" \"") }
        guard jobLines.count == 1, var linker = words(ofQuotedLine: String(jobLines[0])),
              linker.filter({ $0 == autolinkMarker }).count == 1
        else { return nil }
        linker = linker.map {
            $0 == autolinkMarker ? responseFile
                : $0.replacingOccurrences(of: temporary.path, with: CompilePlan.temporaryPlaceholder)
        }
        guard linker.first?.hasPrefix("/") == true, !linker.contains(where: { $0.contains(scratch.path) }) else { return nil }
        return linker
    }

    /// The words of a `-###` job line (` "a" "b" …`); `nil` if any word needs unescaping.
    static func words(ofQuotedLine line: String) -> [String]? {
        var words: [String] = []
        for token in line.split(separator: " ") {
            guard token.count >= 2, token.hasPrefix("\""), token.hasSuffix("\"") else { return nil }
            let word = token.dropFirst().dropLast()
            if word.contains("\"") || word.contains("\\") || word.contains("$") { return nil }
            words.append(String(word))
        }
        return words.isEmpty ? nil : words
    }
}
