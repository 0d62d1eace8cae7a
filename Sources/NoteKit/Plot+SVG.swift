extension Plot {
    /// The chart as an inline SVG inside a `<figure>`, with the title as caption.
    public func svg() -> String {
        let frame = PlotFrame(plot: self)
        var out: [String] = []
        out.append("<figure class=\"plot\">")
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" "
            + "role=\"img\" aria-label=\"\(escape(title))\" style=\"max-width:100%;height:auto\" "
            + "font-family=\"system-ui, sans-serif\" font-size=\"12\">")
        out.append("<title>\(escape(title))</title>")
        out += frame.axes()
        for reference in references {
            let y = frame.y(reference.y)
            out.append("<line x1=\"\(n(frame.left))\" y1=\"\(n(y))\" x2=\"\(n(frame.right))\" y2=\"\(n(y))\" "
                + "stroke=\"currentColor\" stroke-opacity=\"0.6\" stroke-dasharray=\"2 3\"/>")
            // A halo in the page's background colour keeps the label readable over data points.
            out.append("<text x=\"\(n(frame.right - 4))\" y=\"\(n(y - 6))\" text-anchor=\"end\" "
                + "fill=\"currentColor\" style=\"paint-order:stroke;stroke:Canvas;stroke-width:4px\">"
                + "\(escape(reference.label))</text>")
        }
        var nextColor = 0
        var legend: [(String, String, Style)] = []
        for entry in series {
            let color = Plot.palette[(entry.color ?? nextColor) % Plot.palette.count]
            if entry.color == nil { nextColor += 1 }
            legend.append((entry.name, color, entry.style))
            let points = zip(entry.xs, entry.ys).filter { $0.0.isFinite && $0.1.isFinite }
                .map { (frame.x($0.0), frame.y($0.1)) }
            switch entry.style {
            case .points:
                for point in points {
                    out.append("<circle cx=\"\(n(point.0))\" cy=\"\(n(point.1))\" r=\"2.5\" fill=\"\(color)\" fill-opacity=\"0.75\"/>")
                }
            case .line, .dashed:
                let path = points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
                let dash = entry.style == .dashed ? " stroke-dasharray=\"6 4\"" : ""
                out.append("<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"\(dash)/>")
            }
        }
        out += legendLines(legend, frame: frame)
        out.append("</svg>")
        out.append("<figcaption>\(escape(title))</figcaption>")
        out.append("</figure>")
        return out.joined(separator: "\n")
    }

    private func legendLines(_ legend: [(String, String, Style)], frame: PlotFrame) -> [String] {
        var out: [String] = []
        var x = frame.left
        let y = 16.0
        for (name, color, style) in legend {
            switch style {
            case .points:
                out.append("<circle cx=\"\(n(x + 8))\" cy=\"\(n(y - 4))\" r=\"3.5\" fill=\"\(color)\"/>")
            case .line, .dashed:
                let dash = style == .dashed ? " stroke-dasharray=\"6 4\"" : ""
                out.append("<line x1=\"\(n(x))\" y1=\"\(n(y - 4))\" x2=\"\(n(x + 18))\" y2=\"\(n(y - 4))\" "
                    + "stroke=\"\(color)\" stroke-width=\"2\"\(dash)/>")
            }
            out.append("<text x=\"\(n(x + 24))\" y=\"\(n(y))\" fill=\"currentColor\">\(escape(name))</text>")
            x += 24 + Double(name.count) * 6.6 + 18
        }
        return out
    }
}

/// Maps data coordinates to the SVG's pixels and draws the axes with readable ticks.
struct PlotFrame {
    let left = 64.0, top = 30.0
    let right: Double, bottom: Double
    let xTicks: [Double], yTicks: [Double]
    let xRange: ClosedRange<Double>, yRange: ClosedRange<Double>
    let plot: Plot

    init(plot: Plot) {
        self.plot = plot
        right = plot.width - 16
        bottom = plot.height - 44
        let xs = plot.series.flatMap(\.xs).filter(\.isFinite)
        let ys = (plot.series.flatMap(\.ys) + plot.references.map(\.y)).filter(\.isFinite)
        xTicks = niceTicks(xs.min() ?? 0, xs.max() ?? 1)
        yTicks = niceTicks(ys.min() ?? 0, ys.max() ?? 1)
        xRange = xTicks.first!...xTicks.last!
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
        for tick in xTicks { out.append("<text x=\"\(n(x(tick)))\" y=\"\(n(bottom + 16))\">\(tickLabel(tick, xTicks))</text>") }
        out.append("</g><g fill=\"currentColor\" text-anchor=\"end\">")
        for tick in yTicks { out.append("<text x=\"\(n(left - 6))\" y=\"\(n(y(tick) + 4))\">\(tickLabel(tick, yTicks))</text>") }
        out.append("</g>")
        out.append("<text x=\"\(n((left + right) / 2))\" y=\"\(n(plot.height - 8))\" text-anchor=\"middle\" fill=\"currentColor\">\(escape(plot.xLabel))</text>")
        out.append("<text transform=\"translate(14 \(n((top + bottom) / 2))) rotate(-90)\" text-anchor=\"middle\" fill=\"currentColor\">\(escape(plot.yLabel))</text>")
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
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text == "-0" ? "0" : text
}

/// Text escaped for SVG/HTML content and attributes.
func escape(_ text: String) -> String {
    var out = ""
    for character in text {
        switch character {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        default: out.append(character)
        }
    }
    return out
}
