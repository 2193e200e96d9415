/// Collects SVG elements and renders them as one `<svg>` element.
///
/// Every text passes through `htmlEscaped`; numbers are written with at
/// most two decimals so that output is byte-identical between runs.
public struct SVGCanvas: Hashable, Sendable {
  /// Width, pixels.
  public var width: Double
  /// Height, pixels.
  public var height: Double
  private var elements: [String] = []

  /// An empty canvas.
  ///
  /// - Parameters:
  ///   - width: Width, pixels.
  ///   - height: Height, pixels.
  public init(width: Double, height: Double) {
    self.width = width
    self.height = height
  }

  /// Adds a line.
  public mutating func line(
    _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double,
    stroke: String = "#444", width: Double = 1, dashed: Bool = false
  ) {
    elements.append(
      "<line x1=\"\(coordinate(x1))\" y1=\"\(coordinate(y1))\""
        + " x2=\"\(coordinate(x2))\" y2=\"\(coordinate(y2))\""
        + " stroke=\"\(stroke)\" stroke-width=\"\(coordinate(width))\""
        + (dashed ? " stroke-dasharray=\"4 3\"" : "") + "/>")
  }

  /// Adds a rectangle; `title` becomes a hover tooltip.
  public mutating func rect(
    x: Double, y: Double, width: Double, height: Double, fill: String,
    stroke: String? = nil, title: String? = nil
  ) {
    let open = "<rect x=\"\(coordinate(x))\" y=\"\(coordinate(y))\""
      + " width=\"\(coordinate(max(width, 0)))\""
      + " height=\"\(coordinate(max(height, 0)))\" fill=\"\(fill)\""
      + (stroke.map { " stroke=\"\($0)\"" } ?? "")
    elements.append(withTitle(open, "rect", title))
  }

  /// Adds a polyline through `points`.
  public mutating func polyline(
    _ points: [(x: Double, y: Double)], stroke: String, width: Double = 2,
    dashed: Bool = false
  ) {
    guard !points.isEmpty else { return }
    let list = points.map { "\(coordinate($0.x)),\(coordinate($0.y))" }
      .joined(separator: " ")
    elements.append(
      "<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(stroke)\""
        + " stroke-width=\"\(coordinate(width))\""
        + " stroke-linejoin=\"round\""
        + (dashed ? " stroke-dasharray=\"6 4\"" : "") + "/>")
  }

  /// Adds a circle; `title` becomes a hover tooltip.
  public mutating func circle(
    x: Double, y: Double, radius: Double, fill: String,
    stroke: String = "#222", title: String? = nil
  ) {
    let open = "<circle cx=\"\(coordinate(x))\" cy=\"\(coordinate(y))\""
      + " r=\"\(coordinate(radius))\" fill=\"\(fill)\""
      + " stroke=\"\(stroke)\""
    elements.append(withTitle(open, "circle", title))
  }

  /// Adds text; `anchor` is `start`, `middle` or `end`.
  public mutating func text(
    _ content: String, x: Double, y: Double, anchor: String = "start",
    size: Double = 12, weight: String = "normal", fill: String = "#222",
    rotate: Double? = nil
  ) {
    let transform = rotate.map {
      " transform=\"rotate(\(coordinate($0)) \(coordinate(x))"
        + " \(coordinate(y)))\""
    } ?? ""
    elements.append(
      "<text x=\"\(coordinate(x))\" y=\"\(coordinate(y))\""
        + " text-anchor=\"\(anchor)\" font-size=\"\(coordinate(size))\""
        + " font-weight=\"\(weight)\" fill=\"\(fill)\"\(transform)>"
        + htmlEscaped(content) + "</text>")
  }

  /// The `<svg>` element; `label` names it for screen readers.
  ///
  /// - Parameters:
  ///   - id: The element id, for tests and links.
  ///   - label: An accessible description.
  public func render(id: String, label: String) -> String {
    "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(htmlEscaped(id))\""
      + " class=\"chart\" role=\"img\""
      + " aria-label=\"\(htmlEscaped(label))\""
      + " width=\"\(coordinate(width))\" height=\"\(coordinate(height))\""
      + " viewBox=\"0 0 \(coordinate(width)) \(coordinate(height))\">\n"
      + elements.joined(separator: "\n") + "\n</svg>"
  }

  private func withTitle(_ open: String, _ tag: String, _ title: String?)
    -> String
  {
    guard let title else { return open + "/>" }
    return open + "><title>\(htmlEscaped(title))</title></\(tag)>"
  }
}
