import Foundation

/// Compiles core folders into optimized static libraries, once per content hash.
///
/// Each module is built into a temporary folder of the cache and renamed into place, so
/// concurrent builds sharing a cache never see half-written modules; a lock file keeps them
/// from compiling the same module twice.
struct CoreModuleBuilder: Sendable {
    /// Bumped when the layout of built modules changes.
    static let formatVersion = "core-1"

    var toolchain: Toolchain
    var cache: CacheFolder
    /// Compile every module again, replacing the built one (`--no-cache`).
    var rebuild: Bool

    init(toolchain: Toolchain, cache: CacheFolder, rebuild: Bool = false) {
        self.toolchain = toolchain
        self.cache = cache
        self.rebuild = rebuild
    }

    /// Builds the modules not yet in the cache, in order (a module may import earlier ones).
    func build(_ modules: [CoreModule], root: URL) async throws(WorkbookErrors) {
        for (position, module) in modules.enumerated() {
            try await build(module, dependencies: Array(modules[..<position]), root: root)
        }
    }

    func build(_ module: CoreModule, dependencies: [CoreModule], root: URL) async throws(WorkbookErrors) {
        let target = module.builtFolder(in: cache)
        if !rebuild && isBuilt(target, module) { return }
        let coreFolder = cache.url.appendingPathComponent("core", isDirectory: true)
        try? FileManager.default.createDirectory(at: coreFolder, withIntermediateDirectories: true)
        let lock = FileLock(url: coreFolder.appendingPathComponent(".\(module.name).lock"))
        await lock.lock()
        defer { lock.unlock() }
        if !rebuild && isBuilt(target, module) { return }

        let temporary = coreFolder.appendingPathComponent(".build-\(module.name)-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: temporary) }
        try? FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        var arguments = CompilerFlags.coreModule + [
            "-module-name", module.name,
            "-emit-module", "-emit-module-path", temporary.appendingPathComponent("\(module.name).swiftmodule").path,
            "-o", temporary.appendingPathComponent("lib\(module.name).a").path,
            "-diagnostic-style", "llvm", "-no-color-diagnostics",
        ]
        for dependency in dependencies { arguments += ["-I", dependency.builtFolder(in: cache).path] }
        arguments += module.sourcePaths.map { root.appendingPathComponent($0).path }
        let result: ToolResult
        do {
            result = try await ToolRunner.run(toolchain.swiftc, arguments: arguments, environment: toolchain.environment, workingDirectory: temporary)
        } catch {
            throw WorkbookErrors([WorkbookError(
                path: module.folder, message: "cannot run the compiler for core module '\(module.name)': \(error)",
                stage: "core")])
        }
        guard result.succeeded else {
            let output = result.standardError + result.standardOutput
            var errors = CompilerDiagnostics(root: root).errors(in: output, stage: "core")
            if errors.isEmpty {
                errors = [WorkbookError(path: module.folder, message: "core module '\(module.name)' failed to compile",
                                        stage: "core", details: CompilerDiagnostics.excerpt(output))]
            }
            throw WorkbookErrors(errors)
        }
        let replaced = coreFolder.appendingPathComponent(".old-\(module.name)-\(UUID().uuidString)", isDirectory: true)
        let movedAside = rebuild && rename(target.path, replaced.path) == 0
        defer { if movedAside { try? FileManager.default.removeItem(at: replaced) } }
        if rename(temporary.path, target.path) != 0 && !isBuilt(target, module) {
            throw WorkbookErrors([WorkbookError(
                path: module.folder, message: "cannot store core module '\(module.name)' in '\(target.path)'", stage: "core")])
        }
    }

    func isBuilt(_ folder: URL, _ module: CoreModule) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("lib\(module.name).a").path)
            && FileManager.default.fileExists(atPath: folder.appendingPathComponent("\(module.name).swiftmodule").path)
    }
}
