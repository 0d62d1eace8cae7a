import Foundation
import Testing

/// Signature snippets through the `workbook` binary, on the `signatures` fixture: a small
/// library package (`Groups`) with guides that import it, run examples and show its API as
/// declarations without bodies; one guide is stale. Signatures are never run, are checked
/// against the built products, and the products' declarations are listed once per build.
@Suite struct SignatureTests {
    static let staleErrors = [
        "chapters/03-stale.md:7:5: error: the products declare no 'slidingWindows(ofCount:)' in an extension of 'Collection'",
        "chapters/03-stale.md:8:41: error: 'windows(ofCount:)' returns 'SlidingWindows<Self>' in the snippet, "
            + "but the products declare 'func windows(ofCount count: Int) -> Windows<Self>'",
        "chapters/03-stale.md:11:1: error: the products declare no type 'SlidingWindows'",
        "chapters/03-stale.md:17:55: error: 'increases(in:)' returns 'Double' in the snippet, "
            + "but the products declare 'func increases<C>(in values: C) -> Int where C : Collection, C.Element : Comparable'",
        "chapters/03-stale.md:22:5: error: 'count' is settable in the snippet, but the products declare 'var count: Int { get }'",
    ]

    /// The files of the cache's symbol lists.
    /// The lists of declarations kept in the cache, as paths below `signatures/` (each entry
    /// is named by its 64-digit key).
    func symbolLists(_ root: URL) -> [String] {
        let folder = root.appendingPathComponent(".workbook-cache/signatures")
        let paths = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
        return paths.filter { $0.split(separator: "/").last?.count == 64 }.sorted()
    }

    @Test func currentGuidesPassAndTheStaleOneFailsAtItsLines() throws {
        let root = try WorkbookProcess.copy(fixture: "signatures")
        let current = try WorkbookProcess.run(["check", "chapters/01-chunked.md", "chapters/02-windows.md"], in: root, privateCache: true)
        #expect(current.exitCode == 0, "\(current.stdout)\n\(current.stderr)")
        // Only the two examples ran: a signature snippet would not compile as a program.
        #expect(current.stdout.contains("2 passed, 0 failed; 6 signatures"), "\(current.stdout)")
        #expect(current.stderr.isEmpty, "\(current.stderr)")
        #expect(symbolLists(root).count == 1, "one list of the products' declarations per build")

        let all = try WorkbookProcess.run(["check"], in: root, privateCache: true)
        #expect(all.exitCode == 1, "\(all.stdout)")
        let errors = all.stderr.split(separator: "\n").map(String.init).filter { $0.contains(": error: ") }
        #expect(errors == Self.staleErrors, "\(all.stderr)")
        #expect(!all.stdout.contains("Building"), "the built products are reused: \(all.stdout)")
    }

    @Test func theListIsMadeOncePerBuildAndAChangedLibraryIsCaught() throws {
        let root = try WorkbookProcess.copy(fixture: "signatures")
        let chapters = ["chapters/01-chunked.md", "chapters/02-windows.md"]
        let first = try WorkbookProcess.run(["check"] + chapters, in: root, privateCache: true)
        #expect(first.exitCode == 0, "\(first.stderr)")
        let lists = symbolLists(root)
        #expect(lists.count == 1)
        let list = root.appendingPathComponent(".workbook-cache/signatures/\(lists.first ?? "")")
        let written = try FileManager.default.attributesOfItem(atPath: list.path)[.modificationDate] as? Date

        let warm = try WorkbookProcess.run(["check"] + chapters, in: root, privateCache: true)
        #expect(warm.exitCode == 0, "\(warm.stderr)")
        #expect(try FileManager.default.attributesOfItem(atPath: list.path)[.modificationDate] as? Date == written,
                "a warm check reads the list, it does not make it again")
        let fresh = try WorkbookProcess.run(["check", "--no-cache"] + chapters, in: root, privateCache: true)
        #expect(fresh.exitCode == 0, "\(fresh.stderr)")
        #expect(try FileManager.default.attributesOfItem(atPath: list.path)[.modificationDate] as? Date != written,
                "--no-cache makes the list again")
        #expect(symbolLists(root) == lists, "for the same build, in the same entry")

        // The library renames a property: the guide that shows it fails, at its line.
        let source = "Groups/Sources/Groups/Windows.swift"
        try root.write(try root.text(source).replacingOccurrences(of: "public var count: Int {", with: "public var total: Int {")
                        .replacingOccurrences(of: "(0..<count)", with: "(0..<total)"), to: source)
        let renamed = try WorkbookProcess.run(["check"] + chapters, in: root, privateCache: true)
        #expect(renamed.exitCode == 1, "\(renamed.stdout)")
        #expect(renamed.stderr.contains(
            "chapters/02-windows.md:23:5: error: the products declare no 'count' in 'Windows'"), "\(renamed.stderr)")
        #expect(symbolLists(root).count == 2, "a new build gets its own list")
    }

    @Test func withoutAPackageSignaturesAreShownUnchecked() throws {
        let root = try WorkbookProcess.copy(fixture: "signatures")
        try root.write("title = \"Plain\"\n", to: "workbook.toml")
        try root.write("""
            # Generics

            ```swift
            func swapTwoValues<T>(_ a: inout T, _ b: inout T) {
                (a, b) = (b, a)
            }
            var x = 1, y = 2
            swapTwoValues(&x, &y)
            print(x, y)
            ```

            ```output
            2 1
            ```

            The function's signature:

            ```swift
            func swapTwoValues<T>(_ a: inout T, _ b: inout T)
            ```

            """, to: "chapters/01-chunked.md")
        for chapter in ["chapters/02-windows.md", "chapters/03-stale.md"] {
            try FileManager.default.removeItem(at: root.appendingPathComponent(chapter))
        }
        let run = try WorkbookProcess.run(["check"], in: root)
        #expect(run.exitCode == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stdout.contains("1 passed, 0 failed"), "\(run.stdout)")

        let build = try WorkbookProcess.run(["build"], in: root)
        #expect(build.exitCode == 0, "\(build.stderr)")
        let page = try root.text("site/01-chunked.html")
        #expect(page.contains("<p class=\"snippet-note\">Signatures</p>"), "the page marks the signature snippet")
    }
}
