/// A lazily generated, non-decreasing sequence of arrival times in whole
/// seconds.
///
/// Each process draws from its own `RandomStream` (conventionally
/// `StreamNames.arrivals(tenant:)`), so one tenant's arrivals do not depend
/// on any other tenant's. Processes run a real-valued clock internally and
/// report each arrival at the whole second in which it falls (rounded
/// down), so several arrivals may share a second. `next()` returns `nil`
/// only when the process ends (an explicit list is exhausted, or the clock
/// would pass `DurationRounding.maximumSeconds`).
public protocol ArrivalProcess: IteratorProtocol, Sequence, Sendable
where Element == Int64 {}

extension ArrivalProcess {
  /// The arrival second of a real-valued time, or `nil` past the end of
  /// simulated time.
  @inlinable
  static func arrivalSecond(_ time: Double) -> Int64? {
    guard time < Double(DurationRounding.maximumSeconds) else { return nil }
    return Int64(time.rounded(.down))
  }
}
