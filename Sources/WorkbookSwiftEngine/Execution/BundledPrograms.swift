import Foundation
import Synchronization
import SwiftToolchain
import WorkbookKit

/// The chapter bundles (`ChapterBundle`) compiled during one execution: which chapter's program
/// runs from which binary, with which argument. The bundles' folders go when the execution's
/// engine session ends.
final class BundledPrograms: Sendable {
    /// A chapter's program in a compiled bundle.
    struct Entry: Sendable {
        var binary: URL
        /// The argument that runs the chapter (`1`, `2`, …).
        var ordinal: Int
        var program: ChapterProgram
        /// How many chapters the bundle holds.
        var chapters: Int
        /// The chapter's share of the bundle's compile time.
        var compileSeconds: Double
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let folders = Mutex<[URL]>([])

    /// Whether no bundle was compiled.
    var isEmpty: Bool { entries.withLock { $0.isEmpty } }

    /// The bundled program of the chapter at `path` whose program is `identity`, if any (a
    /// chapter of several programs, `env=`, may have several in bundles).
    func entry(path: String, identity: String) -> Entry? {
        entries.withLock { $0[Self.key(path: path, identity: identity)] }
    }

    static func key(path: String, identity: String) -> String { path + "\u{0}" + identity }

    /// Records a compiled bundle: `binary` in `folder`, which goes with this object.
    func add(_ bundle: ChapterBundle, binary: URL, folder: URL, compileSeconds: Double) {
        folders.withLock { $0.append(folder) }
        let share = compileSeconds / Double(max(1, bundle.programs.count))
        entries.withLock { entries in
            for (position, (program, path)) in zip(bundle.programs, bundle.paths).enumerated() {
                entries[Self.key(path: path, identity: program.identity)] = Entry(binary: binary, ordinal: position + 1, program: program,
                                      chapters: bundle.programs.count, compileSeconds: share)
            }
        }
    }

    /// Records a bundle's folder whose compile failed, so it goes too.
    func discard(_ folder: URL) {
        folders.withLock { $0.append(folder) }
    }

    deinit {
        for folder in folders.withLock({ $0 }) { try? FileManager.default.removeItem(at: folder) }
    }
}
