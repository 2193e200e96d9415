import Foundation
import RandomStreams

/// Arrivals of a homogeneous Poisson process.
///
/// Gaps between arrivals are exponential with mean `3600 / ratePerHour`
/// seconds: `gap = −(3600 / ratePerHour) · ln(U)`, `U` uniform on (0, 1],
/// one `nextOpenUnitInterval()` draw per arrival. The real-valued clock
/// starts at `startTime` and each arrival is reported at the whole second
/// in which it falls.
public struct PoissonArrivals: ArrivalProcess {
  /// The mean number of arrivals per hour.
  public let ratePerHour: Double

  var stream: RandomStream
  var clock: Double

  /// A Poisson process with `ratePerHour`, drawing from `stream`.
  ///
  /// - Parameters:
  ///   - ratePerHour: finite and positive.
  ///   - stream: the process's own stream.
  ///   - startTime: seconds; the process's clock starts here.
  /// - Throws: `DistributionParameterError` if the rate is not positive.
  public init(
    ratePerHour: Double, stream: RandomStream, startTime: Int64 = 0
  ) throws(DistributionParameterError) {
    var check = ParameterCheck("poisson arrivals")
    check.require(
      ratePerHour.isPositiveFinite, "ratePerHour", ratePerHour,
      "a finite number of arrivals per hour above 0")
    try check.throwIfAny()
    self.ratePerHour = ratePerHour
    self.stream = stream
    clock = Double(startTime)
  }

  /// The next arrival second; one draw.
  public mutating func next() -> Int64? {
    clock -= 3600 / ratePerHour * log(stream.nextOpenUnitInterval())
    return Self.arrivalSecond(clock)
  }
}
