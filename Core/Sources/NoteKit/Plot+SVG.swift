extension Plot {
    /// The chart as an inline SVG inside a `<figure>`, with the title as caption.
    public func svg() -> String {
        let legend = legendEntries()
        let frame = PlotFrame(plot: self, legendRows: legend.count)
        var out: [String] = []
        out.append("<figure class=\"plot\">")
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(frame.totalHeight))\" "
            + "width=\"100%\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" "
            + "font-family=\"system-ui, sans-serif\" font-size=\"14\">")
        out.append("<title id=\"\(id)-title\">\(HTMLEscaping.text(title))</title>")
        out.append("<desc id=\"\(id)-desc\">\(HTMLEscaping.text(description.isEmpty ? title : description))</desc>")
        out += frame.axes()
        for reference in references {
            let y = frame.y(reference.y)
            out.append("<line x1=\"\(n(frame.left))\" y1=\"\(n(y))\" x2=\"\(n(frame.right))\" y2=\"\(n(y))\" "
                + "stroke=\"currentColor\" stroke-opacity=\"0.7\" stroke-dasharray=\"2 3\"/>")
        }
        for entry in legend where entry.series != nil {
            let series = entry.series!
            let points = thinned(zip(series.xs, series.ys).filter { $0.0.isFinite && $0.1.isFinite })
                .map { (frame.x($0.0), frame.y($0.1)) }
            out += pathLines(points, style: series.style, color: entry.color)
        }
        out += legendLines(legend, frame: frame)
        out.append("</svg>")
        out.append("<figcaption>\(HTMLEscaping.text(title))</figcaption>")
        out.append("</figure>")
        return out.joined(separator: "\n")
    }

    /// A stable id for the `<title>` and `<desc>` elements (FNV-1a of the title, description,
    /// axis labels and series names), so two different plots on one page get different ids.
    var id: String {
        var hash: UInt64 = 0xcbf29ce484222325
        let text = ([title, description, xLabel, yLabel] + series.map(\.name)).joined(separator: "\u{1F}")
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        return "plot-" + String(hash % 0xFFFFFF, radix: 16)
    }

    /// At most `maximumPoints` points: evenly spaced, always keeping the first and the last.
    func thinned(_ points: [(Double, Double)]) -> [(Double, Double)] {
        guard points.count > maximumPoints, maximumPoints >= 2 else { return points }
        let step = Double(points.count - 1) / Double(maximumPoints - 1)
        return (0..<maximumPoints).map { points[Int((Double($0) * step).rounded())] }
    }

    /// One `<path>`: a polyline for lines, zero-length round-capped segments for points.
    /// Its data is wrapped every ten points so the recorded output stays readable.
    func pathLines(_ points: [(Double, Double)], style: Style, color: PlotColor) -> [String] {
        guard !points.isEmpty else { return [] }
        var commands: [String] = []
        for (k, point) in points.enumerated() {
            switch style {
            case .points: commands.append("M\(n(point.0)) \(n(point.1))h0")
            case .line, .dashed: commands.append((k == 0 ? "M" : "L") + "\(n(point.0)) \(n(point.1))")
            }
        }
        var rows: [String] = []
        var start = 0
        while start < commands.count {
            rows.append(commands[start..<min(start + 10, commands.count)].joined())
            start += 10
        }
        let stroke: String
        switch style {
        case .points: stroke = "stroke-width=\"4.5\" stroke-linecap=\"round\" stroke-opacity=\"0.7\""
        case .line: stroke = "stroke-width=\"2\" stroke-linejoin=\"round\""
        case .dashed: stroke = "stroke-width=\"2.5\" stroke-dasharray=\"7 4\""
        }
        return ["<path fill=\"none\" \(color.strokeAttributes) \(stroke) d=\""] + rows + ["\"/>"]
    }

    struct LegendEntry {
        var name: String
        var color: PlotColor
        var series: Series?
        var style: Style
    }

    /// One entry per series, then one per reference line (drawn dotted, in the text colour).
    func legendEntries() -> [LegendEntry] {
        var nextColor = 0
        var entries: [LegendEntry] = []
        for entry in series {
            let index = (entry.color ?? nextColor) % Plot.palette.count
            if entry.color == nil { nextColor += 1 }
            entries.append(LegendEntry(name: entry.name, color: PlotColor(index: index), series: entry, style: entry.style))
        }
        for reference in references {
            entries.append(LegendEntry(name: reference.label, color: PlotColor(index: nil), series: nil, style: .line))
        }
        return entries
    }

    func legendLines(_ legend: [LegendEntry], frame: PlotFrame) -> [String] {
        var out: [String] = []
        for (row, entry) in legend.enumerated() {
            let y = frame.legendTop + Double(row) * PlotFrame.legendRowHeight
            let x = frame.left
            if entry.series == nil {
                out.append("<line x1=\"\(n(x))\" y1=\"\(n(y - 5))\" x2=\"\(n(x + 24))\" y2=\"\(n(y - 5))\" "
                    + "stroke=\"currentColor\" stroke-opacity=\"0.7\" stroke-dasharray=\"2 3\"/>")
            } else {
                switch entry.style {
                case .points:
                    out.append("<path \(entry.color.strokeAttributes) stroke-width=\"6\" stroke-linecap=\"round\" "
                        + "d=\"M\(n(x + 12)) \(n(y - 5))h0\"/>")
                case .line, .dashed:
                    let dash = entry.style == .dashed ? " stroke-dasharray=\"7 4\"" : ""
                    out.append("<path \(entry.color.strokeAttributes) stroke-width=\"2.5\"\(dash) "
                        + "d=\"M\(n(x)) \(n(y - 5))h24\"/>")
                }
            }
            out.append("<text x=\"\(n(x + 32))\" y=\"\(n(y))\" fill=\"currentColor\">\(HTMLEscaping.text(entry.name))</text>")
        }
        return out
    }
}

/// A series colour: the light palette's value as the attribute, and a CSS variable the
/// site's style sheet switches for dark pages (nil index: the text colour).
struct PlotColor {
    let index: Int?

    var strokeAttributes: String {
        guard let index else { return "stroke=\"currentColor\"" }
        return "stroke=\"\(Plot.palette[index])\" style=\"stroke:var(--plot-color-\(index), \(Plot.palette[index]))\""
    }
}

/// Maps data coordinates to the SVG's pixels and draws the axes with readable ticks.
struct PlotFrame {
    static let legendRowHeight = 20.0
    let left = 58.0, top = 12.0
    let right: Double, bottom: Double
    let legendTop: Double
    let totalHeight: Double
    let xTicks: [Double], yTicks: [Double]
    let xRange: ClosedRange<Double>, yRange: ClosedRange<Double>
    let plot: Plot

    init(plot: Plot, legendRows: Int) {
        self.plot = plot
        right = plot.width - 12
        bottom = plot.height - 48
        legendTop = plot.height + 4
        totalHeight = plot.height + Double(legendRows) * PlotFrame.legendRowHeight
        let xs = plot.series.flatMap(\.xs).filter(\.isFinite)
        let ys = (plot.series.flatMap(\.ys) + plot.references.map(\.y)).filter(\.isFinite)
        // The x axis spans the data exactly; ticks are the round values inside it.
        let xLow = xs.min() ?? 0, xHigh = max(xs.max() ?? 1, (xs.min() ?? 0) + 1e-9)
        xRange = xLow...xHigh
        xTicks = niceTicks(xLow, xHigh).filter { $0 >= xLow - 1e-9 && $0 <= xHigh + 1e-9 }
        yTicks = niceTicks(ys.min() ?? 0, ys.max() ?? 1)
        yRange = yTicks.first!...yTicks.last!
    }

    func x(_ value: Double) -> Double {
        left + (value - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound) * (right - left)
    }

    func y(_ value: Double) -> Double {
        bottom - (value - yRange.lowerBound) / (yRange.upperBound - yRange.lowerBound) * (bottom - top)
    }

    func axes() -> [String] {
        var out: [String] = []
        out.append("<g stroke=\"currentColor\" stroke-opacity=\"0.15\">")
        for tick in yTicks { out.append("<line x1=\"\(n(left))\" y1=\"\(n(y(tick)))\" x2=\"\(n(right))\" y2=\"\(n(y(tick)))\"/>") }
        out.append("</g>")
        out.append("<g stroke=\"currentColor\"><line x1=\"\(n(left))\" y1=\"\(n(bottom))\" x2=\"\(n(right))\" y2=\"\(n(bottom))\"/>"
            + "<line x1=\"\(n(left))\" y1=\"\(n(top))\" x2=\"\(n(left))\" y2=\"\(n(bottom))\"/></g>")
        out.append("<g fill=\"currentColor\" text-anchor=\"middle\">")
        for tick in xTicks { out.append("<text x=\"\(n(x(tick)))\" y=\"\(n(bottom + 18))\">\(tickLabel(tick, xTicks))</text>") }
        out.append("</g><g fill=\"currentColor\" text-anchor=\"end\">")
        for tick in yTicks { out.append("<text x=\"\(n(left - 6))\" y=\"\(n(y(tick) + 5))\">\(tickLabel(tick, yTicks))</text>") }
        out.append("</g>")
        out.append("<text x=\"\(n((left + right) / 2))\" y=\"\(n(bottom + 38))\" text-anchor=\"middle\" fill=\"currentColor\">\(HTMLEscaping.text(plot.xLabel))</text>")
        out.append("<text transform=\"translate(15 \(n((top + bottom) / 2))) rotate(-90)\" text-anchor=\"middle\" fill=\"currentColor\">\(HTMLEscaping.text(plot.yLabel))</text>")
        return out
    }
}

/// About five round tick values covering `low...high` (steps of 1, 2 or 5 times a power of ten).
func niceTicks(_ low: Double, _ high: Double) -> [Double] {
    var low = low, high = high
    if high - low < 1e-12 { low -= 1; high += 1 }
    let rough = (high - low) / 5
    var magnitude = 1.0
    while magnitude > rough { magnitude /= 10 }
    while magnitude * 10 <= rough { magnitude *= 10 }
    let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? magnitude * 10
    let first = (low / step).rounded(.down)
    let last = (high / step).rounded(.up)
    return stride(from: first, through: last, by: 1).map { $0 * step }
}

/// A tick label with as many decimals as the tick spacing needs.
func tickLabel(_ value: Double, _ ticks: [Double]) -> String {
    let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
    var digits = 0
    var scaled = step
    while digits < 6 && abs(scaled - scaled.rounded()) > 1e-9 * max(1, abs(scaled)) {
        scaled *= 10
        digits += 1
    }
    return fixed(value, digits: digits)
}

/// A coordinate with two decimals at most, trailing zeros dropped.
func n(_ value: Double) -> String {
    var text = fixed(value, digits: 2)
    while text.hasSuffix("0") && text.contains(".") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text == "-0" ? "0" : text
}
