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

    @Test func svgHasOneShapePerSeriesAndEscapesText() {
        var plot = Plot(title: "μ & σ²", xLabel: "step", yLabel: "value")
        plot.line("running <μ>", ys: [1.0, 2.0, 3.0])
        plot.line("batch μ", xs: [1.0, 2.0], ys: [0.5, 2.5], style: .points)
        plot.reference("population", y: 2)
        let svg = plot.svg()
        #expect(svg.contains("<title>μ &amp; σ²</title>"))
        #expect(svg.contains("running &lt;μ&gt;"))
        #expect(svg.components(separatedBy: "<polyline").count == 2)
        #expect(svg.components(separatedBy: "<circle").count == 4) // two points + legend dot
        #expect(svg.contains("stroke-dasharray=\"2 3\""))
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
