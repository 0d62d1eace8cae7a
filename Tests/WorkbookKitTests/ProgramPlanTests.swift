import Foundation
import Testing
@testable import WorkbookKit

/// How a chapter's snippets are split into programs: environments, isolation, expected failures.
@Suite struct ProgramPlanTests {
    func chapter(_ infos: [String]) throws -> Chapter {
        let source = "# Chapter\n\n" + infos.enumerated().map { "```swift \($1)\nprint(\($0))\n```\n\n" }.joined()
        return try SnippetExtractor().extract(path: "chapters/01-c.md", source: source)
    }

    func plan(_ infos: [String], _ grouping: SnippetGrouping = .shared) throws -> [SnippetProgram] {
        ProgramPlan(chapter: try chapter(infos), grouping: grouping).programs
    }

    @Test func sharedSnippetsAreOneProgramAsBefore() throws {
        #expect(try plan(["", "", "norun", ""]) == [SnippetProgram(snippetIndices: [0, 1, 3])])
    }

    @Test func anEnvironmentIsAProgramOfItsOwnInOrder() throws {
        #expect(try plan(["", "env=a", "", "env=a", "env=b"]) == [
            SnippetProgram(snippetIndices: [0, 2]), SnippetProgram(snippetIndices: [1, 3]), SnippetProgram(snippetIndices: [4]),
        ])
    }

    @Test func isolatedSnippetsAreProgramsOfTheirOwnButEnvironmentsStillShare() throws {
        #expect(try plan(["", "env=a", "", "env=a"], .isolated) == [
            SnippetProgram(snippetIndices: [0]), SnippetProgram(snippetIndices: [1, 3]), SnippetProgram(snippetIndices: [2]),
        ])
    }

    @Test func aSnippetThatMustFailRunsAfterItsEnvironmentsEarlierSnippetsAndNothingElse() throws {
        let programs = try plan(["", "expect=error", "", "env=a expect=crash", "env=a", "expect=crash"])
        #expect(programs == [
            SnippetProgram(snippetIndices: [0, 2]),
            SnippetProgram(snippetIndices: [0, 1], expected: .error),
            SnippetProgram(snippetIndices: [3], expected: .crash),
            SnippetProgram(snippetIndices: [4]),
            SnippetProgram(snippetIndices: [0, 2, 5], expected: .crash),
        ])
        #expect(programs[1].outputIndices == [1])
        #expect(programs[0].outputIndices == [0, 2])
    }

    @Test func theEngineSeesAProgramAsItsChapterWithTheOtherSnippetsNotRun() throws {
        let chapter = try chapter(["", "env=a", ""])
        let restricted = ProgramPlan.chapter(chapter, of: SnippetProgram(snippetIndices: [1]))
        #expect(restricted.snippets.map(\.options.norun) == [true, false, true])
        #expect(restricted.snippets.map(\.index) == [0, 1, 2])
        #expect(restricted.path == chapter.path)
    }
}
