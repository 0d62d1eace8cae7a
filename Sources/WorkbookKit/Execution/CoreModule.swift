import Foundation

/// A core source folder compiled into a Swift module that snippets import.
public struct CoreModule: Sendable, Equatable {
    /// The module name: the folder's last component (`Sources/BatchNorm` → `BatchNorm`).
    public var name: String
    /// The folder as written in `workbook.toml`.
    public var folder: String
    /// The folder's Swift files, relative to the workbook root, sorted.
    public var sourcePaths: [String]
    /// A hash of everything the built module depends on: sources, compiler, flags, and the
    /// modules listed before it (which it may import).
    public var key: String

    /// The folder of the built module inside the cache.
    public func builtFolder(in cache: CacheFolder) -> URL {
        cache.url.appendingPathComponent("core/\(name)-\(key.prefix(24))", isDirectory: true)
    }
}

extension CoreModule {
    /// Reads the `core` folders of `workbook` and hashes their sources; reading and hashing is
    /// cheap, so a warm build can decide that nothing needs compiling without compiling.
    public static func describe(workbook: Workbook, toolchain: Toolchain) throws(WorkbookErrors) -> [CoreModule] {
        var modules: [CoreModule] = []
        var errors: [WorkbookError] = []
        for folder in workbook.config.core {
            let name = folder.split(separator: "/").last.map(String.init) ?? folder
            let sources = swiftFiles(in: workbook.root.appendingPathComponent(folder), relativeTo: folder)
            if sources.isEmpty {
                let location = workbook.config.location(of: "core")
                errors.append(WorkbookError(
                    path: Workbook.configFileName, line: location.line, column: location.column,
                    message: "the 'core' folder '\(folder)' holds no Swift files", stage: "execute"))
                continue
            }
            var hasher = ContentHasher()
            hasher.combine(CoreModuleBuilder.formatVersion)
            hasher.combine(toolchain.version)
            hasher.combine(CompilerFlags.coreModule.joined(separator: " "))
            hasher.combine(name)
            for dependency in modules { hasher.combine(dependency.key) }
            for path in sources {
                hasher.combine(path)
                hasher.combine((try? Data(contentsOf: workbook.root.appendingPathComponent(path))) ?? Data())
            }
            modules.append(CoreModule(name: name, folder: folder, sourcePaths: sources, key: hasher.finalize()))
        }
        if !errors.isEmpty { throw WorkbookErrors(errors) }
        return modules
    }

    static func swiftFiles(in folder: URL, relativeTo prefix: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var paths: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.hasSuffix(".swift") && !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                paths.append("\(prefix)/\(relative)")
            }
        }
        return paths.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
