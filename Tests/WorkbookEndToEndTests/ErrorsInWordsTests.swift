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

    @Test(arguments: ["Foundation", "WorkbookChapter", "Glibc"])
    func aCoreFolderNamedLikeASystemModule(name: String) throws {
        let root = try WorkbookProcess.copy(fixture: "plain")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Core/\(name)"), withIntermediateDirectories: true)
        try root.write("public let x = 1\n", to: "Core/\(name)/X.swift")
        try root.write("core = [\"Core/\(name)\"]\n", to: "workbook.toml")
        Self.expectPlain(try WorkbookProcess.run(["check"], in: root),
                         "workbook.toml:1:1: error: 'core' folder name '\(name)' is taken by a module every chapter program uses")
    }
}
