/// One value in a ``Table``: typed, so JSON output keeps numbers as numbers
/// and text output can format them.
public enum Cell: Sendable, Equatable, ExpressibleByStringLiteral,
  ExpressibleByIntegerLiteral
{
  /// Text.
  case text(String)
  /// An integer.
  case integer(Int)
  /// A real number printed with a fixed number of decimals in text and CSV;
  /// JSON prints the same rounded value.
  case number(Double, decimals: Int)
  /// A truth value.
  case boolean(Bool)
  /// No value: empty in text and CSV, `null` in JSON.
  case empty

  public init(stringLiteral value: String) {
    self = .text(value)
  }

  public init(integerLiteral value: Int) {
    self = .integer(value)
  }

  /// The cell as text output and CSV show it.
  public var text: String {
    switch self {
    case .text(let value): return value
    case .integer(let value): return String(value)
    case .number(let value, let decimals):
      return formatFixed(value, decimals: decimals)
    case .boolean(let value): return value ? "true" : "false"
    case .empty: return ""
    }
  }
}

/// `value` with exactly `decimals` digits after the point, rounded half
/// away from zero, without locale effects (`-0.00` is printed `0.00`).
public func formatFixed(_ value: Double, decimals: Int) -> String {
  guard value.isFinite else {
    return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf")
  }
  var scale = 1.0
  for _ in 0..<decimals { scale *= 10 }
  let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
  let negative = value < 0 && scaled != 0
  // Split into integer and fraction digits without going through Double
  // printing, which may use exponent notation.
  guard scaled < 9.0e18 else { return String(value) }
  let units = UInt64(scaled)
  let divisor = UInt64(scale)
  let whole = units / divisor
  var text = (negative ? "-" : "") + String(whole)
  if decimals > 0 {
    let fraction = String(units % divisor)
    text += "." + String(repeating: "0", count: decimals - fraction.count)
      + fraction
  }
  return text
}
