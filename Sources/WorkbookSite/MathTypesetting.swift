import Foundation
import WorkbookKit

/// KaTeX's answer for each formula of a site (by TeX and display mode): its HTML, or the message
/// of a formula KaTeX rejects; and why nothing could be typeset at all (no Node, no KaTeX).
/// What the render reads instead of KaTeX.
public struct TypesetMath: Sendable, Equatable {
    var outcomes: [MathFormula: MathTypesetter.Outcome]
    /// Why the formulas could not be typeset; reported by the render at the first formula.
    var failure: String?

    public init() {
        self.init(outcomes: [:])
    }

    init(outcomes: [MathFormula: MathTypesetter.Outcome], failure: String? = nil) {
        self.outcomes = outcomes
        self.failure = failure
    }

    /// How many formulas have an answer.
    public var count: Int { outcomes.count }

    /// The HTML of every formula KaTeX typeset.
    var html: [MathFormula: String] {
        var html: [MathFormula: String] = [:]
        for (formula, outcome) in outcomes {
            if case .html(let typeset) = outcome { html[formula] = typeset }
        }
        return html
    }
}

/// The typesetting stage: formulas in, `TypesetMath` out. Its I/O is at its edge, in
/// `MathTypesetter`: the KaTeX cache and one Node.js process for the formulas the cache lacks.
///
/// It runs in two steps. Before the chapters run, the formulas already known are typeset
/// (`ahead(_:)`, which the session runs alongside execution, so a cold build's Node process
/// overlaps the compiles): those of the prose and recorded outputs of the chapters changed since
/// the last build, and of the description. Once the site is drafted, `typeset(_:known:)` gives
/// every formula of it, from what was typeset ahead, else the cache, else Node: formulas that
/// only appear in new outputs are typeset then.
///
/// A memo in the cache folder names the chapters whose formulas were all cached last time (by
/// the hash of their text), so a build reads the prose of the chapters that changed only, and
/// one that changed none skips the first step.
public struct MathTypesetting: Sendable {
    /// The memo's name in the cache folder.
    static let memoName = "katex-prose"

    var typesetter: MathTypesetter
    var memo: URL?

    /// The stage for `workbook`'s site: Debian's KaTeX, the cache `environment` names, and
    /// `node` found on its `PATH`.
    public init(workbook: Workbook, environment: [String: String]) {
        self.init(typesetter: MathTypesetter.forWorkbook(root: workbook.root, environment: environment), root: workbook.root)
    }

    /// One memo per workbook root (a cache may be shared).
    init(typesetter: MathTypesetter, root: URL) {
        self.typesetter = typesetter
        memo = typesetter.cacheFolder?.appendingPathComponent("\(Self.memoName)-\(CacheKey([root.standardizedFileURL.path]).hex)")
    }

    /// Every formula of `formulas`: as `known` has it, else from the cache or Node (one process
    /// at most); and how many went to Node.
    func typeset(_ formulas: Set<MathFormula>, known: TypesetMath = TypesetMath()) -> (math: TypesetMath, rendered: Int) {
        var outcomes: [MathFormula: MathTypesetter.Outcome] = [:]
        var missing: Set<MathFormula> = []
        for formula in formulas {
            if let outcome = known.outcomes[formula] { outcomes[formula] = outcome } else { missing.insert(formula) }
        }
        guard !missing.isEmpty else { return (TypesetMath(outcomes: outcomes), 0) }
        do {
            let report = try typesetter.typeset(missing)
            outcomes.merge(report.typeset) { _, new in new }
            return (TypesetMath(outcomes: outcomes), report.rendered)
        } catch {
            return (TypesetMath(outcomes: [:], failure: error.message), 0)
        }
    }

    /// Whether `ahead(_:)` has anything to do: a chapter or the description changed since all
    /// their formulas were last found cached.
    public func isNeeded(for workbook: Workbook) -> Bool {
        guard typesetter.usesKaTeX, memo != nil else { return false }
        let memo = remembered()
        return memo.header != Self.header(of: workbook, typesetter: typesetter)
            || workbook.chapters.contains { !memo.chapters.contains(Self.line(of: $0)) }
    }

    /// The formulas known before the chapters run, typeset: those of the prose and recorded
    /// outputs of the chapters that changed since the memo (every chapter when KaTeX or the
    /// description changed), and of the description. Silent: whatever fails here (no Node, no
    /// KaTeX) gives nothing, and is met again, and reported, by `typeset(_:known:)`.
    public func ahead(_ workbook: Workbook) -> TypesetMath {
        let header = Self.header(of: workbook, typesetter: typesetter)
        let known = remembered()
        let sameHeader = known.header == header
        let chapters = sameHeader ? workbook.chapters.filter { !known.chapters.contains(Self.line(of: $0)) } : workbook.chapters
        var formulas = Self.formulas(of: chapters)
        if !sameHeader { formulas.formUnion(SiteRenderer.descriptionFormulas(workbook.config.description).map(\.formula)) }
        guard let report = try? typesetter.typeset(formulas) else { return TypesetMath() }
        // Every chapter's formulas are now cached: the unchanged ones were before.
        let lines = workbook.chapters.map(Self.line(of:))
        if let memo { try? AtomicFileWriter().write(Data(([header] + lines).joined(separator: "\n").utf8), to: memo) }
        return TypesetMath(outcomes: report.typeset)
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
