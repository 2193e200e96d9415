import Foundation

/// How long a job runs when alone on its hardware, as a distribution.
///
/// Data only: drawing from it is the simulator's business, with its own
/// seeded stream.
public enum DurationModel: Hashable, Sendable {
  /// Always the same duration, in seconds; at least 1.
  case fixed(seconds: Int)
  /// Exponential with the given mean, in seconds; greater than 0.
  case exponential(meanSeconds: Double)
  /// Log-normal: the natural logarithm of the duration in seconds is normal
  /// with mean `mu` and standard deviation `sigma` (> 0).
  case logNormal(mu: Double, sigma: Double)
  /// Drawn uniformly from the listed durations, in seconds; not empty, each
  /// at least 1.
  case empirical(seconds: [Int])

  /// The z-score of the 95th percentile of a standard normal distribution.
  public static let normalP95 = 1.6448536269514722

  /// A log-normal model from its median and 95th percentile.
  ///
  /// `mu = ln(median)`, `sigma = (ln(p95) − ln(median)) / 1.6448536…`.
  ///
  /// - Parameters:
  ///   - medianSeconds: The median duration, seconds; greater than 0.
  ///   - p95Seconds: The 95th percentile, seconds; greater than the median.
  /// - Returns: The model.
  /// - Precondition: `0 < medianSeconds < p95Seconds`.
  public static func logNormal(medianSeconds: Double, p95Seconds: Double)
    -> DurationModel
  {
    precondition(0 < medianSeconds && medianSeconds < p95Seconds)
    let mu = log(medianSeconds)
    return .logNormal(mu: mu, sigma: (log(p95Seconds) - mu) / normalP95)
  }

  /// The distribution's mean in seconds: `seconds`, `meanSeconds`,
  /// `exp(mu + sigma²/2)`, or the average of the list.
  public var meanSeconds: Double {
    switch self {
    case .fixed(let seconds): Double(seconds)
    case .exponential(let mean): mean
    case .logNormal(let mu, let sigma): exp(mu + sigma * sigma / 2)
    case .empirical(let list):
      list.isEmpty ? 0 : Double(list.reduce(0, +)) / Double(list.count)
    }
  }
}
