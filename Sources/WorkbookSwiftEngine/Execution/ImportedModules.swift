import Foundation
import SwiftToolchain
import WorkbookKit

/// The `imports` of `workbook.toml`: modules every chapter program imports without showing
/// it, as rustdoc imports the crate under test. Each must be a module of the products (or of
/// their dependencies) or a module of the Swift toolchain (`Foundation`, `RegexBuilder`, …).
struct ImportedModules: Sendable {
    var names: [String]
    /// Where `imports` is written, for errors.
    var location: (line: Int, column: Int)

    init(config: WorkbookConfig) {
        names = config.documentation.imports
        location = config.location(of: "imports")
    }

    /// Whether the toolchain of `swiftc` has a Swift module `name` (`lib/swift/<platform>/`).
    static func toolchainHas(_ name: String, swiftc: URL) -> Bool {
        let library = swiftc.resolvingSymlinksInPath().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("lib/swift", isDirectory: true)
        let platforms = (try? FileManager.default.contentsOfDirectory(atPath: library.path)) ?? []
        return platforms.contains { platform in
            let folder = library.appendingPathComponent(platform, isDirectory: true)
            return ["swiftmodule", "swiftinterface"].contains {
                FileManager.default.fileExists(atPath: folder.appendingPathComponent("\(name).\($0)").path)
            }
        }
    }

    /// The names that are neither toolchain modules nor in `packageModules` (`nil`: the
    /// package is not built yet, so only toolchain modules are known), as errors at the key.
    func problems(swiftc: URL, packageModules: [String]?, products: [String]) -> [WorkbookError] {
        names.filter { name in
            !(packageModules?.contains(name) ?? false) && !Self.toolchainHas(name, swiftc: swiftc)
        }.compactMap { name in
            let offered = products.isEmpty ? "the workbook has no 'package'" : "the products are \(products.joined(separator: ", "))"
            return WorkbookError(path: "workbook.toml", line: location.line, column: location.column,
                                 message: "'\(name)' in 'imports' is neither a module of the package's products nor a module of the Swift toolchain (\(offered))",
                                 stage: "load")
        }
    }
}
