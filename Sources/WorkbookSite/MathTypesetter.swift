import Foundation
import WorkbookKit

/// Typesets formulas with KaTeX when the site is built: cached formulas come from the cache
/// folder; the others go to one Node.js process that renders them all. A warm build starts no
/// process.
///
/// The cache is one JSON file per KaTeX version (`katex-0.16.4.json` in the workbook's cache
/// folder), keyed by display mode and TeX; a formula KaTeX rejects is cached with its message.
///
/// This is the typesetting stage's edge (see `MathTypesetting`): the only place formulas meet
/// files and processes.
struct MathTypesetter: Sendable {
    /// Debian's `libjs-katex`.
    var katexScript = KaTeXLocation.script()
    /// Where rendered formulas are kept between builds; `nil` keeps nothing.
    var cacheFolder: URL?
    /// The environment whose `PATH` finds `node` (the workbook's inputs, never the process's).
    var environment: [String: String]
    /// `false` leaves every formula as TeX for a reader (tests of everything but KaTeX).
    var usesKaTeX = true
    /// Replaces KaTeX under Node.js when set (tests): renders the formulas the cache lacks.
    var engine: (any FormulaEngine)? = nil

    /// The typesetter of a workbook's site: KaTeX from `katexFolder`, the workbook's cache folder.
    static func forWorkbook(
        root: URL, environment: [String: String], katexFolder: URL = SiteGenerator.defaultKaTeXFolder
    ) -> MathTypesetter {
        MathTypesetter(katexScript: KaTeXLocation.script(in: katexFolder),
                       cacheFolder: CacheFolder.resolve(root: root, environment: environment).url,
                       environment: environment)
    }

    /// KaTeX's answer for one formula.
    enum Outcome: Codable, Equatable, Sendable {
        case html(String)
        case error(String)
    }

    /// How many formulas the last call sent to Node (0 on a warm build).
    struct Report: Equatable, Sendable {
        var typeset: [MathFormula: Outcome]
        var rendered: Int
    }

    /// KaTeX's output for every formula, from the cache or from Node. Throws (a message in
    /// words) when formulas need rendering and KaTeX or Node is missing.
    func typeset(_ formulas: Set<MathFormula>) throws(TypesetFailure) -> Report {
        guard !formulas.isEmpty, usesKaTeX else { return Report(typeset: [:], rendered: 0) }
        guard let version = engine?.version ?? KaTeXVersion(script: katexScript, cacheFolder: cacheFolder).read() else {
            throw TypesetFailure(message: "KaTeX is missing at '\(katexScript.path)'; install the Debian package 'libjs-katex' (make site does)")
        }
        let cacheFile = cacheFolder?.appendingPathComponent("katex-\(version).json")
        var cache = cacheFile.flatMap(Self.readCache) ?? [:]
        var result: [MathFormula: Outcome] = [:]
        var missing: [MathFormula] = []
        for formula in formulas.sorted(by: { ($0.display ? 1 : 0, $0.tex) < ($1.display ? 1 : 0, $1.tex) }) {
            if let cached = cache[Self.key(formula)] { result[formula] = cached } else { missing.append(formula) }
        }
        if !missing.isEmpty {
            let outcomes = try render(missing)
            for (formula, outcome) in zip(missing, outcomes) {
                result[formula] = outcome
                cache[Self.key(formula)] = outcome
            }
            if let cacheFile { Self.writeCache(cache, to: cacheFile) }
        }
        return Report(typeset: result, rendered: missing.count)
    }

    struct TypesetFailure: Error, Equatable { var message: String }

    private static func key(_ formula: MathFormula) -> String { (formula.display ? "display:" : "inline:") + formula.tex }

    /// The Node.js program: reads a JSON array of `[tex, display]`, writes a JSON array of
    /// `{"html": …}` or `{"error": …}` in the same order.
    static let script = #"""
    const katex = require(process.argv[1]);
    const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
    const output = input.map(([tex, display]) => {
      try { return { html: katex.renderToString(tex, { displayMode: display, throwOnError: true }) }; }
      catch (error) { return { error: String(error && error.message || error) }; }
    });
    process.stdout.write(JSON.stringify(output));
    """#

    private func render(_ formulas: [MathFormula]) throws(TypesetFailure) -> [Outcome] {
        if let engine { return try engine.render(formulas) }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("workbook-katex-\(UUID().uuidString).json")
        let errorFile = scratch.appendingPathExtension("stderr")
        defer {
            try? FileManager.default.removeItem(at: scratch)
            try? FileManager.default.removeItem(at: errorFile)
        }
        let request = formulas.map { [$0.tex, $0.display] as [Any] }
        do {
            try FileBytes.write(JSONSerialization.data(withJSONObject: request), to: scratch)
        } catch {
            throw TypesetFailure(message: "cannot write the formulas for KaTeX to '\(scratch.path)'")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["node", "-e", Self.script, katexScript.path]
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        // Input and error output are files, so only one pipe is read and none can block Node.
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        guard let input = try? FileHandle(forReadingFrom: scratch), let errors = try? FileHandle(forWritingTo: errorFile) else {
            throw TypesetFailure(message: "cannot hand the formulas to KaTeX through '\(scratch.path)'")
        }
        defer {
            try? input.close()
            try? errors.close()
        }
        process.standardError = errors
        process.standardInput = input
        do { try process.run() } catch {
            throw TypesetFailure(message: "math needs Node.js to be typeset, and 'node' cannot be started; install the Debian package 'nodejs' (make site does)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderr = String(decoding: FileManager.default.contents(atPath: errorFile.path) ?? Data(), as: UTF8.self)
        guard process.terminationStatus == 0,
              let answers = try? JSONSerialization.jsonObject(with: data) as? [[String: String]],
              answers.count == formulas.count else {
            let detail = stderr.split(whereSeparator: \.isNewline).first.map(String.init) ?? "exit status \(process.terminationStatus)"
            if detail.contains("not found") || process.terminationStatus == 127 {
                throw TypesetFailure(message: "math needs Node.js to be typeset, and 'node' is not on PATH; install the Debian package 'nodejs' (make site does)")
            }
            throw TypesetFailure(message: "KaTeX under Node.js failed: \(detail)")
        }
        return answers.map { answer in
            if let html = answer["html"] { return .html(html) }
            // KaTeX underlines the offending TeX with combining low lines (U+0332); plain text reads better.
            let message = (answer["error"] ?? "KaTeX gave no output").unicodeScalars.filter { $0 != "\u{0332}" }
            return .error(String(String.UnicodeScalarView(message)))
        }
    }

    private static func readCache(_ file: URL) -> [String: Outcome]? {
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        return try? JSONDecoder().decode([String: Outcome].self, from: data)
    }

    /// Best effort: a cache that cannot be written only costs the next build a Node process.
    private static func writeCache(_ cache: [String: Outcome], to file: URL) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let data = try? encoder.encode(cache) else { return }
        try? AtomicFileWriter().write(data, to: file)
    }
}

/// What renders the formulas the cache lacks in place of KaTeX under Node.js (tests).
protocol FormulaEngine: Sendable {
    /// The version the formulas are cached under.
    var version: String { get }
    /// One answer per formula, in order.
    func render(_ formulas: [MathFormula]) throws(MathTypesetter.TypesetFailure) -> [MathTypesetter.Outcome]
}
