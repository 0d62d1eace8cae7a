import Foundation

/// Programs that did not compile are cached too, so a warm run does not compile them again.
///
/// A compiler's messages name the chapter and its lines, which the results key leaves out: a
/// failure is stored under ``failureKey(_:chapter:)``, the results key joined with the chapter's
/// path and the first line of each snippet the program compiles. Moving the snippets (an edit
/// of the prose above them) compiles the program again, so its errors point at the right lines.
/// Only the compiler's errors that name the chapter, at least one of them at a line of it, are
/// stored (a message it gives without a line, such as one about operator precedence groups,
/// comes with them): a compiler that could not be started, or a failure located nowhere in
/// the chapter, is tried again on the next run.
extension ResultCache {
    /// The key of `chapter`'s (one program's) compile failure, from its results key.
    public static func failureKey(_ key: String, chapter: Chapter) -> String {
        let lines = chapter.snippets.filter { !$0.options.norun }.map { "\($0.index):\($0.codeFirstLine)" }
        return CacheKey(["compile-failure-1", key, chapter.path] + lines).hex
    }

    /// Whether `errors` are a compile failure worth keeping: every one the compiler's, about
    /// the chapter, and one at least at a line of it.
    public static func isCacheableCompileFailure(_ errors: [WorkbookError], chapter: Chapter) -> Bool {
        errors.contains { $0.line > 0 } && errors.allSatisfy { $0.stage == "compile" && $0.path == chapter.path && $0.line >= 0 }
    }

    /// The compile errors stored under `key`, or `nil` when there is no entry to trust.
    public func compileErrors(forKey key: String) -> [WorkbookError]? {
        compileFailure(forKey: key)?.errors
    }

    /// The compile errors stored under `key` and the outputs of the snippets that ran
    /// nevertheless (a notebook's snippets fail alone), indexed like the chapter's snippets.
    public func compileFailure(forKey key: String) -> (errors: [WorkbookError], outputs: [String?]?)? {
        guard let data = area.read(CacheKey([key])),
              let entry = try? JSONDecoder().decode(FailureEntry.self, from: data)
        else { return nil }
        return (entry.errors.map(\.error), entry.outputs)
    }

    /// Stores the compile `errors` (and the outputs of snippets that ran, if any) under `key`;
    /// a failure to store only costs a later compile.
    public func store(compileErrors errors: [WorkbookError], outputs: [String?]? = nil, forKey key: String) {
        let kept = outputs?.contains { $0 != nil } == true ? outputs : nil
        guard let data = try? JSONEncoder().encode(FailureEntry(errors: errors.map(StoredError.init), outputs: kept)) else { return }
        area.write(data, for: CacheKey([key]))
    }

    private struct FailureEntry: Codable {
        var errors: [StoredError]
        var outputs: [String?]?
    }

    struct StoredError: Codable {
        var path: String
        var line: Int
        var column: Int
        var message: String
        var stage: String
        var details: String

        init(_ error: WorkbookError) {
            (path, line, column, message, stage, details) = (error.path, error.line, error.column, error.message, error.stage, error.details)
        }

        var error: WorkbookError {
            WorkbookError(path: path, line: line, column: column, message: message, stage: stage, details: details)
        }
    }
}
