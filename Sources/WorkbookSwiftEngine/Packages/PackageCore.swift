import Foundation
import SwiftToolchain
import WorkbookKit

/// Builds the library products of a SwiftPM package for chapter programs, with SwiftPM itself.
///
/// The products are built through a generated wrapper package (`PackageWrapper`) in a folder
/// of the cache, never in the package's own `.build`, once per content hash
/// (`PackageContentHash`): a warm run reads the package's files, finds the hash of the last
/// build, and starts no process. A build holds a lock, so concurrent runs sharing a cache
/// build once. The wrapper's scratch folder is kept between builds, so after a package edit
/// SwiftPM rebuilds only what changed.
public struct PackageCore: Sendable {
    public var toolchain: Toolchain
    public var cache: CacheFolder

    public init(toolchain: Toolchain, cache: CacheFolder) {
        self.toolchain = toolchain
        self.cache = cache
    }

    /// The built products of `request`, from the cache when the package did not change.
    /// `rebuild` runs SwiftPM even then (for `--no-cache`); `willBuild` is called just before
    /// SwiftPM starts, so the caller can say what is being built.
    public func prepare(
        _ request: PackageRequest, rebuild: Bool = false, willBuild: @Sendable () -> Void = {}
    ) async throws(WorkbookErrors) -> PackageBuild {
        try validate(request)
        let folders = PackageWorkFolders(cache: cache, request: request)
        let wrapper = PackageWrapper(packageFolder: request.packageFolder, products: request.products)
        if !rebuild, let built = cachedBuild(request, folders: folders, wrapper: wrapper) { return built }

        try? FileManager.default.createDirectory(at: folders.work, withIntermediateDirectories: true)
        let lock = FileLock(url: folders.work.appendingPathComponent(".lock"))
        await lock.lock()
        defer { lock.unlock() }
        if !rebuild, let built = cachedBuild(request, folders: folders, wrapper: wrapper) { return built }

        willBuild()
        let stamp = PackageManifestStamp(folders: folders, configuration: request.configuration, ignoredFolders: request.ignoredFolders)
        let previousPackages = (try? Data(contentsOf: folders.record))
            .flatMap { try? JSONDecoder().decode(PackageBuild.self, from: $0) }?.localPackages ?? [request.packageFolder.path]
        stamp.forgetPlanIfManifestsChanged(packages: previousPackages)
        // A failed build may leave some modules newer than the library: only a finished
        // build is ever recorded again.
        try? FileManager.default.removeItem(at: folders.record)
        try writeWrapper(wrapper, request: request, folders: folders)
        try await runSwiftPM(request, folders: folders)
        let built = try describeBuild(request, folders: folders, wrapper: wrapper)
        // Such a build is never recorded (nor taken from an older record), so SwiftPM runs
        // again, and says so again, until the target is renamed.
        let reserved = ReservedModuleNames.errors(in: built.modules, request: request)
        if !reserved.isEmpty { throw WorkbookErrors(reserved) }
        stamp.record(packages: built.localPackages)
        if let data = try? JSONEncoder().encode(built) { try? AtomicFileWriter().write(data, to: folders.record) }
        return built
    }

    /// The recorded build, if the package's content hash is still the recorded one, its
    /// library is still there and none of its modules has a reserved name.
    func cachedBuild(_ request: PackageRequest, folders: PackageWorkFolders, wrapper: PackageWrapper) -> PackageBuild? {
        guard let data = try? Data(contentsOf: folders.record),
              let recorded = try? JSONDecoder().decode(PackageBuild.self, from: data),
              recorded.linkerArguments.count > 1,
              FileManager.default.fileExists(atPath: "\(recorded.linkerArguments[1])/lib\(PackageWrapper.productName).so"),
              ReservedModuleNames.errors(in: recorded.modules, request: request).isEmpty
        else { return nil }
        let hash = contentHash(request, folders: folders, wrapper: wrapper).hash(localPackages: recorded.localPackages)
        return hash == recorded.contentHash ? recorded : nil
    }

    func contentHash(_ request: PackageRequest, folders: PackageWorkFolders, wrapper: PackageWrapper) -> PackageContentHash {
        PackageContentHash(
            request: request, toolchainVersion: toolchain.version, wrapperManifest: wrapper.manifest,
            resolvedVersions: try? Data(contentsOf: folders.wrapper.appendingPathComponent("Package.resolved")))
    }

    func validate(_ request: PackageRequest) throws(WorkbookErrors) {
        let manifest = request.packageFolder.appendingPathComponent("Package.swift")
        if !FileManager.default.fileExists(atPath: manifest.path) {
            throw WorkbookErrors([WorkbookError(
                path: WorkbookLoader.configFileName,
                message: "the package folder '\(request.displayFolder)' has no Package.swift", stage: "package")])
        }
        if request.products.isEmpty {
            throw WorkbookErrors([WorkbookError(
                path: WorkbookLoader.configFileName,
                message: "no products named for the package '\(request.displayFolder)' (add products = [\"Name\"])",
                stage: "package")])
        }
    }

    /// Writes the wrapper's files, each only when its bytes change (SwiftPM re-reads a
    /// manifest whose file changed). The package's own `Package.resolved`, if any, becomes the
    /// wrapper's, so its pinned versions are the ones built.
    func writeWrapper(_ wrapper: PackageWrapper, request: PackageRequest, folders: PackageWorkFolders) throws(WorkbookErrors) {
        var files: [(URL, Data)] = [
            (folders.wrapper.appendingPathComponent("Package.swift"), Data(wrapper.manifest.utf8)),
            (folders.wrapper.appendingPathComponent("Sources/\(PackageWrapper.productName)/Products.swift"),
             Data(PackageWrapper.source.utf8)),
        ]
        if let resolved = try? Data(contentsOf: request.packageFolder.appendingPathComponent("Package.resolved")) {
            files.append((folders.wrapper.appendingPathComponent("Package.resolved"), resolved))
        }
        for (url, data) in files where (try? Data(contentsOf: url)) != data {
            do {
                try AtomicFileWriter().write(data, to: url)
            } catch {
                throw WorkbookErrors([WorkbookError(
                    path: url.path, message: "cannot write the package build's files: \(error)", stage: "package")])
            }
        }
    }

    func runSwiftPM(_ request: PackageRequest, folders: PackageWorkFolders) async throws(WorkbookErrors) {
        var arguments = [
            "--package-path", folders.wrapper.path, "--scratch-path", folders.scratch.path,
            "--configuration", request.configuration, "--product", PackageWrapper.productName,
        ]
        if let jobs = request.jobs { arguments += ["--jobs", String(jobs)] }
        let result: ToolResult
        do {
            result = try await ToolRunner.run(swiftBuild, arguments: arguments, environment: toolchain.environment, workingDirectory: folders.work)
        } catch {
            throw WorkbookErrors([WorkbookError(
                path: request.displayManifest, message: "cannot run SwiftPM ('\(swiftBuild.path)'): \(error)", stage: "package")])
        }
        guard result.succeeded else {
            let diagnostics = PackageDiagnostics(request: request, wrapperFolder: folders.wrapper)
            throw WorkbookErrors(diagnostics.errors(in: result.standardOutput + "\n" + result.standardError))
        }
    }

    /// Reads SwiftPM's records of the finished build into the flags a chapter program needs.
    func describeBuild(_ request: PackageRequest, folders: PackageWorkFolders, wrapper: PackageWrapper) throws(WorkbookErrors) -> PackageBuild {
        let binFolder = folders.scratch.appendingPathComponent(request.configuration, isDirectory: true).resolvingSymlinksInPath()
        guard let data = try? Data(contentsOf: binFolder.appendingPathComponent("description.json")),
              let description = SwiftPMBuildDescription(descriptionJSON: data)
        else {
            throw WorkbookErrors([WorkbookError(
                path: request.displayManifest, message: "cannot read SwiftPM's description of the build in '\(binFolder.path)'",
                stage: "package")])
        }
        let localPackages = ((try? Data(contentsOf: folders.scratch.appendingPathComponent("workspace-state.json")))
            .map(SwiftPMBuildDescription.localPackageFolders(inWorkspaceState:)) ?? [])
        let clangModules = description.moduleMapFiles.flatMap { file in
            ((try? String(contentsOfFile: file, encoding: .utf8)).map(SwiftPMBuildDescription.moduleNames(inModuleMap:))) ?? []
        }
        let library = URL(fileURLWithPath: description.modulesFolder).deletingLastPathComponent().path
        let allPackages = PackageContentHash.allPackages(request: request, localPackages: localPackages)
        return PackageBuild(
            contentHash: contentHash(request, folders: folders, wrapper: wrapper).hash(localPackages: allPackages),
            outputHash: Self.outputHash(library: URL(fileURLWithPath: library, isDirectory: true)),
            modules: Array(Set(description.swiftModules + clangModules)).sorted(),
            compilerArguments: ["-I", description.modulesFolder] + description.clangArguments,
            linkerArguments: ["-L", library, "-l\(PackageWrapper.productName)", "-Xlinker", "-rpath", "-Xlinker", library],
            localPackages: allPackages)
    }

    /// The hash of the built library, the Swift module interfaces and the resource bundles
    /// in `library` (SwiftPM's build folder).
    static func outputHash(library: URL) -> String {
        var hasher = ContentHasher()
        hasher.combine(PackageContentHash.formatVersion)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: library.path)) ?? []).sorted()
        for name in names where name == "lib\(PackageWrapper.productName).so" || name.hasSuffix(".resources") {
            let url = library.appendingPathComponent(name)
            let files = name.hasSuffix(".resources") ? PackageContentHash.files(in: url, ignoring: []) : [""]
            for file in files {
                hasher.combine(name + "/" + file)
                hasher.combine((try? Data(contentsOf: file.isEmpty ? url : url.appendingPathComponent(file))) ?? Data())
            }
        }
        let modules = library.appendingPathComponent("Modules", isDirectory: true)
        for file in PackageContentHash.files(in: modules, ignoring: []) where file.hasSuffix(".swiftmodule") {
            hasher.combine("Modules/" + file)
            hasher.combine((try? Data(contentsOf: modules.appendingPathComponent(file))) ?? Data())
        }
        return hasher.finalize()
    }

    /// SwiftPM's `swift-build`, beside `swiftc`.
    var swiftBuild: URL {
        let beside = toolchain.swiftc.deletingLastPathComponent().appendingPathComponent("swift-build")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return toolchain.swiftc.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("swift-build")
    }
}

/// Where one request's build lives in the cache: `packages/<package>-<key>/` with the
/// generated wrapper, SwiftPM's scratch folder and the record of the last build. The key
/// covers the package's path, products and configuration, so each gets its own scratch
/// folder and keeps its incremental state.
struct PackageWorkFolders {
    var work: URL

    init(cache: CacheFolder, request: PackageRequest) {
        var hasher = ContentHasher()
        hasher.combine(request.packageFolder.path)
        for product in request.products { hasher.combine(product) }
        hasher.combine(request.configuration)
        let name = "\(request.packageFolder.lastPathComponent)-\(hasher.finalize().prefix(16))"
        work = cache.url.appendingPathComponent("packages/\(name)", isDirectory: true)
    }

    /// The wrapper's folder; its name is the wrapper's package identity in SwiftPM's messages.
    var wrapper: URL { work.appendingPathComponent(PackageWrapper.identity, isDirectory: true) }
    var scratch: URL { work.appendingPathComponent("scratch", isDirectory: true) }
    /// The last successful build (`PackageBuild` as JSON).
    var record: URL { work.appendingPathComponent("build.json") }
}
