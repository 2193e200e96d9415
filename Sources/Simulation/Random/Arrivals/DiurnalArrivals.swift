import Foundation
import RandomStreams

/// Arrivals of a non-homogeneous Poisson process whose rate follows the
/// time of day.
///
/// With base rate r (arrivals per hour at the daily low), peak factor
/// f ≥ 1 and peak hour h, the rate at second t is
///
///     λ(t) = r · (1 + (f − 1) · (1 + cos(2π (t / 3600 − h) / 24)) / 2)
///
/// per hour: f · r at hour h of each day, r twelve hours later, and
/// r · (1 + f) / 2 on average over a day. Second 0 is midnight.
///
/// Arrivals are drawn by thinning: candidates come from a homogeneous
/// Poisson process of rate f · r (one `nextOpenUnitInterval()` draw for
/// the gap), and each candidate at time t is kept when a second draw
/// `nextUnitInterval()` is below λ(t) / (f · r). Each candidate costs two
/// draws; on average (2 f / (1 + f)) candidates are drawn per arrival.
public struct DiurnalArrivals: ArrivalProcess {
  /// The lowest rate of the day, in arrivals per hour.
  public let baseRatePerHour: Double

  /// The ratio of the highest to the lowest rate.
  public let peakFactor: Double

  /// The hour of the day, in [0, 24), at which the rate peaks.
  public let peakHour: Double

  var stream: RandomStream
  var clock: Double

  /// A diurnal process drawing from `stream`.
  ///
  /// - Parameters:
  ///   - baseRatePerHour: finite and positive.
  ///   - peakFactor: finite, at least 1.
  ///   - peakHour: in [0, 24).
  ///   - stream: the process's own stream.
  ///   - startTime: seconds since midnight of day 0.
  /// - Throws: `DistributionParameterError` listing every bad parameter.
  public init(
    baseRatePerHour: Double, peakFactor: Double, peakHour: Double,
    stream: RandomStream, startTime: Int64 = 0
  ) throws(DistributionParameterError) {
    var check = ParameterCheck("diurnal arrivals")
    check.require(
      baseRatePerHour.isPositiveFinite, "baseRatePerHour", baseRatePerHour,
      "a finite number of arrivals per hour above 0")
    check.require(
      peakFactor.isFinite && peakFactor >= 1, "peakFactor", peakFactor,
      "a finite number of at least 1")
    check.require(
      peakHour >= 0 && peakHour < 24, "peakHour", peakHour,
      "an hour in [0, 24)")
    try check.throwIfAny()
    self.baseRatePerHour = baseRatePerHour
    self.peakFactor = peakFactor
    self.peakHour = peakHour
    self.stream = stream
    clock = Double(startTime)
  }

  /// The highest rate, `baseRatePerHour · peakFactor`, per hour.
  public var peakRatePerHour: Double { baseRatePerHour * peakFactor }

  /// The mean rate over a day, `baseRatePerHour · (1 + peakFactor) / 2`.
  public var meanRatePerHour: Double {
    baseRatePerHour * (1 + peakFactor) / 2
  }

  /// λ(t), in arrivals per hour, at `seconds` after midnight of day 0.
  public func ratePerHour(atSecond seconds: Double) -> Double {
    let phase = 2 * Double.pi * (seconds / 3600 - peakHour) / 24
    return baseRatePerHour * (1 + (peakFactor - 1) * (1 + cos(phase)) / 2)
  }

  /// The next arrival second; two draws per candidate.
  public mutating func next() -> Int64? {
    let meanGap = 3600 / peakRatePerHour
    while true {
      clock -= meanGap * log(stream.nextOpenUnitInterval())
      let acceptance = ratePerHour(atSecond: clock) / peakRatePerHour
      if stream.nextUnitInterval() < acceptance {
        return Self.arrivalSecond(clock)
      }
      if Self.arrivalSecond(clock) == nil { return nil }
    }
  }
}
