/// A chart of several series of (x, y) points joined by lines, with
/// axes, nice ticks and a legend. Used for allocation over time and for
/// trace-study curves (allocation % against arrived workload %).
public struct LineChart: Hashable, Sendable {
  /// One named line.
  public struct Series: Hashable, Sendable {
    /// The legend name.
    public var name: String
    /// The x values, ascending.
    public var xs: [Double]
    /// The y values, one per x.
    public var ys: [Double]

    /// Creates a series.
    ///
    /// - Parameters:
    ///   - name: The legend name.
    ///   - points: The points, in drawing order.
    public init(name: String, points: [(x: Double, y: Double)]) {
      self.name = name
      xs = points.map(\.x)
      ys = points.map(\.y)
    }
  }

  /// The chart title.
  public var title: String
  /// The x axis label, with unit.
  public var xLabel: String
  /// The y axis label, with unit.
  public var yLabel: String
  /// The lines.
  public var series: [Series]
  /// Fixed y range, such as 0…100 for percentages; `nil` fits the data.
  public var yDomain: (lower: Double, upper: Double)?
  /// Width and height, pixels.
  public var size: (width: Double, height: Double)

  /// Creates a line chart.
  ///
  /// - Parameters:
  ///   - title: The title.
  ///   - xLabel: The x axis label.
  ///   - yLabel: The y axis label.
  ///   - series: The lines.
  ///   - yDomain: A fixed y range; `nil` by default.
  ///   - size: Pixels; 720 × 340 by default.
  public init(
    title: String, xLabel: String, yLabel: String, series: [Series],
    yDomain: (lower: Double, upper: Double)? = nil,
    size: (width: Double, height: Double) = (720, 340)
  ) {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.series = series
    self.yDomain = yDomain
    self.size = size
  }

  /// The chart as an `<svg>` element.
  ///
  /// - Parameter id: The element id.
  /// - Complexity: O(points).
  public func svg(id: String) -> String {
    let entries = series.enumerated().map { ($1.name, Palette.color($0)) }
    var frame = ChartFrame(width: size.width, height: size.height)
    // The legend sits right of the plot, so it never hides a line.
    frame.right += ChartFrame.legendWidth(for: entries) + 12
    let xs = series.flatMap(\.xs)
    let ys = series.flatMap(\.ys)
    let scales = frame.scales(
      x: (xs.min() ?? 0, xs.max() ?? 1),
      y: yDomain ?? (min(0, ys.min() ?? 0), ys.max() ?? 1))
    var canvas = SVGCanvas(width: size.width, height: size.height)
    frame.drawAxes(on: &canvas, x: scales.x, y: scales.y, title: title,
      xLabel: xLabel, yLabel: yLabel)
    for (index, line) in series.enumerated() {
      canvas.polyline(
        zip(line.xs, line.ys).map { (scales.x($0), scales.y($1)) },
        stroke: Palette.color(index), dashed: index >= Palette.series.count)
    }
    frame.drawLegend(on: &canvas, entries: entries, outside: true)
    return canvas.render(id: id, label: title)
  }

  /// Compares every field.
  public static func == (lhs: LineChart, rhs: LineChart) -> Bool {
    lhs.title == rhs.title && lhs.xLabel == rhs.xLabel
      && lhs.yLabel == rhs.yLabel && lhs.series == rhs.series
      && lhs.yDomain?.lower == rhs.yDomain?.lower
      && lhs.yDomain?.upper == rhs.yDomain?.upper
      && lhs.size == rhs.size
  }

  /// Hashes the title and series.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(title)
    hasher.combine(series)
  }
}
