import Foundation
import Testing
@testable import WorkbookKit
@testable import WorkbookSwiftEngine

/// This repository's own workbook as a package workbook: `package = "Core"` with the products
/// `BatchNorm` and `NoteKit`.
@Suite struct RepositoryPackageTests {
    /// The repository root (the folder of this package's `Package.swift`).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func theRepositorysCoreProductsBuildFromItsOwnPackage() async throws {
        let toolchain = try await PackageFixtures.toolchain()
        let root = Self.repository.standardizedFileURL
        let core = root.appendingPathComponent("Core")
        let request = PackageRequest(
            packageFolder: core, products: ["BatchNorm", "NoteKit"], root: root,
            ignoredFolders: [root.appendingPathComponent("chapters"), root.appendingPathComponent("site")], jobs: 1)
        let build = try await PackageCore(toolchain: toolchain, cache: PackageFixtures.cache).prepare(request)
        // Warm: the content hash of the repository's files decides; SwiftPM is not started.
        let built = BuildCounter()
        let warm = try await PackageCore(toolchain: toolchain, cache: PackageFixtures.cache)
            .prepare(request, willBuild: { built.increment() })
        #expect(warm == build)
        #expect(built.count == 0)
        #expect(build.modules.contains("BatchNorm"))
        #expect(build.modules.contains("NoteKit"))
        #expect(build.localPackages == [core.path])
        // The core has no dependencies: SwiftPM checked out nothing for it (the tool's own
        // dependencies, a root-package product would need them all, stay out).
        let checkouts = PackageWorkFolders(cache: PackageFixtures.cache, request: request).scratch.appendingPathComponent("checkouts")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: checkouts.path)) ?? []).isEmpty)
        let program = """
            import BatchNorm
            import NoteKit

            var generator = SeededGenerator(seed: 42)
            let first = generator.next()
            var again = SeededGenerator(seed: 42)
            print(first == again.next(), fixed(2.0 / 3.0, digits: 3))

            """
        #expect(try PackageFixtures.run(program, against: build, toolchain: toolchain) == "true 0.667\n")
    }
}
