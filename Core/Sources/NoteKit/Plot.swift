/// A small SVG chart of lines and points, printed by a snippet with `output=html`.
///
/// The SVG fills the column's width (a 400-unit-wide drawing with 14-unit text, so text stays
/// at least 11 px on a 390 px phone), draws axes and labels in `currentColor`, and colours each
/// series through a CSS variable (`--plot-color-0` …) whose light and dark values both reach
/// 4.5:1 contrast; the attribute's fallback is the light value. The legend sits under the
/// axes, never over the data. Series are drawn as one `<path>` each, thinned to at most
/// `maximumPoints` points. Numbers are written with `fixed`, so the same data gives the same
/// bytes on every machine. `title` and `description` become the SVG's `<title>` and `<desc>`
/// for screen readers.
///
/// ```swift
/// var plot = Plot(title: "Running mean", xLabel: "step", yLabel: "μ",
///                 description: "The running mean climbs from 0 to 0.94 within 40 steps.")
/// plot.line("batch μ", xs: steps, ys: means, style: .points)
/// plot.line("running μ", xs: steps, ys: running)
/// print(plot.svg())
/// ```
public struct Plot: Sendable, Equatable {
    /// How a series is drawn.
    public enum Style: Sendable, Equatable {
        case line, dashed, points
    }

    /// One named series of points.
    public struct Series: Sendable, Equatable {
        public var name: String
        public var xs: [Double]
        public var ys: [Double]
        public var style: Style
        /// A palette index; `nil` takes the next colour.
        public var color: Int?
    }

    public var title: String
    /// One sentence saying what the plot shows, for screen readers (`<desc>`).
    public var description: String
    public var xLabel: String
    public var yLabel: String
    /// The most points drawn per series; longer series keep evenly spaced points and the last one.
    public var maximumPoints = 160
    public private(set) var series: [Series] = []
    /// A horizontal reference line (e.g. a population value) with its label.
    public private(set) var references: [(label: String, y: Double)] = []
    public var width = 400.0
    public var height = 280.0

    /// Series colours on light pages (Okabe–Ito hues darkened to ≥ 4.5:1 on the light backgrounds).
    public static let palette = ["#005A8C", "#A84300", "#00704F", "#9A3F78", "#7F5500", "#3F5F8F", "#5C5C5C"]
    /// The same hues on dark pages (≥ 4.5:1 on the dark backgrounds); the site's style sheet sets them.
    public static let darkPalette = ["#56B4E9", "#F08A4B", "#3CC99A", "#E59AC8", "#E8C14A", "#A9B8F0", "#A8A8A8"]

    public init(title: String, xLabel: String, yLabel: String, description: String = "") {
        self.title = title
        self.description = description
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    /// Adds a series; `xs` and `ys` must have the same length.
    public mutating func line<X: BinaryFloatingPoint, Y: BinaryFloatingPoint>(
        _ name: String, xs: [X], ys: [Y], style: Style = .line, color: Int? = nil
    ) {
        precondition(xs.count == ys.count, "a series needs as many x as y values")
        series.append(Series(name: name, xs: xs.map { Double($0) }, ys: ys.map { Double($0) },
                             style: style, color: color))
    }

    /// Adds a series whose x values are 1, 2, 3, …
    public mutating func line<Y: BinaryFloatingPoint>(_ name: String, ys: [Y], style: Style = .line, color: Int? = nil) {
        line(name, xs: (1...max(ys.count, 1)).prefix(ys.count).map(Double.init), ys: ys, style: style, color: color)
    }

    /// Adds a dotted horizontal line at `y`, labelled in the legend.
    public mutating func reference(_ label: String, y: Double) {
        references.append((label, y))
    }

    public static func == (lhs: Plot, rhs: Plot) -> Bool {
        lhs.title == rhs.title && lhs.description == rhs.description && lhs.series == rhs.series && lhs.width == rhs.width
            && lhs.height == rhs.height && lhs.references.map(\.label) == rhs.references.map(\.label)
            && lhs.references.map(\.y) == rhs.references.map(\.y)
    }
}
