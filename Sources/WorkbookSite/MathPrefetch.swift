import Foundation
import WorkbookKit

/// Typesets the formulas of the chapters' prose (and of their recorded outputs and the
/// workbook's description) into the KaTeX cache while the chapters run, so the one Node.js
/// process a cold build needs overlaps the compiles; the site's render then finds them cached.
///
/// Best effort and silent: whatever fails here (no Node, no KaTeX, a formula KaTeX rejects) is
/// met again by the render, which reports it as it always does. Formulas that only appear in
/// new outputs are typeset by the render.
///
/// A memo in the cache folder names the chapters whose formulas were all cached last time (by
/// the hash of their text), so a build renders only the chapters that changed since, and one
/// that changed none renders nothing twice.
public struct MathPrefetch: Sendable {
    /// The memo's name in the cache folder.
    static let memoName = "katex-prose"

    var typesetter: MathTypesetter
    var memo: URL?

    /// The prefetch of `workbook`'s formulas, with the cache and KaTeX the site's render uses.
    public init(workbook: Workbook, environment: [String: String]) {
        self.init(typesetter: MathTypesetter.forWorkbook(root: workbook.root, environment: environment), root: workbook.root)
    }

    /// One memo per workbook root (a cache may be shared).
    init(typesetter: MathTypesetter, root: URL) {
        self.typesetter = typesetter
        memo = typesetter.cacheFolder?.appendingPathComponent("\(Self.memoName)-\(CacheKey([root.standardizedFileURL.path]).hex)")
    }

    /// Whether `workbook`'s formulas may be missing from the cache: a chapter or the
    /// description changed since all their formulas were last found cached.
    public func isNeeded(for workbook: Workbook) -> Bool {
        guard typesetter.usesKaTeX, memo != nil else { return false }
        let memo = remembered()
        return memo.header != Self.header(of: workbook, typesetter: typesetter)
            || workbook.chapters.contains { !memo.chapters.contains(Self.line(of: $0)) }
    }

    /// Typesets every formula of the prose of the chapters that changed since the memo (every
    /// chapter when KaTeX or the description changed) that the cache lacks (one Node process
    /// at most); returns how many were sent to Node.
    @discardableResult
    public func run(_ workbook: Workbook) -> Int {
        let header = Self.header(of: workbook, typesetter: typesetter)
        let known = remembered()
        let sameHeader = known.header == header
        let chapters = sameHeader ? workbook.chapters.filter { !known.chapters.contains(Self.line(of: $0)) } : workbook.chapters
        var formulas = Self.formulas(of: chapters)
        if !sameHeader { formulas.formUnion(SiteGenerator.descriptionFormulas(workbook.config.description).map(\.formula)) }
        guard let report = try? typesetter.typeset(formulas) else { return 0 }
        // Every chapter's formulas are now cached: the unchanged ones were before.
        let lines = workbook.chapters.map(Self.line(of:))
        if let memo { try? AtomicFileWriter().write(Data(([header] + lines).joined(separator: "\n").utf8), to: memo) }
        return report.rendered
    }

    /// The memo's header and chapter lines (empty when there is none).
    func remembered() -> (header: String, chapters: Set<String>) {
        guard let memo, let text = try? String(contentsOf: memo, encoding: .utf8) else { return ("", []) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return (lines.first ?? "", Set(lines.dropFirst()))
    }

    /// Every formula of `chapters`' prose and recorded outputs.
    static func formulas(of chapters: [Chapter]) -> Set<MathFormula> {
        // Placeholders only change text, never formulas: any day will do.
        let expander = PlaceholderExpander(
            date: BuildDate(today: CalendarDay(year: 2000, month: 1, day: 1), pretty: ""),
            repositoryStart: .failure(.init(message: "")))
        let composer = PageComposer()
        var formulas: Set<MathFormula> = []
        for chapter in chapters {
            let executed = WorkbookExecutor.recorded(chapter)
            formulas.formUnion(composer.render(executed, lookups: PageComposer.Lookups(placeholders: expander)).formulas.map(\.formula))
        }
        return formulas
    }

    /// The memo's first line: KaTeX's script and its identity, and the description's hash.
    static func header(of workbook: Workbook, typesetter: MathTypesetter) -> String {
        let script = FileIdentity(path: typesetter.katexScript.path)?.line ?? "none"
        return [typesetter.katexScript.path, script, CacheKey([workbook.config.description]).hex].joined(separator: "\t")
    }

    /// A chapter's memo line: its path and the hash of its text.
    static func line(of chapter: Chapter) -> String {
        chapter.path + "\t" + CacheKey([chapter.path, chapter.source]).hex
    }
}
