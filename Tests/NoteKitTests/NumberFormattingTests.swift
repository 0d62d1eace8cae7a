import Foundation
import Testing
@testable import NoteKit

@Suite struct NumberFormattingTests {
    @Test(arguments: [
        (3.14159, 3, "3.142"), (-0.0001, 2, "0.00"), (-1.5, 1, "-1.5"), (2.5, 0, "2"),
        (0.27651875, 6, "0.276519"), (1e9 + 4, 1, "1000000004.0"), (0.1, 4, "0.1000"),
    ])
    func fixedRoundsToTheGivenDecimals(value: Double, digits: Int, expected: String) {
        #expect(fixed(value, digits: digits) == expected)
    }

    @Test func nonFiniteValuesHaveNames() {
        #expect(fixed(Double.nan) == "nan")
        #expect(fixed(Double.infinity) == "inf")
        #expect(fixed(-Double.infinity) == "-inf")
    }

    @Test func floatsAndListsAndPercentages() {
        #expect(fixed(Float(0.5), digits: 2) == "0.50")
        #expect(fixed([1.0, -2.25], digits: 2) == "[1.00, -2.25]")
        #expect(percent(0.9731) == "97.3%")
    }
}

@Suite struct MarkdownTableTests {
    @Test func printsAGitHubTableWithAlignmentRow() {
        var table = MarkdownTable(["batch", "$\\mu$"], alignments: [.left, .right])
        table.append(["$X^{\\{1\\}}$", "0.25"])
        #expect(table.description == """
            | batch | $\\mu$ |
            |:---|---:|
            | $X^{\\{1\\}}$ | 0.25 |
            """)
    }

    @Test func escapesPipesSoACellCannotSplit() {
        var table = MarkdownTable(["a"])
        table.append(["$|x|$"])
        #expect(table.rows.count == 1)
        #expect(table.description.hasSuffix("| $\\|x\\|$ |"))
    }
}

@Suite struct PlotTests {
    @Test func ticksAreRoundAndCoverTheData() {
        #expect(niceTicks(0.13, 0.97) == [0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0])
        let ticks = niceTicks(-3, 17)
        #expect(ticks.first! <= -3 && ticks.last! >= 17)
        #expect(niceTicks(5, 5).count >= 2)
    }

    @Test func svgHasOnePathPerSeriesAndEscapesText() {
        var plot = Plot(title: "μ & σ²", xLabel: "step", yLabel: "value")
        plot.line("running <μ>", ys: [1.0, 2.0, 3.0])
        plot.line("batch μ", xs: [1.0, 2.0], ys: [0.5, 2.5], style: .points)
        plot.reference("population", y: 2)
        let svg = plot.svg()
        #expect(svg.contains(">μ &amp; σ²</title>"))
        #expect(svg.contains("running &lt;μ&gt;"))
        #expect(svg.components(separatedBy: "<path fill=\"none\"").count == 3)  // one path per series
        #expect(!svg.contains("<circle") && !svg.contains("<polyline"))
        #expect(svg.contains("stroke-dasharray=\"2 3\""))
    }

    @Test func titleAndDescriptionAreForScreenReaders() {
        var plot = Plot(title: "Running μ", xLabel: "step", yLabel: "μ",
                        description: "The running mean climbs to 0.9.")
        plot.line("μ", ys: [0.1, 0.5, 0.9])
        let svg = plot.svg()
        #expect(svg.contains("role=\"img\""))
        #expect(svg.contains(">Running μ</title>"))
        #expect(svg.contains(">The running mean climbs to 0.9.</desc>"))
        let id = svg.firstMatch(of: /aria-labelledby="([^ ]+)-title \1-desc"/)
        #expect(id != nil)
    }

    @Test func plotsWithTheSameTitleGetDifferentIds() {
        var a = Plot(title: "Running μ", xLabel: "step", yLabel: "μ", description: "layer 1")
        a.line("μ", ys: [1.0, 2.0])
        var b = a
        b.description = "layer 2"
        #expect(a.id != b.id)
        // The same plot built again gets the same id (a recorded output does not change), and
        // the picture's title is labelled by it.
        var again = Plot(title: "Running μ", xLabel: "step", yLabel: "μ", description: "layer 1")
        again.line("μ", ys: [1.0, 2.0])
        #expect(again.id == a.id)
        #expect(a.svg().contains("aria-labelledby=\"\(a.id)-title \(a.id)-desc\""))
        #expect(b.svg().contains("aria-labelledby=\"\(b.id)-title \(b.id)-desc\""))
    }

    @Test func longSeriesAreThinnedAndTheXAxisEndsAtTheData() {
        var plot = Plot(title: "t", xLabel: "x", yLabel: "y")
        plot.line("batch", ys: (0..<740).map { Double($0 % 7) }, style: .points)
        let svg = plot.svg()
        #expect(svg.components(separatedBy: "h0").count - 1 == plot.maximumPoints + 1)  // + the legend dot
        #expect(svg.split(separator: "\n").count < 60)
        // The axis ends at the last step (740): its point sits at the right edge (x = 388),
        // and no tick lies beyond it.
        #expect(svg.contains("M388 "))
        #expect(svg.contains(">600</text>") && !svg.contains(">800</text>"))
    }

    @Test func textIsLargeEnoughOnAPhoneAndFillsTheWidth() {
        let plot = Plot(title: "t", xLabel: "x", yLabel: "y")
        let svg = plot.svg()
        #expect(svg.contains("width=\"100%\""))
        // 14-unit text in a 400-unit drawing shown 330 px wide is 11.5 px.
        #expect(svg.contains("font-size=\"14\"") && plot.width == 400)
        #expect(14 * 330 / plot.width >= 11)
    }

    @Test func seriesColoursReachFourAndAHalfToOneOnBothBackgrounds() {
        let light = ["#fdfcfa", "#eef5ee"], dark = ["#17181a", "#1b261d"]
        for (a, b) in zip(Plot.palette, Plot.darkPalette) {
            for background in light { #expect(contrast(a, background) >= 4.5, "\(a) on \(background)") }
            for background in dark { #expect(contrast(b, background) >= 4.5, "\(b) on \(background)") }
        }
    }

    @Test func theStyleSheetSetsTheDarkPalette() throws {
        let css = try String(contentsOfFile: #filePath.replacingOccurrences(
            of: "Tests/NoteKitTests/NumberFormattingTests.swift",
            with: "Sources/WorkbookSite/Resources/theme/style.css"), encoding: .utf8)
        for (k, colour) in Plot.darkPalette.enumerated() {
            #expect(css.contains("--plot-color-\(k): \(colour)"))
            #expect(css.contains("--plot-color-\(k): \(Plot.palette[k])"))
        }
    }

    @Test func sameDataGivesTheSameBytes() {
        var a = Plot(title: "t", xLabel: "x", yLabel: "y")
        a.line("s", ys: [0.1, 0.7, 0.3])
        #expect(a.svg() == a.svg())
        a.line("tiny", ys: [1e-9, 2e-9, 3e-9])
        // Coordinates are fixed-point, never in exponent notation.
        #expect(a.svg().firstMatch(of: /[0-9]e[-+]?[0-9]/) == nil)
    }
}

/// WCAG contrast ratio of two `#RRGGBB` colours.
func contrast(_ a: String, _ b: String) -> Double {
    func luminance(_ hex: String) -> Double {
        let digits = Array(hex.dropFirst())
        let channels = stride(from: 0, to: 6, by: 2).map { Double(Int(String(digits[$0...$0 + 1]), radix: 16)!) / 255 }
            .map { $0 <= 0.04045 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    }
    let (x, y) = (luminance(a), luminance(b))
    return (max(x, y) + 0.05) / (min(x, y) + 0.05)
}
