import Foundation
import WorkbookKit

/// Turns swiftc's diagnostics into located errors: paths relative to the workbook root,
/// warnings and remarks dropped, notes and source excerpts kept with their error.
package struct CompilerDiagnostics {
    var root: URL
    /// The generated program file and the chapter it stands for: lines outside any
    /// `#sourceLocation` are reported against the chapter as a whole.
    var generatedFile: (path: String, chapter: String)? = nil

    package init(root: URL, generatedFile: (path: String, chapter: String)? = nil) {
        self.root = root
        self.generatedFile = generatedFile
    }

    /// One error per `error:` diagnostic in `output`.
    package func errors(in output: String, stage: String) -> [WorkbookError] {
        var errors: [WorkbookError] = []
        var keeping = false
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            if let diagnostic = Diagnostic(line) {
                switch diagnostic.severity {
                case "error":
                    errors.append(located(diagnostic, stage: stage))
                    keeping = true
                case "note" where keeping && !errors.isEmpty:
                    let (path, lineNumber, column) = location(of: diagnostic)
                    let place = lineNumber > 0 ? "\(path):\(lineNumber):\(column > 0 ? "\(column):" : "")" : "\(path):"
                    append("\(place) note: \(diagnostic.message)", to: &errors[errors.count - 1])
                default:
                    keeping = false
                }
            } else if keeping && !errors.isEmpty && !isNoise(line) {
                append(String(line), to: &errors[errors.count - 1])
            }
        }
        for index in errors.indices {
            while errors[index].details.hasSuffix("\n") { errors[index].details.removeLast() }
        }
        return errors
    }

    private func append(_ line: String, to error: inout WorkbookError) {
        if line.trimmingCharacters(in: .whitespaces).isEmpty && error.details.isEmpty { return }
        error.details += (error.details.isEmpty ? "" : "\n") + line
    }

    private func isNoise(_ line: Substring) -> Bool {
        line.hasPrefix("error: fatalError") || line.hasPrefix("ninja: ") || line.contains("compile command failed")
            || line.hasPrefix("clang: error: linker command failed")
    }

    private func located(_ diagnostic: Diagnostic, stage: String) -> WorkbookError {
        let (path, line, column) = location(of: diagnostic)
        return WorkbookError(path: path, line: line, column: column, message: diagnostic.message, stage: stage)
    }

    private func location(of diagnostic: Diagnostic) -> (String, Int, Int) {
        if let generatedFile, diagnostic.path == generatedFile.path
            || URL(fileURLWithPath: diagnostic.path).lastPathComponent == URL(fileURLWithPath: generatedFile.path).lastPathComponent {
            return (generatedFile.chapter, 0, 0)
        }
        if diagnostic.path.isEmpty || diagnostic.path == "<unknown>" {
            return (generatedFile?.chapter ?? "swiftc", 0, 0)
        }
        if let chapter = generatedFile?.chapter, chapter != Self.locationName(chapter),
           relative(diagnostic.path) == Self.locationName(chapter) {
            return (chapter, diagnostic.line, diagnostic.column)
        }
        return (relative(diagnostic.path), diagnostic.line, diagnostic.column)
    }

    /// A chapter's path as a generated program names it (`#sourceLocation`, comments,
    /// `#fileID`): line breaks and other control characters, which would end a comment or a
    /// literal and split the compiler's one-line diagnostics, become `?`. Diagnostics are
    /// mapped back.
    package static func locationName(_ path: String) -> String {
        guard path.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return path }
        return String(String.UnicodeScalarView(path.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : $0 }))
    }

    func relative(_ path: String) -> String {
        let prefix = root.standardizedFileURL.path + "/"
        if path.hasPrefix(prefix) { return String(path.dropFirst(prefix.count)) }
        return path
    }

    /// The last lines of `output`, at most `maxLines` and about 4 KiB.
    package static func excerpt(_ output: String, maxLines: Int = 30) -> String {
        var lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
        var text = lines.suffix(maxLines).joined(separator: "\n")
        if text.utf8.count > 4096 { text = "…" + String(decoding: text.utf8.suffix(4096), as: UTF8.self) }
        return text
    }
}

/// One `path:line:col: severity: message` line of swiftc output.
private struct Diagnostic {
    var path: String
    var line: Int
    var column: Int
    var severity: String
    var message: String

    init?(_ text: Substring) {
        for severity in ["error", "warning", "note", "remark"] {
            guard let range = text.range(of: ": \(severity): ") else { continue }
            let location = text[..<range.lowerBound]
            var parts = location.split(separator: ":", omittingEmptySubsequences: false)
            var numbers: [Int] = []
            while numbers.count < 2, let last = parts.last, let number = Int(last) {
                numbers.insert(number, at: 0)
                parts.removeLast()
            }
            self.path = parts.joined(separator: ":")
            self.line = numbers.first ?? 0
            self.column = numbers.count > 1 ? numbers[1] : 0
            self.severity = severity
            self.message = String(text[range.upperBound...])
            return
        }
        if text.hasPrefix("error: ") {
            path = ""; line = 0; column = 0; severity = "error"; message = String(text.dropFirst(7))
            if message.hasPrefix("fatalError") || message.contains("command failed") { return nil }
            return
        }
        return nil
    }
}
