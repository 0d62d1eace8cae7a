import Foundation
import Testing
@testable import WorkbookKit
@testable import SwiftToolchain
@testable import WorkbookSwiftEngine

/// The fixture workbook's chapter, generated as a chapter program importing nothing but
/// Foundation, compiled against the built package: every recorded output matches, and a
/// chapter that does not import the package cannot use it.
@Suite(.serialized) struct PackageChapterTests {
    func shapesBuild() async throws -> (PackageBuild, Toolchain) {
        let toolchain = try await PackageFixtures.toolchain()
        let request = PackageFixtures.request("Shapes", products: ["Shapes", "Geometry"])
        return (try await PackageCore(toolchain: toolchain, cache: PackageFixtures.cache).prepare(request), toolchain)
    }

    @Test func theFixtureChaptersRecordedOutputsAreWhatItsProgramPrints() async throws {
        let (build, toolchain) = try await shapesBuild()
        let path = "chapters/01-shapes.md"
        let source = try String(contentsOf: PackageFixtures.root.appendingPathComponent(path), encoding: .utf8)
        let chapter = try SnippetExtractor().extract(path: path, source: source)
        let program = ChapterProgram(chapter: chapter, modules: [])
        let printed = try PackageFixtures.run(program.source, against: build, toolchain: toolchain, flags: program.shape.compilerFlags)
        var splitter = SnippetOutputSplitter(boundary: program.boundary, limit: 1 << 20)
        splitter.append(Array(printed.utf8))
        splitter.finish()
        #expect(chapter.snippets.count == 5)
        for snippet in chapter.snippets {
            let actual = splitter.finished[snippet.index].map { String(decoding: $0, as: UTF8.self) }
            #expect(actual.map(WorkbookExecutor.normalized) == snippet.recorded?.text, "snippet at line \(snippet.fenceLine)")
        }
    }

    @Test func modulesAreAvailableNotImported() async throws {
        let (build, toolchain) = try await shapesBuild()
        #expect(throws: PackageFixtures.ProgramError.self) {
            _ = try PackageFixtures.run("print(Square(side: 1).area)\n", against: build, toolchain: toolchain)
        }
    }
}
