import Foundation
import Testing
@testable import WorkbookKit
@testable import WorkbookSwiftEngine

/// The content hash covers what can change a package build and nothing else.
@Suite struct PackageContentHashTests {
    /// A copy of the fixture packages `Shapes`, `Units` and `Legacy` in a new folder.
    func copyOfFixtures() throws -> URL {
        let root = try PackageFixtures.temporaryFolder("hash")
        for name in ["Shapes", "Units", "Legacy"] {
            try FileManager.default.copyItem(
                at: PackageFixtures.root.appendingPathComponent(name), to: root.appendingPathComponent(name))
        }
        return root
    }

    func hash(_ root: URL, ignoring: [URL] = [], toolchain: String = "swift 6", resolved: Data? = nil) -> String {
        let request = PackageRequest(
            packageFolder: root.appendingPathComponent("Shapes"), products: ["Shapes"], root: root, ignoredFolders: ignoring)
        let wrapper = PackageWrapper(packageFolder: request.packageFolder, products: request.products)
        return PackageContentHash(request: request, toolchainVersion: toolchain, wrapperManifest: wrapper.manifest,
                                  resolvedVersions: resolved)
            .hash(localPackages: [root.appendingPathComponent("Units").path, root.appendingPathComponent("Legacy").path])
    }

    @Test func editsToSourcesResourcesManifestsAndDependenciesChangeTheHash() throws {
        let root = try copyOfFixtures()
        defer { try? FileManager.default.removeItem(at: root) }
        let original = hash(root)
        #expect(hash(root) == original)
        for (path, text) in [
            ("Shapes/Code/ShapesLib/Square.swift", "// edited\n"),
            ("Shapes/Code/ShapesLib/Resources/greeting.txt", "hello again\n"),
            ("Shapes/Package.swift", "// edited\n"),
            ("Shapes/Sources/CGeometry/include/geometry.h", "// edited\n"),
            ("Units/Sources/Units/Format.swift", "// edited\n"),
            ("Legacy/Package.swift", "// edited\n"),
        ] {
            let url = root.appendingPathComponent(path)
            let saved = try Data(contentsOf: url)
            try (String(decoding: saved, as: UTF8.self) + text).write(to: url, atomically: true, encoding: .utf8)
            #expect(hash(root) != original, "editing \(path) left the hash unchanged")
            try saved.write(to: url)
            #expect(hash(root) == original)
        }
        try "new".write(to: root.appendingPathComponent("Shapes/Code/ShapesLib/New.swift"), atomically: true, encoding: .utf8)
        #expect(hash(root) != original, "a new source file left the hash unchanged")
    }

    @Test func theToolchainAndPinnedVersionsChangeTheHash() throws {
        let root = try copyOfFixtures()
        defer { try? FileManager.default.removeItem(at: root) }
        let original = hash(root)
        #expect(hash(root, toolchain: "swift 7") != original)
        #expect(hash(root, resolved: Data("pins".utf8)) != original)
    }

    @Test func buildFoldersNestedPackagesAndIgnoredFoldersDoNotChangeTheHash() throws {
        let root = try copyOfFixtures()
        defer { try? FileManager.default.removeItem(at: root) }
        let original = hash(root)
        let shapes = root.appendingPathComponent("Shapes")
        for path in [".build/debug/x.o", ".swiftpm/config", "Examples/Package.swift", "Examples/Sources/A/a.swift"] {
            let url = shapes.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try "x".write(to: url, atomically: true, encoding: .utf8)
        }
        let chapters = shapes.appendingPathComponent("chapters")
        try FileManager.default.createDirectory(at: chapters, withIntermediateDirectories: true)
        try "# notes".write(to: chapters.appendingPathComponent("01.md"), atomically: true, encoding: .utf8)
        #expect(hash(root, ignoring: [chapters]) == original)
        #expect(hash(root) != original)
    }
}

/// Reading SwiftPM's records, writing the wrapper, and re-pathing SwiftPM's errors.
@Suite struct SwiftPMRecordTests {
    @Test func clangImportArgumentsAreKeptInOrderAndOthersDropped() {
        let arguments = ["-target", "x86_64", "-O", "-DSWIFT_PACKAGE", "-Xcc", "-fmodule-map-file=/a/module.modulemap",
                         "-Xcc", "-I", "-Xcc", "/a/include", "-module-cache-path", "/m", "-Xcc", "-fPIC", "-Xcc", "-g",
                         "-Xcc", "-fmodule-map-file=/b/module.modulemap", "-swift-version", "5"]
        #expect(SwiftPMBuildDescription.clangImportArguments(in: arguments) == [
            "-Xcc", "-fmodule-map-file=/a/module.modulemap", "-Xcc", "-I", "-Xcc", "/a/include",
            "-Xcc", "-fmodule-map-file=/b/module.modulemap",
        ])
    }

    @Test func moduleMapsNameTheirModules() {
        let text = "module CGeometry {\n    umbrella \"/x/include\"\n    export *\n}\nexplicit module Extra {\n  module Sub { }\n}\n"
        #expect(SwiftPMBuildDescription.moduleNames(inModuleMap: text) == ["CGeometry", "Extra", "Sub"])
    }

    @Test func theDescriptionGivesTheWrappersImportFlags() throws {
        let json = """
            {"swiftCommands": {
              "C.Shapes-release.module": {"moduleName": "Shapes", "importPath": "/s/release/Modules", "otherArguments": []},
              "C.W-release.module": {"moduleName": "\(PackageWrapper.productName)", "importPath": "/s/release/Modules",
                "otherArguments": ["-O", "-Xcc", "-fmodule-map-file=/s/C.build/module.modulemap", "-Xcc", "-I", "-Xcc", "/p/include"]}
            }}
            """
        let description = try #require(SwiftPMBuildDescription(descriptionJSON: Data(json.utf8)))
        #expect(description.modulesFolder == "/s/release/Modules")
        #expect(description.swiftModules == ["Shapes"])
        #expect(description.moduleMapFiles == ["/s/C.build/module.modulemap"])
    }

    @Test func workspaceStateListsLocalPackagesOnly() {
        let json = """
            {"object": {"dependencies": [
              {"packageRef": {"kind": "fileSystem", "location": "/w/Units"}},
              {"packageRef": {"kind": "remoteSourceControl", "location": "https://github.com/apple/swift-numerics"}},
              {"packageRef": {"kind": "fileSystem", "location": "/w/Legacy"}}
            ]}}
            """
        #expect(SwiftPMBuildDescription.localPackageFolders(inWorkspaceState: Data(json.utf8)) == ["/w/Legacy", "/w/Units"])
    }

    @Test func theWrapperManifestQuotesPathsAndNamesTheProducts() {
        let wrapper = PackageWrapper(packageFolder: URL(fileURLWithPath: "/w/my \"lib\""), products: ["A", "B"])
        #expect(wrapper.manifest.contains(#".package(path: "/w/my \"lib\"")"#))
        #expect(wrapper.manifest.contains(#".product(name: "A", package: "my \"lib\"")"#))
        #expect(wrapper.manifest.contains(#".product(name: "B", package: "my \"lib\"")"#))
        #expect(wrapper.manifest.contains("type: .dynamic"))
    }

    @Test func swiftPMErrorsArePathedRelativeToTheWorkbook() {
        let root = URL(fileURLWithPath: "/w")
        let request = PackageRequest(packageFolder: root.appendingPathComponent("lib"), products: ["Lib"], root: root)
        let diagnostics = PackageDiagnostics(request: request, wrapperFolder: URL(fileURLWithPath: "/cache/packages/lib-1/wrapper"))
        let output = """
            Building for production...
            /w/lib/Package.swift:7:9: error: extra argument 'nope' in call
            error: 'workbook-package-products': product 'Lib' required by package 'workbook-package-products' target 'WorkbookPackageProducts' not found in package 'lib'.
            /w/lib/Package.swift:8:22: error: incorrect argument label in call (have 'nme:', expected 'name:')
            error: Invalid manifest (compiled with: ["/opt/swift/usr/bin/swiftc", "-vfsoverlay"])
            """
        #expect(diagnostics.errors(in: output).map(\.description) == [
            "lib/Package.swift:7:9: error: extra argument 'nope' in call",
            "workbook.toml: error: the package 'lib' has no library product 'Lib'",
            "lib/Package.swift:8:22: error: incorrect argument label in call (have 'nme:', expected 'name:')",
        ])
    }
}
