import Foundation

/// The outputs of chapters that ran to the end, stored by a key of everything that can
/// change them, so unchanged chapters are not executed again: the `results` area of the
/// cache (``CacheStore``), so an edited or damaged entry is ignored, and `--no-cache` reads none.
public struct ResultCache: Sendable {
    public var area: CacheStore

    public init(cache: CacheFolder) { area = CacheStore(cache: cache, area: "results") }

    /// Literals whose value depends on where code sits: when a snippet uses one, its line
    /// numbers and the chapter's path join the key.
    static let locationLiterals = ["#line", "#file", "#fileID", "#filePath", "#function", "#column", "#sourceLocation"]

    /// The key of `chapter`'s results: the runnable code and the options of every snippet,
    /// the package's built products and their flags, the compiler and the program template. Prose and the timeout are left out: they do not change what a successful run
    /// prints; line numbers and the chapter's path are left out too, unless a snippet uses a
    /// literal such as `#line` that prints them. `settings` are the workbook's settings that
    /// change how programs are made (`snippets = "notebook"`, `imports`), one word each.
    public static func key(chapter: Chapter, package: PackageBuild?, compilerVersion: String, settings: [String] = []) -> String {
        var parts = [ChapterProgram.templateVersion] + settings
        let runnable = chapter.snippets.filter { !$0.options.norun }
        if runnable.contains(where: { snippet in locationLiterals.contains { snippet.code.contains($0) } }) {
            parts.append(chapter.path)
            parts += runnable.map { String($0.codeFirstLine) }
        }
        if !chapter.imports.isEmpty { parts.append("chapter imports=" + chapter.imports.joined(separator: ",")) }
        parts += [CompilerFlags.chapterProgram.joined(separator: " "), compilerVersion]
        if let package { parts += [package.outputHash, package.swiftcArguments.joined(separator: " ")] }
        for snippet in chapter.snippets {
            parts += [snippet.options.norun ? "norun" : "run", snippet.options.hide ? "hide" : "show", snippet.options.output.rawValue]
            if snippet.options.compileOnly { parts.append("compile") }
            parts.append(snippet.options.norun ? "" : snippet.code)
        }
        return CacheKey(parts).hex
    }

    /// `key` joined with the digest of the workbook's `inputs` files (unchanged when there are
    /// none), so a changed data file runs every chapter again.
    public static func combine(_ key: String, inputs: String) -> String {
        guard !inputs.isEmpty else { return key }
        return CacheKey([key, inputs]).hex
    }

    /// The stored outputs for `key`, indexed like the chapter's snippets, or `nil` when there
    /// is no entry (or none that can be trusted: the chapter runs again).
    public func outputs(forKey key: String, snippetCount: Int) -> [String?]? {
        guard let data = area.read(CacheKey([key])),
              let entry = try? JSONDecoder().decode(Entry.self, from: data),
              entry.outputs.count == snippetCount
        else { return nil }
        return entry.outputs
    }

    /// Stores `outputs` under `key`; a failure to store only costs a later re-run.
    public func store(_ outputs: [String?], forKey key: String) {
        guard let data = try? JSONEncoder().encode(Entry(outputs: outputs)) else { return }
        area.write(data, for: CacheKey([key]))
    }

    private struct Entry: Codable {
        var outputs: [String?]
    }
}
