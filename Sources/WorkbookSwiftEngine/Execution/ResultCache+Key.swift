import WorkbookKit
import SwiftToolchain

/// The Swift engine's result keys (`SwiftCompilerEngine.Session.cacheKey(for:)`).
extension ResultCache {
    /// Literals whose value depends on where code sits: when a snippet uses one, its line
    /// numbers and the chapter's path join the key.
    static let locationLiterals = ["#line", "#file", "#fileID", "#filePath", "#function", "#column", "#sourceLocation"]

    /// Whether `code` holds one of ``locationLiterals``, searched as bytes: Foundation's
    /// `String.contains` went through CFString for every snippet of every warm build.
    static func usesLocationLiteral(_ code: String) -> Bool {
        var code = code
        return code.withUTF8 { bytes in
            bytes.indices.contains { index in
                bytes[index] == UInt8(ascii: "#")
                    && locationLiterals.contains { bytes[index...].starts(with: $0.utf8) }
            }
        }
    }

    /// The key of `chapter`'s results: the runnable code and the options of every snippet,
    /// the package's built products and their flags, the compiler and the program template. Prose and the timeout are left out: they do not change what a successful run
    /// prints; line numbers and the chapter's path are left out too, unless a snippet uses a
    /// literal such as `#line` that prints them. `settings` are the workbook's settings that
    /// change how programs are made (`snippets = "notebook"`, `imports`), one word each.
    public static func key(chapter: Chapter, package: PackageBuild?, compilerVersion: String, settings: [String] = []) -> String {
        var parts = [ChapterProgram.templateVersion] + settings
        let runnable = chapter.snippets.filter { !$0.options.norun }
        if runnable.contains(where: { usesLocationLiteral($0.code) }) {
            parts.append(chapter.path)
            parts += runnable.map { String($0.codeFirstLine) }
        }
        if !chapter.imports.isEmpty { parts.append("chapter imports=" + chapter.imports.joined(separator: ",")) }
        parts += [CompilerFlags.chapterProgram.joined(separator: " "), compilerVersion]
        if let package { parts += [package.outputHash, package.swiftcArguments.joined(separator: " ")] }
        for snippet in chapter.snippets {
            parts += [snippet.options.norun ? "norun" : "run", snippet.options.hide ? "hide" : "show", snippet.options.output.rawValue]
            if snippet.options.compileOnly { parts.append("compile") }
            parts.append(snippet.options.norun ? "" : snippet.code)
        }
        return CacheKey(parts).hex
    }
}
