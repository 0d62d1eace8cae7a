import Foundation
import Testing
@testable import WorkbookSite

@Suite struct BuiltInThemeTests {
    /// The theme folder of the sources, next to this file's package.
    private static let themeFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/WorkbookSite/Resources/theme")

    @Test func theTableListsExactlyTheThemeFolderFiles() throws {
        let folder = ThemeLoader.files(in: Self.themeFolder)
        #expect(!folder.isEmpty)
        #expect(BuiltInTheme.files.map(\.path) == folder.map(\.0))
        for ((path, contents), (_, onDisk)) in zip(BuiltInTheme.files, folder) {
            #expect(contents == onDisk, "built-in \(path) differs from the folder's file")
        }
    }

    @Test func theLoaderNeedsNoFolderForTheBuiltInTheme() throws {
        let emptyRoot = FileManager.default.temporaryDirectory.appendingPathComponent("no-theme-\(UUID().uuidString)")
        let theme = try ThemeLoader().load(workbookRoot: emptyRoot)
        #expect(theme.files.map(\.path) == ["search.js", "style.css"])
        #expect(theme.render("index", [:]).isEmpty == false)
    }
}
