import Foundation
import RandomStreams

/// Arrivals of a Markov-modulated Poisson process with two states, on and
/// off.
///
/// The process stays in each state for an exponential time (means
/// `meanOnSeconds` and `meanOffSeconds`) and arrives as a Poisson process
/// of rate `onRatePerHour` while on and `offRatePerHour` while off. The
/// long-run rate is
/// `(onRate · meanOn + offRate · meanOff) / (meanOn + meanOff)`.
///
/// Draws, all from the one stream, in this order: one
/// `nextUnitInterval()` at the start chooses the first state, on with
/// probability `meanOn / (meanOn + meanOff)` (the long-run share of time
/// on), and one `nextOpenUnitInterval()` gives its length. Then, while a
/// state's rate is positive, one draw gives the next candidate gap; a
/// candidate beyond the end of the state is discarded (the memoryless
/// property makes this exact), the state switches and one draw gives the
/// new state's length.
public struct BurstyArrivals: ArrivalProcess {
  /// Arrivals per hour while on.
  public let onRatePerHour: Double

  /// Arrivals per hour while off; may be 0.
  public let offRatePerHour: Double

  /// The mean length of an on period, in seconds.
  public let meanOnSeconds: Double

  /// The mean length of an off period, in seconds.
  public let meanOffSeconds: Double

  var stream: RandomStream
  var clock: Double
  var isOn: Bool
  var stateEnd: Double

  /// A bursty process drawing from `stream`.
  ///
  /// - Parameters:
  ///   - onRatePerHour: finite and positive.
  ///   - offRatePerHour: finite, at least 0.
  ///   - meanOnSeconds: finite and positive.
  ///   - meanOffSeconds: finite and positive.
  ///   - stream: the process's own stream.
  ///   - startTime: seconds; the process's clock starts here.
  /// - Throws: `DistributionParameterError` listing every bad parameter.
  public init(
    onRatePerHour: Double, offRatePerHour: Double,
    meanOnSeconds: Double, meanOffSeconds: Double,
    stream: RandomStream, startTime: Int64 = 0
  ) throws(DistributionParameterError) {
    var check = ParameterCheck("bursty arrivals")
    check.require(
      onRatePerHour.isPositiveFinite, "onRatePerHour", onRatePerHour,
      "a finite number of arrivals per hour above 0")
    check.require(
      offRatePerHour.isFinite && offRatePerHour >= 0, "offRatePerHour",
      offRatePerHour, "a finite number of arrivals per hour of at least 0")
    check.require(
      meanOnSeconds.isPositiveFinite, "meanOnSeconds", meanOnSeconds,
      "a finite number of seconds above 0")
    check.require(
      meanOffSeconds.isPositiveFinite, "meanOffSeconds", meanOffSeconds,
      "a finite number of seconds above 0")
    try check.throwIfAny()
    self.onRatePerHour = onRatePerHour
    self.offRatePerHour = offRatePerHour
    self.meanOnSeconds = meanOnSeconds
    self.meanOffSeconds = meanOffSeconds
    self.stream = stream
    clock = Double(startTime)

    let onShare = meanOnSeconds / (meanOnSeconds + meanOffSeconds)
    isOn = self.stream.nextUnitInterval() < onShare
    stateEnd = clock
    stateEnd += stateLength()
  }

  /// The long-run mean rate, in arrivals per hour.
  public var meanRatePerHour: Double {
    (onRatePerHour * meanOnSeconds + offRatePerHour * meanOffSeconds)
      / (meanOnSeconds + meanOffSeconds)
  }

  /// Draws the length of a period in the current state; one draw.
  mutating func stateLength() -> Double {
    let mean = isOn ? meanOnSeconds : meanOffSeconds
    return -mean * log(stream.nextOpenUnitInterval())
  }

  /// The next arrival second.
  public mutating func next() -> Int64? {
    while true {
      let rate = isOn ? onRatePerHour : offRatePerHour
      if rate > 0 {
        let candidate =
          clock - 3600 / rate * log(stream.nextOpenUnitInterval())
        if candidate < stateEnd {
          clock = candidate
          return Self.arrivalSecond(clock)
        }
      }
      clock = stateEnd
      guard Self.arrivalSecond(clock) != nil else { return nil }
      isOn.toggle()
      stateEnd = clock + stateLength()
    }
  }
}
