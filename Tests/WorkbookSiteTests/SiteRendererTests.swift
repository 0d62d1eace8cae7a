import Foundation
import Synchronization
import Testing
import WorkbookKit
@testable import WorkbookSite

/// The render is a function of its values: no file, process, clock or environment is read.
@Suite struct SiteRendererTests {
    /// A workbook whose root does not exist: anything the render tried to read would be missing.
    let root = URL(fileURLWithPath: "/nonexistent/workbook-\(UUID().uuidString)", isDirectory: true)

    func chapters() throws -> [ExecutedChapter] {
        let source = """
        # Mean $\\mu$

        Day {{DATE_ISO}}, {{DAYS_SINCE_REPO_START}} days in. See ![plot](p.png) and [two](02-b.md).

        ```swift output=markdown
        print("$y$")
        ```

        """
        let first = try SnippetExtractor().extract(path: "chapters/01-a.md", source: source)
        let second = try SnippetExtractor().extract(path: "chapters/02-b.md", source: "# B\n\n$$\nx^2\n$$\n")
        return [ExecutedChapter(chapter: first, outputs: ["$y$\n"], provenance: .ran, seconds: 0),
                ExecutedChapter(chapter: second, outputs: [], provenance: .ran, seconds: 0)]
    }

    func workbook(_ chapters: [ExecutedChapter]) -> Workbook {
        var config = WorkbookConfig()
        config.title = "Pure"
        config.description = "About $x$."
        return Workbook(root: root, config: config, chapters: chapters.map(\.chapter))
    }

    /// Every input as a value: a fake typeset map, in-memory images and KaTeX assets.
    func inputs() throws -> SiteInputs {
        let theme = try ThemeLoader().load(workbookRoot: root)
        let math: [MathFormula: MathTypesetter.Outcome] = [
            MathFormula(tex: "\\mu", display: false): .html("<m>mu</m>"),
            MathFormula(tex: "y", display: false): .html("<m>y</m>"),
            MathFormula(tex: "\nx^2\n", display: true): .html("<m>x2</m>"),
            MathFormula(tex: "x", display: false): .html("<m>x</m>"),
        ]
        return SiteInputs(
            date: BuildDate(today: CalendarDay(year: 2026, month: 11, day: 21), pretty: "Saturday"),
            repositoryStart: .success(CalendarDay(year: 2026, month: 11, day: 1)),
            theme: theme, assets: [SiteFile(path: "katex/katex.min.css", text: "/* css */")],
            math: TypesetMath(outcomes: math), images: ["chapters/p.png": Data("PNG".utf8)])
    }

    @Test func renderingTwiceFromTheSameInputsGivesTheSameFiles() throws {
        let chapters = try chapters()
        let inputs = try inputs()
        let first = try SiteRenderer.render(workbook: workbook(chapters), chapters: chapters, inputs: inputs)
        let second = try SiteRenderer.render(workbook: workbook(chapters), chapters: chapters, inputs: inputs)
        #expect(first == second)
        let files = Dictionary(first.map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) }, uniquingKeysWith: { a, _ in a })
        let page = try #require(files["01-a.html"])
        #expect(page.contains("Day 2026-11-21, 20 days in."))
        #expect(page.contains("<m>mu</m>") && page.contains("<m>y</m>"))
        #expect(page.contains(#"href="02-b.html""#))
        #expect(files["02-b.html"]?.contains("<m>x2</m>") == true)
        #expect(files["index.html"]?.contains("<m>x</m>") == true)
        #expect(files["p.png"] == "PNG")
        #expect(files["katex/katex.min.css"] == "/* css */")
        #expect(files["search-index.js"] != nil)
    }

    @Test func whatTheInputsLackIsAnErrorAtItsPlace() throws {
        let chapters = try chapters()
        var inputs = try inputs()
        inputs.images = [:]
        inputs.math.outcomes[MathFormula(tex: "y", display: false)] = .error("KaTeX parse error: no y")
        #expect {
            try SiteRenderer.render(workbook: workbook(chapters), chapters: chapters, inputs: inputs)
        } throws: { error in
            (error as? WorkbookErrors)?.errors.map(\.description) == [
                "chapters/01-a.md:3:58: error: image 'p.png' not found (no file 'chapters/p.png')",
                "chapters/01-a.md:5:1: error: math: KaTeX parse error: no y",
            ]
        }
        inputs.math = TypesetMath(outcomes: [:], failure: "math needs Node.js")
        #expect {
            try SiteRenderer.render(workbook: workbook(chapters), chapters: chapters, inputs: inputs)
        } throws: { error in
            let errors = (error as? WorkbookErrors)?.errors.map(\.description) ?? []
            return errors.count == 2 && errors[0].hasPrefix("chapters/01-a.md:1:") && errors[0].hasSuffix(": error: math needs Node.js")
        }
    }

    @Test func theDraftNamesTheFormulasAndImagesToFetch() throws {
        let chapters = try chapters()
        let draft = SiteRenderer.draft(workbook: workbook(chapters), chapters: chapters, inputs: try inputs())
        #expect(draft.formulas == [MathFormula(tex: "\\mu", display: false), MathFormula(tex: "y", display: false),
                                   MathFormula(tex: "\nx^2\n", display: true), MathFormula(tex: "x", display: false)])
        #expect(draft.imageSources == ["chapters/p.png"])
    }
}

/// Renders formulas in place of KaTeX, counting what it is asked.
final class FakeFormulaEngine: FormulaEngine {
    let version = "fake-1"
    let calls = Mutex<[[String]]>([])
    let fails: Bool

    init(fails: Bool = false) { self.fails = fails }

    func render(_ formulas: [MathFormula]) throws(MathTypesetter.TypesetFailure) -> [MathTypesetter.Outcome] {
        calls.withLock { $0.append(formulas.map(\.tex)) }
        if fails { throw MathTypesetter.TypesetFailure(message: "no engine") }
        return formulas.map { $0.tex.contains("bad") ? .error("bad TeX") : .html("<f>\($0.tex)</f>") }
    }

    var asked: [[String]] { calls.withLock { $0 } }
}

/// The typesetting stage: formulas known before the chapters run, then the site's.
@Suite struct MathTypesettingTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("typesetting-\(UUID().uuidString)", isDirectory: true)

    func stage(_ engine: FakeFormulaEngine) -> MathTypesetting {
        MathTypesetting(typesetter: MathTypesetter(cacheFolder: folder.appendingPathComponent("cache"), environment: [:], engine: engine),
                        root: folder)
    }

    func inline(_ tex: String) -> MathFormula { MathFormula(tex: tex, display: false) }

    @Test func cachedFormulasGoToNoEngine() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let engine = FakeFormulaEngine()
        let first = stage(engine).typeset([inline("a"), inline("bad")])
        #expect(first.rendered == 2)
        #expect(first.math.outcomes == [inline("a"): .html("<f>a</f>"), inline("bad"): .error("bad TeX")])
        let again = FakeFormulaEngine()
        let second = stage(again).typeset([inline("a"), inline("bad")])
        #expect(second.rendered == 0 && again.asked.isEmpty)
        #expect(second.math == first.math)
    }

    @Test func formulasOfOutputsAreTypesetAfterTheChaptersRan() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let chapter = try SnippetExtractor().extract(path: "chapters/01-a.md", source: "# A\n\nSee $a$.\n\n```swift output=markdown\nx\n```\n")
        let workbook = Workbook(root: folder, config: WorkbookConfig(), chapters: [chapter])
        let engine = FakeFormulaEngine()
        let typesetting = stage(engine)
        #expect(typesetting.isNeeded(for: workbook))
        let ahead = typesetting.ahead(workbook)
        #expect(engine.asked == [["a"]])
        #expect(!typesetting.isNeeded(for: workbook), "the memo names the chapter")
        // The chapter ran and printed a formula: only that one goes to the engine.
        let after = typesetting.typeset([inline("a"), inline("b")], known: ahead)
        #expect(engine.asked == [["a"], ["b"]])
        #expect(after.rendered == 1)
        #expect(after.math.outcomes == [inline("a"): .html("<f>a</f>"), inline("b"): .html("<f>b</f>")])
    }

    @Test func aFailingEngineIsSilentAheadAndReportedAfter() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let chapter = try SnippetExtractor().extract(path: "chapters/01-a.md", source: "# A\n\nSee $a$.\n")
        let workbook = Workbook(root: folder, config: WorkbookConfig(), chapters: [chapter])
        let typesetting = stage(FakeFormulaEngine(fails: true))
        #expect(typesetting.ahead(workbook) == TypesetMath())
        #expect(typesetting.isNeeded(for: workbook), "nothing was cached")
        #expect(typesetting.typeset([inline("a")]).math == TypesetMath(outcomes: [:], failure: "no engine"))
    }
}
