import Foundation

/// The outputs of chapters that ran to the end, stored by a key of everything that can
/// change them, so unchanged chapters are not executed again: the `results` area of the
/// cache (``CacheStore``), so an edited or damaged entry is ignored, and `--no-cache` reads none.
public struct ResultCache: Sendable {
    public var area: CacheStore

    public init(cache: CacheFolder) { area = CacheStore(cache: cache, area: "results") }

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
