import Foundation
import Testing

/// File-system problems reach the user as one located sentence: never an NSError dump, a Cocoa
/// error number or a backtrace.
@Suite struct ErrorsInWordsTests {
    static func expectPlain(_ run: WorkbookRun, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(run.exitCode != 0, sourceLocation: sourceLocation)
        #expect(run.stderr.contains(expected), "\(run.stderr)", sourceLocation: sourceLocation)
        for raw in ["NSCocoaErrorDomain", "Error Domain", "error 256", "error 512", "Code=", "Backtracing", "Fatal error"] {
            #expect(!run.stderr.contains(raw), "\(run.stderr)", sourceLocation: sourceLocation)
        }
    }

    @Test func aChapterThatIsAFolder() throws {
        let root = try WorkbookProcess.copy(fixture: "plain")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("chapters/02-two.md"), withIntermediateDirectories: true)
        Self.expectPlain(try WorkbookProcess.run(["check"], in: root),
                         "chapters/02-two.md: error: '02-two.md' is a folder, not a chapter file")
    }

    @Test func workbookTomlThatIsAFolder() throws {
        let root = try WorkbookProcess.copy(fixture: "plain")
        try FileManager.default.removeItem(at: root.appendingPathComponent("workbook.toml"))
        try FileManager.default.createDirectory(at: root.appendingPathComponent("workbook.toml"), withIntermediateDirectories: true)
        Self.expectPlain(try WorkbookProcess.run(["check"], in: root), "workbook.toml: error: 'workbook.toml' is a folder, not a file")
    }

    @Test func aCachePathThatIsAFile() throws {
        let root = try WorkbookProcess.copy(fixture: "plain")
        try root.write("not a folder\n", to: ".workbook-cache")
        Self.expectPlain(try WorkbookProcess.run(["check"], in: root, privateCache: true),
                         "the cache path is a file, not a folder")
        #expect(try root.text(".workbook-cache") == "not a folder\n")
    }

    @Test func aPackageFolderWithoutAManifest() throws {
        let root = try WorkbookProcess.copy(fixture: "tiny-package")
        try FileManager.default.removeItem(at: root.appendingPathComponent("Tiny/Package.swift"))
        Self.expectPlain(try WorkbookProcess.run(["check"], in: root, privateCache: true),
                         "workbook.toml:3:1: error: the package folder 'Tiny' has no Package.swift")
    }

    @Test func aProductThePackageDoesNotHave() throws {
        let root = try WorkbookProcess.copy(fixture: "tiny-package")
        try root.write("package = \"Tiny\"\nproducts = [\"Tiny\", \"Tinier\"]\n", to: "workbook.toml")
        Self.expectPlain(try WorkbookProcess.run(["check"], in: root, privateCache: true),
                         "workbook.toml: error: the package 'Tiny' has no library product 'Tinier'")
    }

    /// A package module named like a module every chapter program uses would shadow it, and the
    /// chapters would fail in code the user never wrote.
    @Test(arguments: ["Foundation", "WorkbookChapter", "Glibc"])
    func aPackageModuleNamedLikeASystemModule(name: String) throws {
        let root = try WorkbookProcess.copy(fixture: "tiny-package")
        try FileManager.default.moveItem(at: root.appendingPathComponent("Tiny/Sources/Tiny"),
                                         to: root.appendingPathComponent("Tiny/Sources/\(name)"))
        try root.write(try root.text("Tiny/Package.swift").replacingOccurrences(of: "\"Tiny\"]", with: "\"\(name)\"]")
                           .replacingOccurrences(of: ".target(name: \"Tiny\")", with: ".target(name: \"\(name)\")"),
                       to: "Tiny/Package.swift")
        for chapter in ["chapters/01-double.md", "chapters/02-isolated.md"] {
            try root.write(try root.text(chapter).replacingOccurrences(of: "import Tiny", with: "import \(name)"), to: chapter)
        }
        let run = try WorkbookProcess.run(["check"], in: root, privateCache: true)
        Self.expectPlain(run, "workbook.toml: error: the package 'Tiny' has a module named '\(name)', "
                         + "which every chapter program uses; rename its target")
        #expect(!run.stdout.contains("chapters/01-double.md: compiled"), "\(run.stdout)")
    }
}
