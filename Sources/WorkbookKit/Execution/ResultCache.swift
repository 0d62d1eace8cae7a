import Foundation

/// The outputs of chapters that ran to the end, stored by a key of everything that can
/// change them, so unchanged chapters are not executed again.
public struct ResultCache: Sendable {
    public var cache: CacheFolder

    public init(cache: CacheFolder) { self.cache = cache }

    /// The key of `chapter`'s results: the runnable code and the options of every snippet,
    /// the core modules, the compiler and the program template. Prose, line numbers and the
    /// timeout are left out: they do not change what a successful run prints.
    public static func key(chapter: Chapter, modules: [CoreModule], compilerVersion: String) -> String {
        var hasher = ContentHasher()
        hasher.combine(ChapterProgram.templateVersion)
        hasher.combine(ChapterProgram.implicitImports.joined(separator: ","))
        hasher.combine(CompilerFlags.chapterProgram.joined(separator: " "))
        hasher.combine(compilerVersion)
        for module in modules {
            hasher.combine(module.name)
            hasher.combine(module.key)
        }
        for snippet in chapter.snippets {
            hasher.combine(snippet.options.norun ? "norun" : "run")
            hasher.combine(snippet.options.hide ? "hide" : "show")
            hasher.combine(snippet.options.output.rawValue)
            hasher.combine(snippet.options.norun ? "" : snippet.code)
        }
        return hasher.finalize()
    }

    /// The stored outputs for `key`, indexed like the chapter's snippets, or `nil`.
    public func outputs(forKey key: String, snippetCount: Int) -> [String?]? {
        guard let data = try? Data(contentsOf: file(key)),
              let entry = try? JSONDecoder().decode(Entry.self, from: data),
              entry.outputs.count == snippetCount
        else { return nil }
        return entry.outputs
    }

    /// Stores `outputs` under `key`; a failure to store only costs a later re-run.
    public func store(_ outputs: [String?], forKey key: String) {
        guard let data = try? JSONEncoder().encode(Entry(outputs: outputs)) else { return }
        try? AtomicFileWriter().write(data, to: file(key))
    }

    func file(_ key: String) -> URL {
        cache.url.appendingPathComponent("results/\(key.prefix(2))/\(key).json")
    }

    private struct Entry: Codable {
        var outputs: [String?]
    }
}
