/// The mean and sample standard deviation of a few values.
public struct MeanAndDeviation: Hashable, Sendable, Codable,
  CustomStringConvertible
{
  /// The arithmetic mean.
  public var mean: Double
  /// The sample standard deviation (divisor n − 1); 0 for one value.
  public var standardDeviation: Double
  /// Number of values.
  public var count: Int

  /// A summary known already, such as a published one.
  public init(mean: Double, standardDeviation: Double, count: Int) {
    self.mean = mean
    self.standardDeviation = standardDeviation
    self.count = count
  }

  /// Summarises values.
  ///
  /// - Returns: `nil` for no values.
  /// - Complexity: O(values).
  public init?(_ values: [Double]) {
    guard !values.isEmpty else { return nil }
    count = values.count
    mean = values.reduce(0, +) / Double(count)
    let mean = mean
    let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    standardDeviation = count > 1 ? (squares / Double(count - 1)).squareRoot() : 0
  }

  /// `mean ± sd` with 2 decimals.
  public var description: String {
    "\(Self.format(mean)) ± \(Self.format(standardDeviation))"
  }

  /// A value with exactly 2 decimals, without Foundation.
  static func format(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    let sign = hundredths < 0 ? "-" : ""
    let magnitude = abs(hundredths)
    let fraction = magnitude % 100
    return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
  }
}
