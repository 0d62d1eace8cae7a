import Foundation
import Testing

/// `promote` reaches a fixed point on every fixture workbook: after it, `check` passes (where
/// the fixture can pass at all) and a second `promote` changes no file.
@Suite struct PromoteFixedPointTests {
    /// Fixtures whose `check` fails whatever `promote` writes, and why. Each must really fail.
    static let cannotPass: [String: String] = [
        "bad-config": "workbook.toml has errors",
        "compile-error": "a chapter does not compile",
        "crash": "a chapter crashes",
        "timeout": "a chapter runs past its timeout",
        "unknown-option": "a snippet has an unknown option",
        "promote-partial": "a chapter does not compile, and a '// Prints' comment cannot be read",
        "check-links": "a chapter links to a chapter that does not exist",
        "doc-notebook": "a listing has a deliberate compile error, one needs its constant, one traps",
        "signatures": "a guide shows signatures the library no longer has",
        "swifttest-catalog": "a swifttest block expects the wrong output and a listing drifted from its test: promote does not rewrite the book's tests",
        "doc-comments": "a doc comment's '// Prints' comment is wrong and another example is wrong against the library",
    ]

    /// Fixtures left out, and why.
    static let skipped: [String: String] = [
        "serve-slow": "its one snippet sleeps two minutes so that a test can stop the server meanwhile; it prints one line",
    ]

    /// Every fixture folder holding a `workbook.toml`.
    static let workbooks: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: WorkbookProcess.fixtures.path)) ?? []
        return names.filter {
            FileManager.default.fileExists(atPath: WorkbookProcess.fixtures.appendingPathComponent("\($0)/workbook.toml").path)
                && !skipped.keys.contains($0)
        }.sorted()
    }()

    @Test func everyFixtureWorkbookIsCovered() {
        #expect(Self.workbooks.count >= 25, "\(Self.workbooks)")
        #expect(Set(Self.cannotPass.keys).isSubset(of: Set(Self.workbooks)))
    }

    @Test(arguments: workbooks)
    func promoteThenCheckPassesAndASecondPromoteChangesNothing(fixture: String) throws {
        let root = try WorkbookProcess.copy(fixture: fixture)
        _ = try WorkbookProcess.run(["promote"], in: root)
        let check = try WorkbookProcess.run(["check"], in: root)
        if let reason = Self.cannotPass[fixture] {
            #expect(check.exitCode != 0, "\(fixture) passes its check, yet is listed as failing: \(reason)")
        } else {
            #expect(check.exitCode == 0, "\(fixture): check fails after promote:\n\(check.stdout)\n\(check.stderr)")
        }
        let before = try Self.files(root)
        let second = try WorkbookProcess.run(["promote"], in: root)
        #expect(second.stdout.contains("promoted ") == false, "\(fixture): \(second.stdout)")
        #expect(try Self.files(root) == before, "\(fixture): the second promote changed a file")
    }

    /// The contents of every file of the workbook but its cache and site, by path.
    static func files(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            let path = String(url.path.dropFirst(root.path.count))
            if path.hasPrefix("/.workbook-cache") || path.hasPrefix("/site") || path.hasPrefix("/.build") { continue }
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            files[path] = try Data(contentsOf: url)
        }
        return files
    }
}
