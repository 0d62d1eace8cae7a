/// A small SVG chart of lines and points, printed by a snippet with `output=html`.
///
/// The SVG scales to the page's width, draws its axes and labels in `currentColor` so it reads
/// in light and dark themes, and uses the Okabe–Ito palette, which stays distinct for readers
/// with colour-vision deficiencies (its black replaced by a grey that reads on dark pages too). Numbers are written with `fixed`, so the same data gives
/// the same bytes on every machine.
///
/// ```swift
/// var plot = Plot(title: "Running mean", xLabel: "step", yLabel: "μ")
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
    public var xLabel: String
    public var yLabel: String
    public private(set) var series: [Series] = []
    /// A horizontal reference line (e.g. a population value) with its label.
    public private(set) var references: [(label: String, y: Double)] = []
    public var width = 640.0
    public var height = 360.0

    public static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8C8C8C"]

    public init(title: String, xLabel: String, yLabel: String) {
        self.title = title
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

    /// Adds a dotted horizontal line at `y`, labelled.
    public mutating func reference(_ label: String, y: Double) {
        references.append((label, y))
    }

    public static func == (lhs: Plot, rhs: Plot) -> Bool {
        lhs.title == rhs.title && lhs.series == rhs.series && lhs.width == rhs.width
            && lhs.height == rhs.height && lhs.references.map(\.label) == rhs.references.map(\.label)
            && lhs.references.map(\.y) == rhs.references.map(\.y)
    }
}
