/// The output recorded for a snippet that must fail (`expect=error`, `expect=crash`): plain
/// lines located in the chapter, with nothing that changes between machines or runs.
public enum ExpectedFailureOutput {
    /// The output of an `expect=error` snippet: one `path:line:col: error: message` line per
    /// compile error, in order (no source excerpts, no notes, no absolute paths).
    public static func compileErrors(_ errors: [WorkbookError]) -> String {
        OutputLines.join(errors.map { WorkbookError(path: $0.path, line: $0.line, column: $0.column, message: $0.message).description })
    }

    /// The output of an `expect=crash` snippet: what it printed, then the runtime's message.
    ///
    /// From `standardError`, the lines before the runtime's stack trace are kept, colour codes
    /// removed; a file named `module/name.md` (the runtime's `#fileID` of a chapter line) becomes
    /// `chapterPath` when `chapterPath` ends in `/name.md`.
    public static func crash(printed: String, standardError: String, chapterPath: String, moduleName: String) -> String {
        let chapterFile = chapterPath.split(separator: "/").last.map(String.init) ?? chapterPath
        var message: [String] = []
        for line in OutputLines.split(withoutColourCodes(standardError)) {
            if line.hasPrefix("Current stack trace:") || line.hasPrefix("Stack dump:") || line.hasPrefix("💣") { break }
            let runtimeFile = "\(moduleName)/\(chapterFile):"
            message.append(line.hasPrefix(runtimeFile) ? chapterPath + ":" + line.dropFirst(runtimeFile.count) : line)
        }
        while let last = message.last, Substring(last).trimmingEdges(of: " \t").isEmpty { message.removeLast() }
        var text = printed
        if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        return text + OutputLines.join(message)
    }

    /// `text` without ANSI escape sequences (`ESC [ … letter`).
    static func withoutColourCodes(_ text: String) -> String {
        guard text.contains("\u{1B}") else { return text }
        var result = ""
        var escape = false, bracket = false
        for scalar in text.unicodeScalars {
            if escape {
                if !bracket && scalar == "[" { bracket = true; continue }
                if bracket && !(("@"..."~").contains(scalar)) { continue }
                escape = false; bracket = false
                continue
            }
            if scalar == "\u{1B}" { escape = true; continue }
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
