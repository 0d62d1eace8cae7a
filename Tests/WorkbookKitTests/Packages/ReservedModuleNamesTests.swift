import Foundation
import Testing
@testable import WorkbookKit
@testable import WorkbookSwiftEngine

/// A package module named like a module every chapter program uses is an error at
/// `workbook.toml`, one per such module; other names are not.
@Suite struct ReservedModuleNamesTests {
    let request = PackageRequest(
        packageFolder: URL(fileURLWithPath: "/book/Tiny"), products: ["Tiny"], root: URL(fileURLWithPath: "/book"))

    @Test func eachReservedModuleIsOneErrorAtWorkbookToml() {
        let errors = ReservedModuleNames.errors(in: ["Tiny", "WorkbookChapter", "Foundation", "_NumericsShims"], request: request)
        #expect(errors.map(\.path) == ["workbook.toml", "workbook.toml"])
        #expect(errors.map(\.message) == [
            "the package 'Tiny' has a module named 'Foundation', which every chapter program uses; rename its target",
            "the package 'Tiny' has a module named 'WorkbookChapter', which every chapter program uses; rename its target",
        ])
    }

    @Test func theChapterProgramsOwnModuleIsReserved() {
        #expect(ReservedModuleNames.all.contains(CompilerFlags.programModuleName))
        #expect(ReservedModuleNames.errors(in: ["Tiny", "Units", "CGeometry"], request: request).isEmpty)
    }
}
