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
        var hasher = ContentHasher()
        hasher.combine("compile-failure-1")
        hasher.combine(key)
        hasher.combine(chapter.path)
        for snippet in chapter.snippets where !snippet.options.norun {
            hasher.combine("\(snippet.index):\(snippet.codeFirstLine)")
        }
        return hasher.finalize()
    }

    /// Whether `errors` are a compile failure worth keeping: every one the compiler's, about
    /// the chapter, and one at least at a line of it.
    public static func isCacheableCompileFailure(_ errors: [WorkbookError], chapter: Chapter) -> Bool {
        errors.contains { $0.line > 0 } && errors.allSatisfy { $0.stage == "compile" && $0.path == chapter.path && $0.line >= 0 }
    }

    /// The compile errors stored under `key`, or `nil` when there is no entry or its checksum
    /// does not match.
    public func compileErrors(forKey key: String) -> [WorkbookError]? {
        compileFailure(forKey: key)?.errors
    }

    /// The compile errors stored under `key` and the outputs of the snippets that ran
    /// nevertheless (a notebook's snippets fail alone), indexed like the chapter's snippets.
    public func compileFailure(forKey key: String) -> (errors: [WorkbookError], outputs: [String?]?)? {
        guard let data = try? Data(contentsOf: file(key)),
              let entry = try? JSONDecoder().decode(FailureEntry.self, from: data),
              entry.checksum == Self.failureChecksum(key: key, errors: entry.errors, outputs: entry.outputs)
        else { return nil }
        return (entry.errors.map(\.error), entry.outputs)
    }

    /// Stores the compile `errors` (and the outputs of snippets that ran, if any) under `key`;
    /// a failure to store only costs a later compile.
    public func store(compileErrors errors: [WorkbookError], outputs: [String?]? = nil, forKey key: String) {
        let stored = errors.map(StoredError.init)
        let kept = outputs?.contains { $0 != nil } == true ? outputs : nil
        let entry = FailureEntry(errors: stored, outputs: kept, checksum: Self.failureChecksum(key: key, errors: stored, outputs: kept))
        guard let data = try? JSONEncoder().encode(entry) else { return }
        try? AtomicFileWriter().write(data, to: file(key))
    }

    static func failureChecksum(key: String, errors: [StoredError], outputs: [String?]? = nil) -> String {
        var hasher = ContentHasher()
        hasher.combine("failure-entry-1")
        hasher.combine(key)
        for output in outputs ?? [] { hasher.combine(output.map { "+" + $0 } ?? "-") }
        for error in errors {
            for field in [error.path, String(error.line), String(error.column), error.message, error.stage, error.details] {
                hasher.combine(field)
            }
        }
        return hasher.finalize()
    }

    private struct FailureEntry: Codable {
        var errors: [StoredError]
        var outputs: [String?]?
        var checksum: String
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
