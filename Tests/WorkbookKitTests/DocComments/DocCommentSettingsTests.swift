import Foundation
import Testing
@testable import WorkbookKit
@testable import WorkbookSwiftEngine

/// `doc_comments` in `workbook.toml`, the manifest's targets, and `init --package`'s settings.
@Suite struct DocCommentSettingsTests {
    @Test func docCommentsIsReadAndNeedsAPackage() throws {
        let config = try WorkbookConfig.parse(toml: "package = \".\"\nproducts = [\"A\"]\ndoc_comments = \"check\"\n")
        #expect(config.docComments == .check)
        #expect(try WorkbookConfig.parse(toml: "").docComments == .ignore)
        #expect(throws: WorkbookErrors.self) { try WorkbookConfig.parse(toml: "doc_comments = \"check\"\n") }
        do {
            _ = try WorkbookConfig.parse(toml: "package = \".\"\nproducts = [\"A\"]\ndoc_comments = \"yes\"\n")
            Issue.record("a bad value is an error")
        } catch {
            #expect(error.errors.map(\.description) == ["workbook.toml:3:1: error: 'doc_comments' must be \"ignore\" or \"check\", not \"yes\""])
        }
    }

    @Test func theProductsTargetsAndTheirSwiftFilesAreRead() throws {
        let dump = """
            {"products": [{"name": "Lib", "targets": ["Lib", "Extra"], "type": {"library": ["automatic"]}},
                          {"name": "tool", "targets": ["Tool"], "type": {"executable": null}}],
             "targets": [{"name": "Lib", "exclude": ["Old"], "path": null},
                         {"name": "Extra", "exclude": [], "path": "Code/Extra", "sources": ["Kept"]},
                         {"name": "Tool", "exclude": []}]}
            """
        let targets = try #require(PackageTargets(dumpJSON: Data(dump.utf8)))
        #expect(targets.libraryProducts == ["Lib"])
        #expect(targets.targets(ofProducts: ["Lib"]).map(\.name) == ["Lib", "Extra"])

        let package = FileManager.default.temporaryDirectory.appendingPathComponent("targets-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: package) }
        for file in ["Sources/Lib/A.swift", "Sources/Lib/Old/B.swift", "Sources/Lib/notes.md", "Code/Extra/Kept/C.swift", "Code/Extra/D.swift"] {
            let url = package.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data().write(to: url)
        }
        let lib = targets.targets(ofProducts: ["Lib"])
        #expect(PackageTargets.swiftFiles(of: lib[0], in: package) == ["Sources/Lib/A.swift"])
        #expect(PackageTargets.swiftFiles(of: lib[1], in: package) == ["Code/Extra/Kept/C.swift"])
    }

    @Test func initNamesThePackageRelativeToTheWorkbook() {
        let base = URL(fileURLWithPath: "/tmp/a/b")
        #expect(PackageStarter.relativePath(from: base, to: base) == ".")
        #expect(PackageStarter.relativePath(from: base, to: URL(fileURLWithPath: "/tmp/a/b/pkg")) == "pkg")
        #expect(PackageStarter.relativePath(from: base, to: URL(fileURLWithPath: "/tmp/a/pkg")) == "../pkg")
        let text = PackageStarter.configuration(package: ".", products: ["A", "B"])
        let config = try? WorkbookConfig.parse(toml: text)
        #expect(config?.products == ["A", "B"] && config?.docComments == .check && config?.documentation.prints == .check)
    }
}
