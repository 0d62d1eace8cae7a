import Foundation
import Testing

/// A build that changed nothing keeps the site as it is and says the same; any change to what
/// the site is made of, or to the site itself, renders it again.
@Suite struct WarmBuildEndToEndTests {
    private func inode(_ root: URL, _ path: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(path).path)[.systemFileNumber] as? Int
    }

    @Test func anUnchangedBuildKeepsTheSiteAndReportsAsBefore() throws {
        let first = try WorkbookProcess.run(["build"], fixture: "site-diary", privateCache: true)
        #expect(first.exitCode == 0, "\(first.stderr)")
        let root = first.root
        let page = try root.text("site/01-diary.html")
        let folder = try inode(root, "site")

        let warm = try WorkbookProcess.run(["build"], in: root, privateCache: true)
        #expect(warm.exitCode == 0, "\(warm.stderr)")
        #expect(warm.stderr.isEmpty)
        #expect(warm.lines.contains { $0.hasPrefix("Built 3 pages into ") && $0.contains("(2 chapters: 0 ran, 2 cached)") })
        #expect(try inode(root, "site") == folder)
        #expect(try root.text("site/01-diary.html") == page)

        // Another day: the diary's dates change.
        let tomorrow = try WorkbookProcess.run(["build", "--date", "1996-05-13"], in: root, privateCache: true)
        #expect(tomorrow.exitCode == 0, "\(tomorrow.stderr)")
        #expect(try root.text("site/01-diary.html") != page)

        // A page edited by hand is written again.
        _ = try WorkbookProcess.run(["build"], in: root, privateCache: true)
        #expect(try root.text("site/01-diary.html") == page)
        try root.write("edited", to: "site/01-diary.html")
        let repaired = try WorkbookProcess.run(["build"], in: root, privateCache: true)
        #expect(repaired.exitCode == 0, "\(repaired.stderr)")
        #expect(try root.text("site/01-diary.html") == page)

        // Prose edited: the page follows.
        let source = try root.text("chapters/01-diary.md")
        try root.write(source + "\nA new closing line.\n", to: "chapters/01-diary.md")
        let edited = try WorkbookProcess.run(["build"], in: root, privateCache: true)
        #expect(edited.exitCode == 0, "\(edited.stderr)")
        #expect(try root.text("site/01-diary.html").contains("A new closing line."))
    }
}
