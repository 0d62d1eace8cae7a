/// One program of a chapter: the snippets it compiles and runs, in order, and whose outputs
/// it gives.
///
/// A program of an environment gives the outputs of all its snippets. A program for a snippet
/// that must fail (`expect=error`, `expect=crash`) runs the earlier snippets of its
/// environment and then that snippet, and gives only that snippet's output.
public struct SnippetProgram: Sendable, Equatable {
    /// The snippets the program runs, by index in the chapter, in reading order.
    public var snippetIndices: [Int]
    /// How the last snippet must fail, or `nil` for a program of an environment.
    public var expected: ExpectedFailure?

    public init(snippetIndices: [Int], expected: ExpectedFailure? = nil) {
        self.snippetIndices = snippetIndices
        self.expected = expected
    }

    /// The snippets whose outputs come from this program.
    public var outputIndices: [Int] {
        guard expected != nil, let last = snippetIndices.last else { return snippetIndices }
        return [last]
    }

    /// A word for the cache key: programs with the same snippets but another expectation
    /// give other outputs.
    var kind: String { expected.map { "expect=\($0.rawValue)" } ?? "environment" }
}

/// How a chapter's runnable snippets are split into programs.
///
/// Snippets with `env=NAME` share the program of `NAME`; the others share the chapter's
/// default program (`snippets = "shared"`) or are programs of their own (`"isolated"`). A
/// snippet with `expect=` is left out of its environment's program and gets a program of its
/// own after the environment's earlier snippets, so its failure stops nothing else.
public struct ProgramPlan: Sendable, Equatable {
    /// The programs, ordered by their first snippet.
    public var programs: [SnippetProgram]

    public init(chapter: Chapter, grouping: SnippetGrouping) {
        var environments: [String: Int] = [:]
        var programs: [SnippetProgram] = []
        var failing: [SnippetProgram] = []
        for snippet in chapter.snippets where !snippet.options.norun {
            let name: String
            if let environment = snippet.options.documentation.environment {
                name = "env " + environment
            } else {
                name = grouping == .isolated ? "snippet \(snippet.index)" : "default"
            }
            let earlier = environments[name].map { programs[$0].snippetIndices } ?? []
            if let expected = snippet.options.documentation.expect {
                failing.append(SnippetProgram(snippetIndices: earlier + [snippet.index], expected: expected))
                if environments[name] == nil {
                    environments[name] = programs.count
                    programs.append(SnippetProgram(snippetIndices: []))
                }
            } else if let position = environments[name] {
                programs[position].snippetIndices.append(snippet.index)
            } else {
                environments[name] = programs.count
                programs.append(SnippetProgram(snippetIndices: [snippet.index]))
            }
        }
        self.programs = (programs.filter { !$0.snippetIndices.isEmpty } + failing)
            .sorted { ($0.outputIndices.first ?? 0) < ($1.outputIndices.first ?? 0) }
    }

    /// `chapter` as the engine sees `program`: the snippets outside the program are `norun`,
    /// so snippet indices, line numbers and the chapter's path stay those of the chapter.
    public static func chapter(_ chapter: Chapter, of program: SnippetProgram) -> Chapter {
        let members = Set(program.snippetIndices)
        var restricted = chapter
        restricted.blocks = chapter.blocks.map { block in
            guard case .snippet(var snippet) = block, !members.contains(snippet.index) else { return block }
            snippet.options.norun = true
            return .snippet(snippet)
        }
        return restricted
    }
}
