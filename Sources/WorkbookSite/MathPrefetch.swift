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
/// A memo in the cache folder names the chapters whose formulas were all cached last time, so
/// a build that changed no chapter does not render them twice.
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
        var hash = StableHash()
        hash.combine(root.standardizedFileURL.path)
        memo = typesetter.cacheFolder?.appendingPathComponent("\(Self.memoName)-\(hash.hex)")
    }

    /// Whether `workbook`'s formulas may be missing from the cache: its chapters or description
    /// changed since every formula of theirs was last found cached.
    public func isNeeded(for workbook: Workbook) -> Bool {
        guard typesetter.usesKaTeX, let memo else { return false }
        return (try? String(contentsOf: memo, encoding: .utf8)) != Self.stamp(of: workbook, typesetter: typesetter)
    }

    /// Typesets every formula of the prose that the cache lacks (one Node process at most);
    /// returns how many were sent to Node.
    @discardableResult
    public func run(_ workbook: Workbook) -> Int {
        let formulas = Self.formulas(of: workbook)
        guard let report = try? typesetter.typeset(formulas) else { return 0 }
        if let memo { try? AtomicFileWriter().write(Data(Self.stamp(of: workbook, typesetter: typesetter).utf8), to: memo) }
        return report.rendered
    }

    /// Every formula of the chapters' prose, their recorded outputs and the description.
    static func formulas(of workbook: Workbook) -> Set<MathFormula> {
        // Placeholders only change text, never formulas: any day will do.
        let expander = PlaceholderExpander(
            date: BuildDate(today: CalendarDay(year: 2000, month: 1, day: 1), pretty: ""),
            repositoryStart: .failure(.init(message: "")))
        let composer = PageComposer()
        var formulas: Set<MathFormula> = []
        for chapter in workbook.chapters {
            let outputs: [String?] = chapter.snippets.map { snippet in
                snippet.options.norun ? nil : snippet.options.output == .none ? "" : snippet.recorded?.text ?? ""
            }
            let executed = ExecutedChapter(chapter: chapter, outputs: outputs, provenance: .recorded, seconds: 0)
            formulas.formUnion(composer.render(executed, lookups: PageComposer.Lookups(placeholders: expander)).formulas.map(\.formula))
        }
        formulas.formUnion(SiteGenerator.descriptionFormulas(workbook.config.description).map(\.formula))
        return formulas
    }

    /// What the memo holds once every formula of `workbook` is cached: KaTeX's script, its
    /// identity, and the hash of the description and of every chapter's path and text.
    static func stamp(of workbook: Workbook, typesetter: MathTypesetter) -> String {
        var hash = StableHash()
        hash.combine(workbook.config.description)
        for chapter in workbook.chapters {
            hash.combine(chapter.path)
            hash.combine(chapter.source)
        }
        let script = FileIdentity(path: typesetter.katexScript.path)?.line ?? "none"
        return typesetter.katexScript.path + "\n" + script + "\n" + hash.hex + "\n"
    }
}

/// FNV-1a over labelled parts: a hash that is the same in every process (unlike `Hasher`),
/// for memos whose only risk on a collision is to skip an optimisation.
struct StableHash {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func combine(_ text: String) {
        add(UInt64(text.utf8.count))
        for byte in text.utf8 { add(byte) }
    }

    private mutating func add(_ byte: UInt8) {
        state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    private mutating func add(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { add(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    var hex: String { String(state, radix: 16) }
}
