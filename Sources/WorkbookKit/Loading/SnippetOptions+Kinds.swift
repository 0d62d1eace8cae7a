/// The rules of the snippet kinds that are shown but not run: `compile` (compiled, not run)
/// and templates (code with an editor placeholder, neither compiled nor run).
extension SnippetOptions {
    /// What is wrong with `compile` next to the other options (one sentence each).
    public var compileProblems: [String] {
        guard compileOnly else { return [] }
        var problems: [String] = []
        if norun { problems.append("a snippet cannot be both 'compile' (compiled, not run) and 'norun' (neither)") }
        if hide { problems.append("a 'compile' snippet is not run, so 'hide' would leave it neither shown nor run") }
        switch documentation.expect {
        case .error?: problems.append("a 'compile' snippet must compile, so it cannot be 'expect=error'")
        case .crash?: problems.append("a 'compile' snippet is not run, so it cannot be 'expect=crash'")
        case nil: break
        }
        if output != .text {
            problems.append("a 'compile' snippet is not run and prints nothing, so it cannot be 'output=\(output.rawValue)'")
        }
        return problems
    }

    /// Marks the options of a snippet whose code has the editor placeholder `placeholder` as
    /// a template (not run), unless it is `norun` already; returns what is wrong with the
    /// options of a template (one sentence each).
    public mutating func markTemplate(placeholder: String) -> [String] {
        guard !norun else { return [] }
        let what = "the snippet is a template (its code has the editor placeholder '\(placeholder)'): it is shown and not run, so it cannot"
        var problems: [String] = []
        if hide { problems.append("\(what) be 'hide'") }
        if compileOnly { problems.append("\(what) be 'compile'") }
        if documentation.environment != nil { problems.append("\(what) have 'env='") }
        if let expect = documentation.expect { problems.append("\(what) be 'expect=\(expect.rawValue)'") }
        template = true
        norun = true
        return problems
    }
}
