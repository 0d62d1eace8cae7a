import Foundation
import Testing
import WorkbookKit
@testable import WorkbookSite

/// Builds executed chapters from Markdown sources and renders them in memory.
struct SiteFixture {
    var root: URL
    var config = WorkbookConfig()
    var chapters: [ExecutedChapter] = []

    init() {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("site-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        config.title = "Test Book"
        config.repoStart = CalendarDay(iso: "2026-01-01")
    }

    /// Adds `chapters/<name>` with `source`; `outputs` are the actual outputs of its snippets.
    mutating func add(_ name: String, _ source: String, outputs: [String?] = []) throws {
        let chapter = try SnippetExtractor().extract(path: "chapters/\(name)", source: source)
        var actual = outputs
        while actual.count < chapter.snippets.count { actual.append(nil) }
        chapters.append(ExecutedChapter(chapter: chapter, outputs: actual, provenance: .ran, seconds: 0))
    }

    /// KaTeX only where a test asks for it (`MathTypesetterTests`): formulas stay TeX.
    var typesetter = MathTypesetter(cacheFolder: nil, environment: [:], usesKaTeX: false)

    var generator: SiteGenerator {
        var generator = SiteGenerator()
        generator.typesetter = typesetter
        return generator
    }

    var workbook: Workbook { Workbook(root: root, config: config, chapters: chapters.map(\.chapter)) }

    func options(date: String? = "2026-11-21", environment: [String: String] = [:]) -> SiteOptions {
        SiteOptions(outputFolder: root.appendingPathComponent("site"), date: date.map { CalendarDay(iso: $0)! }, environment: environment)
    }

    /// Every file of the site by path.
    func render(date: String? = "2026-11-21", environment: [String: String] = [:]) throws(WorkbookErrors) -> [String: String] {
        let (files, _) = try generator.render(workbook: workbook, chapters: chapters, options: options(date: date, environment: environment))
        var result: [String: String] = [:]
        for file in files where file.path.hasSuffix(".html") || file.path.hasSuffix(".css") || file.path.hasSuffix(".js") {
            result[file.path] = String(decoding: file.contents, as: UTF8.self)
        }
        return result
    }

    /// The rendered article of the page of `name` (`01-a`).
    func article(_ slug: String, date: String? = "2026-11-21") throws -> String {
        let page = try render(date: date)["\(slug).html"] ?? ""
        guard let start = page.range(of: "<article>"), let end = page.range(of: "</article>") else { return page }
        return String(page[start.upperBound..<end.lowerBound])
    }

    /// The errors of a failing render.
    func errors(date: String? = "2026-11-21") -> [WorkbookError] {
        do {
            _ = try render(date: date)
            return []
        } catch {
            return error.errors
        }
    }
}
