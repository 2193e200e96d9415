import Foundation
import RandomStreams

/// The Poisson distribution of counts with a given mean.
///
/// The mean λ is split into ⌈λ / 64⌉ equal parts; each part's count is
/// drawn by inversion with one `nextUnitInterval()` draw, walking the
/// cumulative probabilities p(0) = e^(−λ'), p(k) = p(k−1) · λ' / k, and the
/// counts are added. A sample therefore consumes exactly ⌈λ / 64⌉ draws
/// and takes O(λ) time.
public struct PoissonDistribution: Hashable, Sendable {
  /// The largest mean of one inversion part; e^(−64) is far from underflow.
  static let partMean = 64.0

  /// The largest mean accepted, so that one sample stays affordable.
  public static let maximumMean = 1_000_000.0

  /// The mean count.
  public let mean: Double

  /// The Poisson distribution with mean `mean`.
  ///
  /// - Parameter mean: finite, positive and at most `maximumMean`.
  /// - Throws: `DistributionParameterError` otherwise.
  public init(mean: Double) throws(DistributionParameterError) {
    var check = ParameterCheck("poisson")
    check.require(
      mean.isPositiveFinite && mean <= Self.maximumMean, "mean", mean,
      "a number above 0 and at most \(Int(Self.maximumMean))")
    try check.throwIfAny()
    self.mean = mean
  }

  /// The variance, equal to the mean.
  public var variance: Double { mean }

  /// Draws a count; ⌈mean / 64⌉ draws.
  ///
  /// - Complexity: O(mean).
  public func sample(using stream: inout RandomStream) -> Int {
    let parts = Int((mean / Self.partMean).rounded(.up))
    let part = mean / Double(parts)
    let zero = exp(-part)
    var total = 0
    for _ in 0..<parts {
      let target = stream.nextUnitInterval()
      var count = 0
      var probability = zero
      var cumulative = zero
      // The cap guards against a target above the rounded total mass.
      while target >= cumulative && count < 10_000 {
        count += 1
        probability *= part / Double(count)
        cumulative += probability
      }
      total += count
    }
    return total
  }
}
