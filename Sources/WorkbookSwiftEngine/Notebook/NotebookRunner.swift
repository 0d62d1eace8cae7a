import Foundation
import SwiftParser
import SwiftToolchain
import WorkbookKit

/// Runs one program of a notebook chapter (`snippets = "notebook"`): the snippets with
/// ``NotebookScoping``, and a snippet that fails stops only itself.
///
/// A snippet that does not compile is left out with its compiler errors, and the program is
/// compiled again without it (a definition that looked ahead at the next listings' versions
/// is first read again strictly); a snippet that traps (or exits) is left out with its crash,
/// or, when the runtime names its line, kept without that line, and the program runs again,
/// its earlier snippets' outputs kept from the first run. A snippet that fails only at lines
/// its `// Error` comments mark passes and is kept without them. Later snippets then run
/// without the declarations of the snippets left out; one that needed them fails in turn,
/// saying which snippet declared the name it misses. Each round leaves a snippet out, or
/// reads it strictly, or empties its lines, each at most once per snippet, so the loop ends:
/// a program of N snippets compiles at most 3N + 1 times, and a program that fails nowhere
/// once.
///
/// In a program for an `expect=` snippet (its environment's earlier snippets, then itself),
/// only that snippet's failure is the program's: the earlier snippets' own failures are
/// reported by their environment's program.
struct NotebookRunner: Sendable {
    /// Bumped whenever what a notebook program gives can change (its rules, the scoping): part
    /// of every notebook chapter's cache key.
    static let version = "notebook-4"

    var runner: ChapterRunner

    func run(_ chapter: Chapter, root: URL, timeout: Double) async -> ChapterRun {
        var active = chapter.snippets.filter { !$0.options.norun }.map(\.index)
        let expected = active.last.flatMap { chapter.snippets[$0].options.documentation.expect != nil ? $0 : nil }
        var result = ChapterRun(outputs: [:], errors: [], compileSeconds: 0, runSeconds: 0)
        result.reusedProgram = true
        /// The errors of the snippets left out, by snippet index.
        var leftOut: [Int: [WorkbookError]] = [:]
        /// Names declared by snippets left out, with the first such snippet's fence line.
        var missing: [String: Int] = [:]
        /// Outputs of snippets before this index were taken from an earlier run.
        var keepFrom = 0
        /// Snippets that failed at their `// Error` lines, which now run without those lines.
        var blanked: [Int: Set<Int>] = [:]
        /// Snippets that failed as their `// Error` comments say: they pass, with no errors.
        var failedAsMarked: Set<Int> = []
        /// Definition snippets that failed while they looked ahead: they see only what is
        /// declared up to themselves.
        var strict: Set<Int> = []
        while !active.isEmpty {
            let scoping = NotebookScoping(chapter: chapter, running: active, blanking: blanked, strict: strict)
            let run = scoping.restore(await runner.run(scoping.chapter, root: root, timeout: timeout))
            result.compileSeconds += run.compileSeconds
            result.runSeconds += run.runSeconds
            result.reusedProgram = result.reusedProgram && run.reusedProgram
            result.compileFallbacks += run.compileFallbacks
            /// Leaves snippet `index` out, or, the first time it fails at its `// Error` lines
            /// only, keeps it without those lines (its declarations stay); returns whether it
            /// was left out.
            @discardableResult
            func leaveOut(_ index: Int, _ errors: [WorkbookError], printed: String = "") -> Bool {
                let snippet = chapter.snippets[index]
                if blanked[index] == nil, !failedAsMarked.contains(index), Self.failsAsMarked(snippet, errors) {
                    // Apple's `// Error` comment says this failure is the point of the listing:
                    // it passes, and runs again without its marked lines (when it still parses
                    // without them).
                    failedAsMarked.insert(index)
                    result.outputs[index] = printed
                    let marked = ErrorMarks(code: snippet.code).lines
                    if Self.parses(snippet, without: marked) {
                        blanked[index] = marked
                        return false
                    }
                }
                if blanked[index] == nil, leftOut[index] == nil, let line = Self.trapLine(of: snippet, errors),
                   Self.parses(snippet, without: [line]) {
                    // A trap at a line of its own: the snippet fails with it, and runs again
                    // without that line, so what it declared before stays, as in a REPL.
                    leftOut[index] = errors
                    blanked[index] = [line]
                    result.outputs[index] = nil
                    return false
                }
                active.removeAll { $0 == index }
                if failedAsMarked.contains(index) {
                    result.outputs[index] = result.outputs[index] ?? ""
                } else if leftOut[index] == nil {
                    leftOut[index] = errors
                }
                for name in scoping.declaredNames[index] ?? [] where missing[name] == nil {
                    missing[name] = chapter.snippets[index].fenceLine
                }
                return true
            }

            let compileErrors = run.errors.filter { $0.stage == "compile" }
            if !compileErrors.isEmpty {
                let bySnippet = Self.attribute(compileErrors, in: chapter, to: active)
                let failing = Set(bySnippet.keys).subtracting(expected.map { [$0] } ?? [])
                // Errors no snippet holds (a brace a failing snippet left open) go with it.
                guard !failing.isEmpty else {
                    // The program's own failure (the expected snippet's errors), or errors
                    // outside every snippet: reported as they are.
                    result.errors += run.errors
                    break
                }
                let lookingAhead = failing.intersection(scoping.looksAhead)
                if !lookingAhead.isEmpty {
                    // Read as the REPL would (what is declared up to them) before leaving out.
                    strict.formUnion(lookingAhead)
                    continue
                }
                for index in failing.sorted() {
                    leaveOut(index, bySnippet[index, default: []].map { Self.explained($0, missing: missing, chapter: chapter) })
                }
                continue
            }

            for index in active where index >= keepFrom && leftOut[index] == nil {
                if failedAsMarked.contains(index) && run.outputs[index] == nil { continue }
                if let output = run.outputs[index] { result.outputs[index] = output }
                if let seconds = run.snippetSeconds[index] { result.snippetSeconds[index] = seconds }
            }
            if let stopped = run.stoppedSnippet, stopped.index != expected, !run.errors.isEmpty {
                keepFrom = leaveOut(stopped.index, run.errors, printed: stopped.printed) ? stopped.index + 1 : stopped.index
                continue
            }
            result.errors += run.errors
            result.stoppedSnippet = run.stoppedSnippet
            break
        }
        let reported = leftOut.filter { expected == nil || $0.key == expected }
        result.errors = reported.keys.sorted().flatMap { reported[$0] ?? [] } + result.errors
        return result
    }

    /// Whether `snippet` has Apple's `// Error` marks (see ``ErrorMarks``) and every one of
    /// `errors` is at a marked line: compile errors at their line, a trap at its line in the
    /// chapter, or anywhere when the runtime named no line of the chapter (a trap inside the
    /// standard library, reported at the snippet's fence).
    static func failsAsMarked(_ snippet: Snippet, _ errors: [WorkbookError]) -> Bool {
        let marks = ErrorMarks(code: snippet.code)
        guard !marks.isEmpty, !errors.isEmpty else { return false }
        return errors.allSatisfy { error in
            if error.stage != "compile" && error.line == snippet.fenceLine { return true }
            return marks.lines.contains(error.line - snippet.codeFirstLine + 1)
        }
    }

    /// Whether `snippet`'s code still parses with its 1-based `lines` left empty (a line that
    /// opens or closes a block cannot go).
    static func parses(_ snippet: Snippet, without lines: Set<Int>) -> Bool {
        !Parser.parse(source: NotebookScoping.blanking(lines, of: snippet.code)).hasError
    }

    /// The 1-based line of `snippet`'s code where it trapped, when `errors` are one trap the
    /// runtime located in it.
    static func trapLine(of snippet: Snippet, _ errors: [WorkbookError]) -> Int? {
        guard errors.count == 1, let error = errors.first, error.stage != "compile", error.line != snippet.fenceLine,
              (snippet.codeFirstLine..<snippet.lineRange.upperBound).contains(error.line) else { return nil }
        return error.line - snippet.codeFirstLine + 1
    }

    /// `errors` by the snippet (among `active`) whose lines hold them; errors elsewhere are
    /// left out of the result.
    static func attribute(_ errors: [WorkbookError], in chapter: Chapter, to active: [Int]) -> [Int: [WorkbookError]] {
        var bySnippet: [Int: [WorkbookError]] = [:]
        for error in errors where error.path == chapter.path {
            let snippet = active.map { chapter.snippets[$0] }.first { $0.codeFirstLine..<$0.lineRange.upperBound ~= error.line }
            if let snippet { bySnippet[snippet.index, default: []].append(error) }
        }
        return bySnippet
    }

    /// `error` with a word on the snippet left out that declared the name it cannot find.
    static func explained(_ error: WorkbookError, missing: [String: Int], chapter: Chapter) -> WorkbookError {
        guard let name = missingName(in: error.message), let line = missing[name] else { return error }
        var error = error
        error.message += " ('\(name)' is declared by the snippet at \(chapter.path):\(line), which failed)"
        return error
    }

    /// The name of a "cannot find 'x' in scope" or "cannot find type 'X' in scope" message.
    static func missingName(in message: String) -> String? {
        guard message.hasPrefix("cannot find "), message.hasSuffix(" in scope"),
              let open = message.firstIndex(of: "'"), let close = message.lastIndex(of: "'"), open < close else { return nil }
        return String(message[message.index(after: open)..<close])
    }
}
