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
  /// Whether smaller y values are better (a risk or a delay); the Pareto
  /// front then prefers small y. Larger x is always better.
  public var lowerYIsBetter: Bool

  /// Creates a scatter chart where larger x is better, and larger y
  /// unless `lowerYIsBetter`.
  ///
  /// - Parameters:
  ///   - title: The title.
  ///   - xLabel: The x axis label.
  ///   - yLabel: The y axis label.
  ///   - points: The points.
  ///   - yDomain: A fixed y range; `nil` by default.
  ///   - lowerYIsBetter: Whether small y is better; `false` by default.
  public init(
    title: String, xLabel: String, yLabel: String, points: [Point],
    yDomain: ClosedRange<Double>? = nil, lowerYIsBetter: Bool = false
  ) {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.points = points
    self.yDomain = yDomain
    self.lowerYIsBetter = lowerYIsBetter
  }

  /// Indices of the points on the Pareto front, by ascending x: a point
  /// is on it when no other point is at least as good on both axes and
  /// better on one.
  ///
  /// - Complexity: O(*n*²).
  public var paretoFront: [Int] {
    let sign = lowerYIsBetter ? -1.0 : 1
    return points.indices.filter { index in
      let point = points[index]
      return !points.contains {
        $0.x >= point.x && sign * $0.y >= sign * point.y
          && ($0.x > point.x || sign * $0.y > sign * point.y)
      }
    }.sorted { (points[$0].x, points[$0].y) < (points[$1].x, points[$1].y) }
  }

  /// The chart as an `<svg>` element. Points that fall on one spot are
  /// drawn once with their labels joined; labels that would overlap are
  /// moved down until they do not.
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
      // At least 2% of the values' size, so that equal values do not
      // spread over an axis of meaningless digits.
      let size = max(abs(lower), abs(upper))
      let margin = max((upper - lower) * 0.1, size * 0.02, 0.01)
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

    // One mark per spot (to the pixel), its labels joined.
    var spots: [(x: Double, y: Double, members: [Int])] = []
    for index in points.indices {
      let x = scales.x(points[index].x)
      let y = scales.y(points[index].y)
      if let spot = spots.firstIndex(where: {
        abs($0.x - x) < 3 && abs($0.y - y) < 3
      }) {
        spots[spot].members.append(index)
      } else {
        spots.append((x, y, [index]))
      }
    }
    // Each spot's labels are a column of lines beside it. Marks and
    // placed columns are obstacles (boxes: x, top, width, height); a
    // column that would overlap one moves down a line at a time, and a
    // thin leader then shows whose it is.
    var placed: [(x: Double, top: Double, width: Double, height: Double)] =
      spots.map { ($0.x - 8, $0.y - 8, 16, 16) }
    for spot in spots {
      let first = spot.members[0]
      let onFront = spot.members.contains { front.contains($0) }
      let lines = spot.members.map {
        points[$0].label + (front.contains($0) ? " ★" : "")
      }
      canvas.circle(x: spot.x, y: spot.y, radius: onFront ? 7 : 5,
        fill: Palette.color(first), stroke: onFront ? "#000000" : "#ffffff",
        title: lines.joined(separator: ", ") + ": "
          + "\(formatted(points[first].x, decimals: 2)), "
          + formatted(points[first].y, decimals: 3))
      let width = 6.5 * Double(lines.map(\.count).max() ?? 0)
      let height = 13 * Double(lines.count)
      let rightEdge = 720.0 - 6
      var x = spot.x + 10
      var top = spot.y - 18
      var moved = false
      if x + width > rightEdge {
        x = spot.x - 10 - width
        if x < frame.plotLeft + 4 {
          x = min(frame.plotLeft + 4, rightEdge - width)
          top = spot.y - 12 - height
          moved = true
        }
      }
      let start = top
      while placed.contains(where: {
        top < $0.top + $0.height && $0.top < top + height
          && x < $0.x + $0.width && $0.x < x + width
      }) {
        top += 13
      }
      placed.append((x, top, width, height))
      if moved || top != start {
        let end = x < spot.x ? min(x + width, spot.x) : x - 2
        canvas.line(spot.x, spot.y, end, top + 6, stroke: "#aaaaaa")
      }
      for (index, line) in lines.enumerated() {
        canvas.text(line, x: x, y: top + 10 + 13 * Double(index), size: 11)
      }
    }
    canvas.text("★ on the Pareto front (dashed)", x: frame.plotLeft + 8,
      y: frame.plotBottom - 8, size: 11, fill: "#555")
    return canvas.render(id: id, label: title)
  }
}
