import Foundation
import WorkbookKit

/// KaTeX's version, read from its script (`version:"0.16.4"`), and remembered in the cache
/// folder beside the script's identity (path, inode, size and times): the 270 kB script is read
/// again only when it changed.
struct KaTeXVersion {
    /// The memo's name in the cache folder.
    static let memoName = "katex-version"

    var script: URL
    /// Where the memo is kept; `nil` reads the script every time.
    var cacheFolder: URL?

    /// The version, `"unknown"` when the script names none, `nil` when there is no script.
    func read() -> String? {
        guard let identity = FileIdentity(path: script.path) else { return nil }
        let stamp = script.path + "\n" + identity.line + "\n"
        let memo = cacheFolder?.appendingPathComponent(Self.memoName)
        if let memo, let text = try? String(contentsOf: memo, encoding: .utf8), text.hasPrefix(stamp) {
            let version = text.dropFirst(stamp.count).trimmingCharacters(in: .newlines)
            if !version.isEmpty { return version }
        }
        guard let version = Self.scan(script) else { return nil }
        // The identity is taken before reading, so a script replaced meanwhile is read again next time.
        if let memo { try? AtomicFileWriter().write(Data((stamp + version + "\n").utf8), to: memo) }
        return version
    }

    /// The version written in the script itself.
    static func scan(_ script: URL) -> String? {
        guard let handle = try? FileHandle(forReadingFrom: script) else { return nil }
        defer { try? handle.close() }
        let text = String(decoding: (try? handle.readToEnd()) ?? Data(), as: UTF8.self)
        guard let range = text.range(of: #"version: ?"[0-9][0-9.]*""#, options: .regularExpression) else { return "unknown" }
        return text[range].split(separator: "\"")[1].description
    }
}
