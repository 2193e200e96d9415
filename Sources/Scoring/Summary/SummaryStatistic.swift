/// Mean and 95% confidence interval of one metric over seeds.
///
/// half-width = t₀.₉₇₅(n − 1) × s / √n with s the sample standard
/// deviation (divisor n − 1).
public struct SummaryStatistic: Hashable, Sendable {
  /// The number of values.
  public var count: Int
  /// Their mean.
  public var mean: Double
  /// The sample standard deviation; 0 for one value.
  public var standardDeviation: Double
  /// The 95% half-width; `nil` for fewer than two values.
  public var halfWidth: Double?

  /// The summary of `values`, or `nil` when there are none.
  ///
  /// - Parameter values: One value per seed.
  /// - Complexity: O(*n*).
  public init?(_ values: [Double]) {
    guard !values.isEmpty else { return nil }
    let count = values.count
    let mean = values.reduce(0, +) / Double(count)
    self.count = count
    self.mean = mean
    guard count > 1 else {
      standardDeviation = 0
      halfWidth = nil
      return
    }
    let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    standardDeviation = (squares / Double(count - 1)).squareRoot()
    halfWidth = StudentT.quantile975(degreesOfFreedom: count - 1)
      * standardDeviation / Double(count).squareRoot()
  }
}
