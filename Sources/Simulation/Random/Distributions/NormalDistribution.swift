import Foundation
import RandomStreams

/// The normal distribution, sampled with the Box–Muller transform.
///
/// Each sample consumes exactly two draws: `U1 = nextOpenUnitInterval()`
/// then `U2 = nextUnitInterval()`, giving the standard normal
/// `Z = sqrt(-2 ln U1) · cos(2π U2)`. The second variate of the pair
/// (`sin`) is discarded so that the value type holds no cache and every
/// sample costs the same two draws.
public struct NormalDistribution: DurationDistribution, Hashable {
  /// The mean, in seconds when used as a duration.
  public let mean: Double

  /// The standard deviation, in the unit of `mean`.
  public let standardDeviation: Double

  /// The normal distribution with `mean` and `standardDeviation`.
  ///
  /// - Parameters:
  ///   - mean: finite.
  ///   - standardDeviation: finite and not negative.
  /// - Throws: `DistributionParameterError` listing every bad parameter.
  public init(
    mean: Double, standardDeviation: Double
  ) throws(DistributionParameterError) {
    var check = ParameterCheck("normal")
    check.require(mean.isFinite, "mean", mean, "a finite number")
    check.require(
      standardDeviation.isFinite && standardDeviation >= 0,
      "standardDeviation", standardDeviation, "a finite number of at least 0")
    try check.throwIfAny()
    self.mean = mean
    self.standardDeviation = standardDeviation
  }

  /// Draws a standard normal variate; exactly two draws.
  public static func standardSample(
    using stream: inout RandomStream
  ) -> Double {
    let u1 = stream.nextOpenUnitInterval()
    let u2 = stream.nextUnitInterval()
    return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
  }

  /// Draws `mean + standardDeviation · Z`; exactly two draws.
  public func sampleValue(using stream: inout RandomStream) -> Double {
    mean + standardDeviation * Self.standardSample(using: &stream)
  }

  /// Draws a duration: `sampleValue` rounded half up and raised to at
  /// least 1 s, so the mass below 0.5 s collapses onto 1 s.
  public func sample(using stream: inout RandomStream) -> Int64 {
    DurationRounding.seconds(sampleValue(using: &stream))
  }
}
