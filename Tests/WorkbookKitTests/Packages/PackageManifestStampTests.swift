import Foundation
import Testing
@testable import WorkbookKit
@testable import WorkbookSwiftEngine

/// SwiftPM can miss a manifest edited in the same second as its last build, and a file added to
/// a path dependency: the build plan is removed whenever the manifests' contents or the set of
/// files changed, and only then.
@Suite struct PackageManifestStampTests {
    @Test func theBuildPlanIsRemovedOnlyWhenAManifestChanged() throws {
        let root = try PackageFixtures.temporaryFolder("stamp")
        defer { try? FileManager.default.removeItem(at: root) }
        let package = root.appendingPathComponent("Lib")
        try FileManager.default.createDirectory(at: package, withIntermediateDirectories: true)
        try "// swift-tools-version: 6.0\n".write(to: package.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        let request = PackageRequest(packageFolder: package, products: ["Lib"], root: root)
        let folders = PackageWorkFolders(cache: CacheFolder(url: root.appendingPathComponent("cache")), request: request)
        let stamp = PackageManifestStamp(folders: folders, configuration: "release")
        func writePlan() throws {
            try FileManager.default.createDirectory(at: folders.scratch, withIntermediateDirectories: true)
            try "plan".write(to: stamp.buildPlan, atomically: true, encoding: .utf8)
        }
        func planExists() -> Bool { FileManager.default.fileExists(atPath: stamp.buildPlan.path) }

        try writePlan()
        stamp.record(packages: [package.path])
        stamp.forgetPlanIfManifestsChanged(packages: [package.path])
        #expect(planExists(), "unchanged manifests keep the plan")

        try "public let x = 1\n".write(to: package.appendingPathComponent("Source.swift"), atomically: true, encoding: .utf8)
        stamp.forgetPlanIfManifestsChanged(packages: [package.path])
        #expect(!planExists(), "a new source file removes the plan")

        try writePlan()
        stamp.record(packages: [package.path])
        try "public let x = 2\n".write(to: package.appendingPathComponent("Source.swift"), atomically: true, encoding: .utf8)
        stamp.forgetPlanIfManifestsChanged(packages: [package.path])
        #expect(planExists(), "a source edit keeps the plan")

        try "// swift-tools-version: 6.0\n// edited\n".write(to: package.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        stamp.forgetPlanIfManifestsChanged(packages: [package.path])
        #expect(!planExists(), "an edited manifest removes the plan")
    }
}
