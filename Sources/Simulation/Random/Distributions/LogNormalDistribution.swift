import Foundation
import RandomStreams

/// The log-normal distribution of durations: `exp(mu + sigma · Z)` seconds
/// with `Z` standard normal.
///
/// Each sample consumes the two draws of
/// `NormalDistribution.standardSample(using:)`.
public struct LogNormalDistribution: DurationDistribution, Hashable {
  /// The 95th percentile of the standard normal distribution, Φ⁻¹(0.95).
  public static let standardNormal95thPercentile = 1.6448536269514722

  /// The mean of the logarithm of the duration in seconds.
  public let mu: Double

  /// The standard deviation of the logarithm of the duration in seconds.
  public let sigma: Double

  /// The log-normal distribution whose logarithm has mean `mu` and
  /// standard deviation `sigma`.
  ///
  /// - Parameters:
  ///   - mu: finite.
  ///   - sigma: finite and not negative.
  /// - Throws: `DistributionParameterError` listing every bad parameter.
  public init(mu: Double, sigma: Double) throws(DistributionParameterError) {
    var check = ParameterCheck("log-normal")
    check.require(mu.isFinite, "mu", mu, "a finite number")
    check.require(
      sigma.isFinite && sigma >= 0, "sigma", sigma,
      "a finite number of at least 0")
    try check.throwIfAny()
    self.mu = mu
    self.sigma = sigma
  }

  /// The log-normal distribution with the given median and 95th
  /// percentile: `mu = ln(median)`,
  /// `sigma = (ln(p95) − ln(median)) / Φ⁻¹(0.95)`.
  ///
  /// - Parameters:
  ///   - median: seconds, finite and positive.
  ///   - p95: seconds, finite and not below `median`.
  /// - Throws: `DistributionParameterError` listing every bad parameter.
  public init(median: Double, p95: Double) throws(DistributionParameterError) {
    var check = ParameterCheck("log-normal")
    check.require(
      median.isPositiveFinite, "median", median,
      "a finite number of seconds above 0")
    check.require(
      p95.isFinite && p95 >= median, "p95", p95,
      "a finite number of seconds not below the median")
    try check.throwIfAny()
    let mu = log(median)
    try self.init(
      mu: mu, sigma: (log(p95) - mu) / Self.standardNormal95thPercentile)
  }

  /// `exp(mu + sigma² / 2)` seconds.
  public var mean: Double { exp(mu + sigma * sigma / 2) }

  /// `exp(mu)` seconds.
  public var median: Double { exp(mu) }

  /// Draws a real-valued duration in seconds, before rounding; two draws.
  public func sampleValue(using stream: inout RandomStream) -> Double {
    exp(mu + sigma * NormalDistribution.standardSample(using: &stream))
  }

  /// Draws a duration in whole seconds; two draws.
  public func sample(using stream: inout RandomStream) -> Int64 {
    DurationRounding.seconds(sampleValue(using: &stream))
  }
}
