/// A square matrix of values in [0, 1] drawn as shaded cells with the
/// row and column labels, such as tenant-by-tenant exposure.
public struct HeatMap: Hashable, Sendable {
  /// The chart title.
  public var title: String
  /// Row and column labels, in matrix order.
  public var labels: [String]
  /// The values; `values[row][column]` in [0, 1]; `nil` cells are blank.
  public var values: [[Double?]]
  /// What a value means, printed under the map.
  public var legend: String

  /// Creates a heat map.
  ///
  /// - Parameters:
  ///   - title: The title.
  ///   - labels: The labels.
  ///   - values: A square matrix over `labels`.
  ///   - legend: A one-line explanation of the values.
  public init(
    title: String, labels: [String], values: [[Double?]], legend: String
  ) {
    precondition(values.count == labels.count
      && values.allSatisfy { $0.count == labels.count }, "square matrix")
    self.title = title
    self.labels = labels
    self.values = values
    self.legend = legend
  }

  /// The map as an `<svg>` element, each cell labelled with its value.
  ///
  /// - Parameter id: The element id.
  /// - Complexity: O(*n*²).
  public func svg(id: String) -> String {
    let cell = labels.count > 10 ? 28.0 : 48
    let labelWidth = min(160, 16 + 7 * Double(labels.map(\.count).max() ?? 1))
    let side = cell * Double(labels.count)
    let width = max(
      labelWidth + side + 24, 16 + 8.5 * Double(title.count),
      16 + 6.5 * Double(legend.count))
    let height = 44 + labelWidth + side + 36
    var canvas = SVGCanvas(width: width, height: height)
    canvas.text(title, x: 8, y: 20, size: 14, weight: "bold")
    let top = 36 + labelWidth
    for (index, label) in labels.enumerated() {
      let middle = Double(index) * cell + cell / 2
      canvas.text(label, x: labelWidth - 6, y: top + middle + 4,
        anchor: "end", size: 11)
      canvas.text(label, x: labelWidth + middle + 4, y: top - 6,
        size: 11, rotate: -90)
    }
    for (row, line) in values.enumerated() {
      for (column, value) in line.enumerated() {
        let x = labelWidth + Double(column) * cell
        let y = top + Double(row) * cell
        guard let value else {
          canvas.rect(x: x, y: y, width: cell, height: cell,
            fill: "#ffffff", stroke: "#dddddd")
          continue
        }
        canvas.rect(x: x, y: y, width: cell, height: cell,
          fill: Palette.sequential(value), stroke: "#ffffff",
          title: "\(labels[row]) / \(labels[column]): "
            + formatted(value, decimals: 3))
        if cell >= 40 {
          canvas.text(formatted(value, decimals: 2), x: x + cell / 2,
            y: y + cell / 2 + 4, anchor: "middle", size: 11,
            fill: Palette.needsLightText(value) ? "#ffffff" : "#222")
        }
      }
    }
    canvas.text(legend, x: 8, y: height - 12, size: 11, fill: "#555")
    return canvas.render(id: id, label: title)
  }
}
