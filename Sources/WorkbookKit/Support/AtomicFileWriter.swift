import Foundation

/// Replaces files atomically: the data goes to a temporary file in the same folder, which is
/// then renamed over the target, so readers see the old file or the new one, never a mix.
public struct AtomicFileWriter: Sendable {
    public init() {}

    /// Writes `data` to `url`, creating the folder when needed and keeping an existing file's
    /// permissions.
    public func write(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(StaleTemporaryFiles.temporaryName(for: url.lastPathComponent))
        do {
            try FileBytes.write(data, to: temporary)
            if let permissions = try? FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] {
                try? FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path)
            }
            guard rename(temporary.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}
