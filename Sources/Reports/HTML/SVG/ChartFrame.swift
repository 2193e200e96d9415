/// The plotting area of a chart with axes, ticks and labels: the pieces
/// every x–y chart shares.
struct ChartFrame {
  var left = 64.0
  var right = 16.0
  var top = 36.0
  var bottom = 48.0
  var width: Double
  var height: Double

  var plotLeft: Double { left }
  var plotRight: Double { width - right }
  var plotTop: Double { top }
  var plotBottom: Double { height - bottom }

  /// Scales for the two domains, widened to nice ticks.
  func scales(
    x: (lower: Double, upper: Double), y: (lower: Double, upper: Double)
  ) -> (x: LinearScale, y: LinearScale) {
    (
      LinearScale(domain: x, range: (plotLeft, plotRight)).nice(),
      LinearScale(domain: y, range: (plotBottom, plotTop)).nice()
    )
  }

  /// Draws the title, grid, axes, tick labels and axis labels.
  func drawAxes(
    on canvas: inout SVGCanvas, x: LinearScale, y: LinearScale,
    title: String, xLabel: String, yLabel: String
  ) {
    canvas.text(title, x: left, y: 20, size: 14, weight: "bold")
    let xTicks = x.ticks()
    let xDecimals = LinearScale.decimals(forStep: xTicks.step)
    for value in xTicks.values {
      let position = x(value)
      canvas.line(position, plotTop, position, plotBottom, stroke: "#e3e3e3")
      canvas.line(position, plotBottom, position, plotBottom + 5)
      canvas.text(formatted(value, decimals: xDecimals), x: position,
        y: plotBottom + 18, anchor: "middle", size: 11)
    }
    let yTicks = y.ticks()
    let yDecimals = LinearScale.decimals(forStep: yTicks.step)
    for value in yTicks.values {
      let position = y(value)
      canvas.line(plotLeft, position, plotRight, position, stroke: "#e3e3e3")
      canvas.line(plotLeft - 5, position, plotLeft, position)
      canvas.text(formatted(value, decimals: yDecimals), x: plotLeft - 8,
        y: position + 4, anchor: "end", size: 11)
    }
    canvas.line(plotLeft, plotBottom, plotRight, plotBottom)
    canvas.line(plotLeft, plotTop, plotLeft, plotBottom)
    canvas.text(xLabel, x: (plotLeft + plotRight) / 2, y: height - 10,
      anchor: "middle")
    canvas.text(yLabel, x: 16, y: (plotTop + plotBottom) / 2,
      anchor: "middle", rotate: -90)
  }

  /// The width a legend of `entries` takes, pixels.
  static func legendWidth(for entries: [(String, String)]) -> Double {
    min(320, 28 + 7 * Double(entries.map(\.0.count).max() ?? 0))
  }

  /// Draws a legend of coloured swatches in the top-right corner of the
  /// plot, or right of the plot when `outside` (the caller then reserves
  /// `legendWidth(for:)` plus 12 pixels of right margin).
  func drawLegend(
    on canvas: inout SVGCanvas, entries: [(String, String)],
    outside: Bool = false
  ) {
    let rowHeight = 16.0
    let boxWidth = Self.legendWidth(for: entries)
    let x = outside ? plotRight + 16 : plotRight - boxWidth - 4
    var y = plotTop + 6
    canvas.rect(x: x - 6, y: y - 4, width: boxWidth + 8,
      height: rowHeight * Double(entries.count) + 6, fill: "#ffffff",
      stroke: "#cccccc")
    for (name, color) in entries {
      canvas.rect(x: x, y: y + 2, width: 16, height: 4, fill: color)
      canvas.text(name, x: x + 22, y: y + 8, size: 11)
      y += rowHeight
    }
  }
}
