/// The 50th, 95th and 99th percentiles of a sample, by nearest rank.
///
/// The p-th percentile of n sorted values x₁ ≤ … ≤ xₙ is x_k with
/// k = ⌈p/100 × n⌉, at least 1: always one of the values, never an
/// interpolation.
public struct Percentiles: Hashable, Sendable {
  /// The sample size.
  public var count: Int
  /// The median by nearest rank.
  public var p50: Double
  /// The 95th percentile by nearest rank.
  public var p95: Double
  /// The 99th percentile by nearest rank.
  public var p99: Double

  /// The percentiles of `values`, or `nil` when there are none.
  ///
  /// - Parameter values: The sample, in any order.
  /// - Complexity: O(*n* log *n*).
  public init?(_ values: [Double]) {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    count = sorted.count
    p50 = Percentiles.nearestRank(50, ofSorted: sorted)
    p95 = Percentiles.nearestRank(95, ofSorted: sorted)
    p99 = Percentiles.nearestRank(99, ofSorted: sorted)
  }

  /// The `percent`-th percentile of ascending `sorted` by nearest rank.
  ///
  /// - Parameters:
  ///   - percent: In (0, 100].
  ///   - sorted: A non-empty ascending sample.
  /// - Returns: x_k with k = ⌈percent/100 × n⌉ (1-based), at least x₁.
  public static func nearestRank(_ percent: Double, ofSorted sorted: [Double])
    -> Double
  {
    precondition(!sorted.isEmpty && percent > 0 && percent <= 100)
    // Multiply before dividing so that 95 × 20 / 100 is exactly 19.
    let rank = Int((percent * Double(sorted.count) / 100).rounded(.up))
    return sorted[min(max(rank, 1), sorted.count) - 1]
  }
}
