/// Labelled points on two axes with the Pareto front drawn: the points
/// that no other point beats on both axes at once (larger is better on
/// both, unless a direction says otherwise).
public struct ScatterChart: Hashable, Sendable {
  /// One labelled point.
  public struct Point: Hashable, Sendable {
    /// The label beside the point.
    public var label: String
    /// The x value.
    public var x: Double
    /// The y value.
    public var y: Double

    /// Creates a point.
    public init(label: String, x: Double, y: Double) {
      self.label = label
      self.x = x
      self.y = y
    }
  }

  /// The chart title.
  public var title: String
  /// The x axis label, with unit.
  public var xLabel: String
  /// The y axis label, with unit.
  public var yLabel: String
  /// The points.
  public var points: [Point]
  /// A fixed y range, such as 0…1 for scores; `nil` fits the data.
  public var yDomain: ClosedRange<Double>?

  /// Creates a scatter chart where larger is better on both axes.
  ///
  /// - Parameters:
  ///   - title: The title.
  ///   - xLabel: The x axis label.
  ///   - yLabel: The y axis label.
  ///   - points: The points.
  ///   - yDomain: A fixed y range; `nil` by default.
  public init(
    title: String, xLabel: String, yLabel: String, points: [Point],
    yDomain: ClosedRange<Double>? = nil
  ) {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.points = points
    self.yDomain = yDomain
  }

  /// Indices of the points on the Pareto front, by ascending x: a point
  /// is on it when no other point is at least as large on both axes and
  /// larger on one.
  ///
  /// - Complexity: O(*n*²).
  public var paretoFront: [Int] {
    points.indices.filter { index in
      let point = points[index]
      return !points.contains {
        $0.x >= point.x && $0.y >= point.y && ($0.x > point.x || $0.y > point.y)
      }
    }.sorted { (points[$0].x, points[$0].y) < (points[$1].x, points[$1].y) }
  }

  /// The chart as an `<svg>` element.
  ///
  /// - Parameter id: The element id.
  /// - Complexity: O(*n*²).
  public func svg(id: String) -> String {
    let frame = ChartFrame(width: 720, height: 380)
    let xs = points.map(\.x)
    let ys = points.map(\.y)
    func padded(_ values: [Double]) -> (lower: Double, upper: Double) {
      let lower = values.min() ?? 0
      let upper = values.max() ?? 1
      let margin = max((upper - lower) * 0.1, 0.01)
      return (lower - margin, upper + margin)
    }
    let scales = frame.scales(
      x: padded(xs),
      y: yDomain.map { ($0.lowerBound, $0.upperBound) } ?? padded(ys))
    var canvas = SVGCanvas(width: 720, height: 380)
    frame.drawAxes(on: &canvas, x: scales.x, y: scales.y, title: title,
      xLabel: xLabel, yLabel: yLabel)
    let front = paretoFront
    if front.count > 1 {
      var steps: [(x: Double, y: Double)] = []
      for (position, index) in front.enumerated() {
        let point = (scales.x(points[index].x), scales.y(points[index].y))
        if position > 0 {
          steps.append((steps[steps.count - 1].x, point.1))
        }
        steps.append(point)
      }
      canvas.polyline(steps, stroke: "#777777", width: 1.5, dashed: true)
    }
    for (index, point) in points.enumerated() {
      let onFront = front.contains(index)
      let x = scales.x(point.x)
      let y = scales.y(point.y)
      canvas.circle(x: x, y: y, radius: onFront ? 7 : 5,
        fill: Palette.color(index), stroke: onFront ? "#000000" : "#ffffff",
        title: "\(point.label): \(formatted(point.x, decimals: 2)), "
          + formatted(point.y, decimals: 3))
      canvas.text(point.label + (onFront ? " ★" : ""), x: x + 10, y: y - 8,
        size: 11)
    }
    canvas.text("★ on the Pareto front (dashed)", x: frame.plotLeft + 8,
      y: frame.plotBottom - 8, size: 11, fill: "#555")
    return canvas.render(id: id, label: title)
  }
}
