import Foundation
import RandomStreams

/// The exponential distribution of durations with a given mean.
///
/// A sample is `-mean · ln(U)` with `U` uniform on (0, 1], one draw
/// (`nextOpenUnitInterval`), rounded by `DurationRounding.seconds(_:)`.
public struct ExponentialDistribution: DurationDistribution, Hashable {
  /// The mean, in seconds.
  public let mean: Double

  /// The exponential distribution with mean `mean` (rate `1 / mean`).
  ///
  /// - Parameter mean: seconds, finite and positive.
  /// - Throws: `DistributionParameterError` otherwise.
  public init(mean: Double) throws(DistributionParameterError) {
    var check = ParameterCheck("exponential")
    check.require(
      mean.isPositiveFinite, "mean", mean, "a finite number of seconds above 0")
    try check.throwIfAny()
    self.mean = mean
  }

  /// Draws a real-valued duration in seconds, before rounding; one draw.
  public func sampleValue(using stream: inout RandomStream) -> Double {
    -mean * log(stream.nextOpenUnitInterval())
  }

  /// Draws a duration in whole seconds; one draw.
  public func sample(using stream: inout RandomStream) -> Int64 {
    DurationRounding.seconds(sampleValue(using: &stream))
  }
}
