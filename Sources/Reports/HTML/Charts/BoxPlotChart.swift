import Scoring

/// Box plots of several samples side by side: the box spans the 25th to
/// 75th percentile with a line at the median, whiskers reach the 5th and
/// 95th, all by nearest rank (docs/metrics.md).
public struct BoxPlotChart: Hashable, Sendable {
  /// One named sample.
  public struct Group: Hashable, Sendable {
    /// The label under the box.
    public var name: String
    /// The values, in any order.
    public var values: [Double]

    /// Creates a group.
    public init(name: String, values: [Double]) {
      self.name = name
      self.values = values
    }
  }

  /// The chart title.
  public var title: String
  /// The value axis label, with unit.
  public var valueLabel: String
  /// The boxes, left to right.
  public var groups: [Group]

  /// Creates a box plot chart.
  ///
  /// - Parameters:
  ///   - title: The title.
  ///   - valueLabel: The y axis label.
  ///   - groups: The samples.
  public init(title: String, valueLabel: String, groups: [Group]) {
    self.title = title
    self.valueLabel = valueLabel
    self.groups = groups
  }

  /// The chart as an `<svg>` element; empty groups show "no data".
  ///
  /// - Parameter id: The element id.
  /// - Complexity: O(*n* log *n*) over all values.
  public func svg(id: String) -> String {
    // Each group's slot is wide enough for its name in at most two lines.
    let longestLine = groups.flatMap { Self.lines(of: $0.name, width: 110) }
      .map(\.count).max() ?? 0
    let slotWidth = max(110, 6.6 * Double(longestLine) + 12)
    let width = max(
      360, 80 + slotWidth * Double(groups.count),
      80 + 8.5 * Double(title.count))
    let frame = ChartFrame(width: width, height: 320)
    // The axis spans what is drawn (p5 to p95), so that a few extreme
    // values do not flatten every box.
    let drawn = groups.map { $0.values.sorted() }.filter { !$0.isEmpty }
    let lower = drawn.map { Percentiles.nearestRank(5, ofSorted: $0) }.min()
    let upper = drawn.map { Percentiles.nearestRank(95, ofSorted: $0) }.max()
    let y = LinearScale(
      domain: (min(0, lower ?? 0), max(upper ?? 1, (lower ?? 0) + 1)),
      range: (frame.plotBottom, frame.plotTop)
    ).nice()
    var canvas = SVGCanvas(width: width, height: 320)
    canvas.text(title, x: frame.left, y: 20, size: 14, weight: "bold")
    let ticks = y.ticks()
    let decimals = LinearScale.decimals(forStep: ticks.step)
    for value in ticks.values {
      canvas.line(frame.plotLeft, y(value), frame.plotRight, y(value),
        stroke: "#e3e3e3")
      canvas.text(formatted(value, decimals: decimals),
        x: frame.plotLeft - 8, y: y(value) + 4, anchor: "end", size: 11)
    }
    canvas.line(frame.plotLeft, frame.plotTop, frame.plotLeft,
      frame.plotBottom)
    canvas.line(frame.plotLeft, frame.plotBottom, frame.plotRight,
      frame.plotBottom)
    canvas.text(valueLabel, x: 16, y: (frame.plotTop + frame.plotBottom) / 2,
      anchor: "middle", rotate: -90)

    let slot = (frame.plotRight - frame.plotLeft) / Double(max(groups.count, 1))
    for (index, group) in groups.enumerated() {
      let center = frame.plotLeft + slot * (Double(index) + 0.5)
      for (line, text) in BoxPlotChart.lines(of: group.name, width: slot)
        .enumerated()
      {
        canvas.text(
          text, x: center, y: frame.plotBottom + 18 + 13 * Double(line),
          anchor: "middle", size: 11)
      }
      let sorted = group.values.sorted()
      guard !sorted.isEmpty else {
        canvas.text("no data", x: center, y: frame.plotBottom - 8,
          anchor: "middle", size: 11, fill: "#777")
        continue
      }
      func at(_ percent: Double) -> Double {
        y(Percentiles.nearestRank(percent, ofSorted: sorted))
      }
      let color = Palette.color(index)
      let half = min(30, slot * 0.3)
      canvas.line(center, at(5), center, at(95), stroke: color, width: 1.5)
      canvas.line(center - half / 2, at(5), center + half / 2, at(5),
        stroke: color, width: 1.5)
      canvas.line(center - half / 2, at(95), center + half / 2, at(95),
        stroke: color, width: 1.5)
      canvas.rect(x: center - half, y: at(75), width: 2 * half,
        height: at(25) - at(75), fill: "#ffffff", stroke: color,
        title: "\(group.name): n = \(sorted.count)")
      canvas.line(center - half, at(50), center + half, at(50),
        stroke: color, width: 3)
    }
    return canvas.render(id: id, label: title)
  }

  /// A group name in one line, or two when it is wider than `width`
  /// pixels: broken before ` @ `, or else at the space nearest the
  /// middle.
  static func lines(of name: String, width: Double) -> [String] {
    guard 6.2 * Double(name.count) > width - 6 else { return [name] }
    if let at = name.range(of: " @ ") {
      return [
        String(name[..<at.lowerBound]),
        String(name[at.lowerBound...].dropFirst()),
      ]
    }
    let spaces = name.indices.filter { name[$0] == " " }
    let middle = name.count / 2
    guard
      let split = spaces.min(by: {
        abs(name.distance(from: name.startIndex, to: $0) - middle)
          < abs(name.distance(from: name.startIndex, to: $1) - middle)
      })
    else { return [name] }
    return [String(name[..<split]), String(name[name.index(after: split)...])]
  }
}
