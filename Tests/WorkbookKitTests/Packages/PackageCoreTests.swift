import Foundation
import Testing
@testable import WorkbookKit
@testable import WorkbookSwiftEngine

/// SwiftPM packages as the snippet core: each package shape builds, a chapter-like program
/// compiles and runs against it, a package edit is seen, and a broken package reads well.
@Suite(.serialized) struct PackageCoreTests {
    /// The program imports what a snippet would: the package's modules are available, none is
    /// imported for it.
    static let shapesProgram = """
        import Shapes
        import CGeometry
        import RealModule
        import Foundation

        let square = Square(side: 2)
        print("area", square.area)
        print("label", square.label)
        print("diagonal", String(format: "%.4f", square.diagonal))
        print("resource", greeting())
        print("counts", countSquare(), countSquare())
        print("c", cg_square_area(3))
        print("numerics", Double.exp(0))

        """

    @Test func everyPackageShapeBuildsAndRuns() async throws {
        let toolchain = try await PackageFixtures.toolchain()
        let request = PackageFixtures.request("Shapes", products: ["Shapes", "Geometry"])
        let build = try await PackageCore(toolchain: toolchain, cache: PackageFixtures.cache).prepare(request)
        let output = try PackageFixtures.run(Self.shapesProgram, against: build, toolchain: toolchain)
        #expect(output == """
            area 4.0
            label 2.0 in
            diagonal 2.8284
            resource hello from a resource
            counts 1 2
            c 9.0
            numerics 1.0

            """)
        // "in", not "cm": the target's `.define("IMPERIAL")` was applied. The C target, the
        // resource, the Swift 5-mode dependency and swift-numerics from the mirror all worked;
        // the excluded `Unfinished.swift` (which does not compile) was left out.
        for module in ["Shapes", "CGeometry", "Units", "Legacy", "RealModule"] {
            #expect(build.modules.contains(module), "missing module \(module)")
        }
        #expect(!build.modules.contains(PackageWrapper.productName))
        let root = PackageFixtures.root.standardizedFileURL.path
        #expect(build.localPackages == ["\(root)/Legacy", "\(root)/Shapes", "\(root)/Units"])
        // The package's own folders are never a build folder.
        for name in ["Shapes", "Units", "Legacy"] {
            #expect(!FileManager.default.fileExists(atPath: "\(root)/\(name)/.build"))
        }
    }

    @Test func aWarmPrepareStartsNoBuild() async throws {
        let toolchain = try await PackageFixtures.toolchain()
        let core = PackageCore(toolchain: toolchain, cache: PackageFixtures.cache)
        let request = PackageFixtures.request("Shapes", products: ["Shapes", "Geometry"])
        let first = try await core.prepare(request)
        let built = BuildCounter()
        let second = try await core.prepare(request, willBuild: { built.increment() })
        #expect(second == first)
        #expect(built.count == 0)

        // `--no-cache`: SwiftPM runs again. The stored build may come from files with other
        // modification times (this cache outlives a fresh clone), and SwiftPM then relinks a
        // library that differs in its debug information only: same content, same modules.
        let rebuilt = try await core.prepare(request, rebuild: true, willBuild: { built.increment() })
        #expect(built.count == 1)
        #expect(rebuilt.contentHash == first.contentHash)
        #expect(rebuilt.modules == first.modules)
        #expect(rebuilt.compilerArguments == first.compilerArguments)
        // Once SwiftPM is up to date, running it again finds nothing to do: same library.
        let again = try await core.prepare(request, rebuild: true, willBuild: { built.increment() })
        #expect(built.count == 2)
        #expect(again == rebuilt)
    }

    @Test func touchingTheSourcesKeepsTheContentHash() async throws {
        let toolchain = try await PackageFixtures.toolchain()
        let root = try PackageFixtures.copy(of: "Units", label: "touch")
        defer { try? FileManager.default.removeItem(at: root) }
        let core = PackageCore(toolchain: toolchain, cache: CacheFolder(url: root.appendingPathComponent(".cache")))
        let request = PackageFixtures.request("Units", products: ["Units"], root: root)
        let before = try await core.prepare(request)

        // A fresh clone or a branch switch back: the same bytes with new modification times.
        let later = Date().addingTimeInterval(120)
        for file in PackageContentHash.files(in: root.appendingPathComponent("Units"), ignoring: []) {
            try FileManager.default.setAttributes(
                [.modificationDate: later], ofItemAtPath: root.appendingPathComponent("Units/" + file).path)
        }
        let built = BuildCounter()
        let after = try await core.prepare(request, willBuild: { built.increment() })
        #expect(built.count == 0)
        #expect(after == before)
    }

    @Test func concurrentPreparesSharingACacheBuildOnce() async throws {
        let toolchain = try await PackageFixtures.toolchain()
        let cacheFolder = try PackageFixtures.temporaryFolder("concurrent-cache")
        defer { try? FileManager.default.removeItem(at: cacheFolder) }
        let core = PackageCore(toolchain: toolchain, cache: CacheFolder(url: cacheFolder))
        let request = PackageFixtures.request("Units", products: ["Units"])
        let built = BuildCounter()
        async let first = core.prepare(request, willBuild: { built.increment() })
        async let second = core.prepare(request, willBuild: { built.increment() })
        let (a, b) = try await (first, second)
        #expect(a == b)
        #expect(built.count == 1)
    }

    @Test func aPackageEditRebuildsWithTheNewCode() async throws {
        let toolchain = try await PackageFixtures.toolchain()
        let root = try PackageFixtures.copy(of: "Units", label: "edit")
        defer { try? FileManager.default.removeItem(at: root) }
        // A cache of its own: the copy's path is new on every run, so its build is never reused.
        let core = PackageCore(toolchain: toolchain, cache: CacheFolder(url: root.appendingPathComponent(".cache")))
        let request = PackageFixtures.request("Units", products: ["Units"], root: root)
        let program = "import Units\nprint(format(1.5, unit: \"m\"))\n"

        let before = try await core.prepare(request)
        #expect(try PackageFixtures.run(program, against: before, toolchain: toolchain) == "1.5 m\n")

        // A file that is not built: SwiftPM runs (the content changed), the output does not.
        try "Notes.\n".write(to: root.appendingPathComponent("Units/NOTES.md"), atomically: true, encoding: .utf8)
        let noted = try await core.prepare(request)
        #expect(noted.contentHash != before.contentHash)
        #expect(noted.outputHash == before.outputHash)

        let source = root.appendingPathComponent("Units/Sources/Units/Format.swift")
        let edited = try String(contentsOf: source, encoding: .utf8).replacingOccurrences(of: "\"\\(value) \\(unit)\"", with: "\"\\(value)\\(unit)\"")
        try edited.write(to: source, atomically: true, encoding: .utf8)
        let built = BuildCounter()
        let after = try await core.prepare(request, willBuild: { built.increment() })
        #expect(built.count == 1)
        #expect(after.contentHash != noted.contentHash)
        #expect(after.outputHash != before.outputHash)
        #expect(try PackageFixtures.run(program, against: after, toolchain: toolchain) == "1.5m\n")
    }

    @Test func aBrokenPackageShowsSwiftPMsErrorsWithTheirPaths() async throws {
        let toolchain = try await PackageFixtures.toolchain()
        let request = PackageFixtures.request("Broken", products: ["Broken"])
        do {
            _ = try await PackageCore(toolchain: toolchain, cache: PackageFixtures.cache).prepare(request)
            Issue.record("a broken package built")
        } catch {
            let first = try #require(error.errors.first)
            #expect(first.path == "Broken/Sources/Broken/Broken.swift")
            #expect(first.line == 2)
            #expect(first.column > 0)
            #expect(first.message.contains("cannot convert"))
            #expect(first.description.hasPrefix("Broken/Sources/Broken/Broken.swift:2:"))
            #expect(!error.description.contains("workbook-package-products"))
        }
    }

    @Test func aManifestErrorIsShownAtItsLineInPackageSwift() async throws {
        let toolchain = try await PackageFixtures.toolchain()
        let root = try PackageFixtures.copy(of: "Units", label: "manifest")
        defer { try? FileManager.default.removeItem(at: root) }
        let manifest = root.appendingPathComponent("Units/Package.swift")
        let text = try String(contentsOf: manifest, encoding: .utf8)
            .replacingOccurrences(of: "targets: [.target(name: \"Units\")]", with: "targets: [.target(nme: \"Units\")]")
        try text.write(to: manifest, atomically: true, encoding: .utf8)
        let request = PackageFixtures.request("Units", products: ["Units"], root: root)
        do {
            _ = try await PackageCore(toolchain: toolchain, cache: CacheFolder(url: root.appendingPathComponent(".cache")))
                .prepare(request)
            Issue.record("a package with a broken manifest built")
        } catch {
            let first = try #require(error.errors.first)
            #expect(error.errors.count == 1)
            #expect(!error.description.contains("Invalid manifest"))
            #expect(first.path == "Units/Package.swift")
            #expect(first.line == 8)
            #expect(first.column > 0)
        }
    }

    @Test func anUnknownProductIsAConfigurationError() async throws {
        let toolchain = try await PackageFixtures.toolchain()
        let request = PackageFixtures.request("Units", products: ["Nope"])
        do {
            _ = try await PackageCore(toolchain: toolchain, cache: PackageFixtures.cache).prepare(request)
            Issue.record("an unknown product built")
        } catch {
            #expect(error.errors.map(\.description) == ["workbook.toml: error: the package 'Units' has no library product 'Nope'"])
        }
    }

    @Test func aFolderWithoutManifestIsRefusedBeforeBuilding() async throws {
        let toolchain = try await PackageFixtures.toolchain()
        let request = PackageFixtures.request("chapters", products: ["Shapes"])
        await #expect(throws: WorkbookErrors([WorkbookError(
            path: "workbook.toml", message: "the package folder 'chapters' has no Package.swift", stage: "package")])) {
            _ = try await PackageCore(toolchain: toolchain, cache: PackageFixtures.cache).prepare(request)
        }
    }
}

/// Counts calls from a `@Sendable` closure.
final class BuildCounter: @unchecked Sendable {
    // Guarded by `lock`: the closure may run on any thread.
    private let lock = NSLock()
    private var value = 0
    var count: Int { lock.withLock { value } }
    func increment() { lock.withLock { value += 1 } }
}
