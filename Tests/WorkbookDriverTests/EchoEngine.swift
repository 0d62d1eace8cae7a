import Foundation
import WorkbookKit

/// An engine that runs no compiler: each runnable snippet prints its own code, and a snippet
/// whose code is `crash` stops its chapter.
struct EchoEngine: SnippetEngine {
    func session(for workbook: Workbook, cache: CacheFolder) async throws(WorkbookErrors) -> any SnippetEngineSession {
        Session()
    }

    struct Session: SnippetEngineSession {
        func cacheKey(for chapter: Chapter) -> String {
            "echo-" + chapter.snippets.map(\.code).joined(separator: "|").unicodeScalars.map { String($0.value, radix: 16) }.joined()
        }

        func prepare(rebuild: Bool) async throws(WorkbookErrors) {}

        func run(_ chapter: Chapter) async -> ChapterRun {
            var printed: [Int: String] = [:]
            for snippet in chapter.snippets where !snippet.options.norun {
                if snippet.code == "crash\n" {
                    return ChapterRun(printed: printed, errors: [WorkbookError(
                        path: chapter.path, line: snippet.codeFirstLine, column: 1, message: "the program crashed", stage: "run")])
                }
                printed[snippet.index] = snippet.code
            }
            return ChapterRun(printed: printed)
        }
    }
}
