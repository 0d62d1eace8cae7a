import Foundation

/// The folder where built package products, compiler versions and chapter results are kept,
/// and whether what it holds may be reused (every ``CacheStore`` of it follows that).
public struct CacheFolder: Sendable, Equatable {
    /// The environment variable that moves the cache out of the workbook (tests share one).
    public static let environmentVariable = "WORKBOOK_CACHE_DIR"
    /// The default folder name, inside the workbook root (git-ignored).
    public static let defaultName = ".workbook-cache"

    public var url: URL
    /// Whether entries stored by earlier runs may be read: `false` under `--no-cache`, when
    /// results, compile failures, compiled programs and the other entries of every
    /// ``CacheStore`` are made again (and stored, for the next run).
    public var reusesEntries: Bool

    public init(url: URL, reusesEntries: Bool = true) {
        self.url = url
        self.reusesEntries = reusesEntries
    }

    /// `$WORKBOOK_CACHE_DIR` when set, else `<root>/.workbook-cache`.
    public static func resolve(root: URL, environment: [String: String]) -> CacheFolder {
        if let folder = environment[environmentVariable], !folder.isEmpty {
            return CacheFolder(url: URL(fileURLWithPath: folder, isDirectory: true))
        }
        return CacheFolder(url: root.appendingPathComponent(defaultName, isDirectory: true))
    }

    /// The problem with using this folder as the cache (a file in its place, or a folder that
    /// cannot be created), or `nil`.
    public func problem() -> WorkbookError? {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return nil }
            return WorkbookError(path: url.path, message: "the cache path is a file, not a folder; remove it or set "
                                 + "\(Self.environmentVariable) to a folder", stage: "execute")
        }
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            return nil
        } catch {
            return WorkbookError(path: url.path, message: "cannot create the cache folder: \(FileErrorWords.describe(error))",
                                 stage: "execute")
        }
    }
}
