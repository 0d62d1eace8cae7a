import Foundation
import Testing
@testable import WorkbookKit
@testable import WorkbookSwiftEngine

@Suite struct ResultCacheKeyTests {
    let package = PackageBuild(
        contentHash: "c1", outputHash: "o1", modules: ["Tiny"], compilerArguments: ["-I", "/cache/Modules"],
        linkerArguments: ["-L", "/cache", "-lWorkbookPackageProducts"], localPackages: ["/root/Tiny"])

    func key(_ source: String, package: PackageBuild?? = nil, compiler: String = "swift 6.3.1") throws -> String {
        let chapter = try SnippetExtractor().extract(path: "chapters/01-x.md", source: source)
        return ResultCache.key(chapter: chapter, package: package ?? self.package, compilerVersion: compiler)
    }

    let base = "# Title\n\n```swift\nprint(1)\n```\n"

    @Test func proseAndLineNumbersDoNotChangeTheKey() throws {
        #expect(try key(base) == key("# Another title\n\nMore prose.\n\n\n```swift\nprint(1)\n```\n\nEnd.\n"))
    }

    @Test func recordedOutputDoesNotChangeTheKey() throws {
        #expect(try key(base) == key(base + "\n```output\n1\n```\n"))
    }

    @Test(arguments: [
        "# Title\n\n```swift\nprint(2)\n```\n",
        "# Title\n\n```swift output=markdown\nprint(1)\n```\n",
        "# Title\n\n```swift hide\nprint(1)\n```\n",
        "# Title\n\n```swift norun\nprint(1)\n```\n",
        "# Title\n\n```swift\nprint(1)\n```\n\n```swift\n```\n",
    ])
    func codeAndOptionsChangeTheKey(source: String) throws {
        #expect(try key(base) != key(source))
    }

    @Test func theBuiltPackageItsFlagsAndTheCompilerChangeTheKey() throws {
        var rebuilt = package
        rebuilt.outputHash = "o2"
        var moved = package
        moved.compilerArguments = ["-I", "/elsewhere/Modules"]
        #expect(try key(base) != key(base, package: rebuilt))
        #expect(try key(base) != key(base, package: moved))
        #expect(try key(base) != key(base, package: .some(nil)))
        #expect(try key(base) != key(base, compiler: "swift 6.4"))
    }

    @Test func aPackageEditThatBuildsTheSameBytesKeepsTheKey() throws {
        var edited = package
        edited.contentHash = "c2"
        #expect(try key(base) == key(base, package: edited))
    }
}

extension ResultCacheKeyTests {
    @Test func aCompileFailureIsKeptWhenOneOfItsErrorsIsAtALineOfTheChapter() throws {
        let chapter = try SnippetExtractor().extract(path: "chapters/01-x.md", source: base)
        func error(_ path: String, _ line: Int, stage: String = "compile") -> WorkbookError {
            WorkbookError(path: path, line: line, column: line > 0 ? 1 : 0, message: "m", stage: stage)
        }
        #expect(ResultCache.isCacheableCompileFailure([error("chapters/01-x.md", 4)], chapter: chapter))
        // A message the compiler gives without a line (operator precedence groups) comes with located ones.
        #expect(ResultCache.isCacheableCompileFailure([error("chapters/01-x.md", 0), error("chapters/01-x.md", 4)], chapter: chapter))
        #expect(!ResultCache.isCacheableCompileFailure([error("chapters/01-x.md", 0)], chapter: chapter))
        #expect(!ResultCache.isCacheableCompileFailure([], chapter: chapter))
        #expect(!ResultCache.isCacheableCompileFailure([error("chapters/01-x.md", 4), error("Other.swift", 2)], chapter: chapter))
        #expect(!ResultCache.isCacheableCompileFailure([error("chapters/01-x.md", 4), error("chapters/01-x.md", 5, stage: "run")], chapter: chapter))
    }

    @Test(arguments: [
        ("print(#line)", true), ("let f = #fileID", true), ("#sourceLocation(file: \"a\", line: 1)", true),
        ("print(#function, #column)", true), ("x#filePath", true), ("# line", false), ("#if DEBUG\n#endif", false),
        ("print(\"line\")", false), ("", false), ("é#linè", false), ("é #line", true), ("#", false),
    ])
    func locationLiteralsAreFoundAsTheyAreWritten(code: String, uses: Bool) {
        #expect(ResultCache.usesLocationLiteral(code) == uses)
        // The same answer as a plain substring search.
        #expect(ResultCache.locationLiterals.contains { code.contains($0) } == uses)
    }
}
