import Foundation

/// The outputs of chapters that ran to the end, stored by a key of everything that can
/// change them, so unchanged chapters are not executed again.
public struct ResultCache: Sendable {
    public var cache: CacheFolder

    public init(cache: CacheFolder) { self.cache = cache }

    /// Literals whose value depends on where code sits: when a snippet uses one, its line
    /// numbers and the chapter's path join the key.
    static let locationLiterals = ["#line", "#file", "#fileID", "#filePath", "#function", "#column", "#sourceLocation"]

    /// The key of `chapter`'s results: the runnable code and the options of every snippet,
    /// the package's built products and their flags, the compiler and the program template. Prose and the timeout are left out: they do not change what a successful run
    /// prints; line numbers and the chapter's path are left out too, unless a snippet uses a
    /// literal such as `#line` that prints them. `settings` are the workbook's settings that
    /// change how programs are made (`snippets = "notebook"`, `imports`), one word each.
    public static func key(chapter: Chapter, package: PackageBuild?, compilerVersion: String, settings: [String] = []) -> String {
        var hasher = ContentHasher()
        hasher.combine(ChapterProgram.templateVersion)
        for setting in settings { hasher.combine(setting) }
        let runnable = chapter.snippets.filter { !$0.options.norun }
        if runnable.contains(where: { snippet in locationLiterals.contains { snippet.code.contains($0) } }) {
            hasher.combine(chapter.path)
            for snippet in runnable { hasher.combine(String(snippet.codeFirstLine)) }
        }
        if !chapter.imports.isEmpty { hasher.combine("chapter imports=" + chapter.imports.joined(separator: ",")) }
        hasher.combine(CompilerFlags.chapterProgram.joined(separator: " "))
        hasher.combine(compilerVersion)
        if let package {
            hasher.combine(package.outputHash)
            hasher.combine(package.swiftcArguments.joined(separator: " "))
        }
        for snippet in chapter.snippets {
            hasher.combine(snippet.options.norun ? "norun" : "run")
            hasher.combine(snippet.options.hide ? "hide" : "show")
            hasher.combine(snippet.options.output.rawValue)
            if snippet.options.compileOnly { hasher.combine("compile") }
            hasher.combine(snippet.options.norun ? "" : snippet.code)
        }
        return hasher.finalize()
    }

    /// `key` joined with the digest of the workbook's `inputs` files (unchanged when there are
    /// none), so a changed data file runs every chapter again.
    public static func combine(_ key: String, inputs: String) -> String {
        guard !inputs.isEmpty else { return key }
        var hasher = ContentHasher()
        hasher.combine(key)
        hasher.combine(inputs)
        return hasher.finalize()
    }

    /// The stored outputs for `key`, indexed like the chapter's snippets, or `nil` when there
    /// is no entry or the entry does not carry the checksum of its key and outputs (an edited
    /// or damaged entry is ignored, and the chapter runs again).
    public func outputs(forKey key: String, snippetCount: Int) -> [String?]? {
        guard let data = try? Data(contentsOf: file(key)),
              let entry = try? JSONDecoder().decode(Entry.self, from: data),
              entry.outputs.count == snippetCount,
              entry.checksum == Self.checksum(key: key, outputs: entry.outputs)
        else { return nil }
        return entry.outputs
    }

    /// Stores `outputs` under `key`; a failure to store only costs a later re-run.
    public func store(_ outputs: [String?], forKey key: String) {
        let entry = Entry(outputs: outputs, checksum: Self.checksum(key: key, outputs: outputs))
        guard let data = try? JSONEncoder().encode(entry) else { return }
        try? AtomicFileWriter().write(data, to: file(key))
    }

    /// The SHA-256 of the key and every output (a missing output hashed apart from an empty one).
    static func checksum(key: String, outputs: [String?]) -> String {
        var hasher = ContentHasher()
        hasher.combine("entry-1")
        hasher.combine(key)
        for output in outputs {
            hasher.combine(output == nil ? "none" : "some")
            hasher.combine(output ?? "")
        }
        return hasher.finalize()
    }

    func file(_ key: String) -> URL {
        cache.url.appendingPathComponent("results/\(key.prefix(2))/\(key).json")
    }

    private struct Entry: Codable {
        var outputs: [String?]
        var checksum: String?
    }
}
