import RandomStreams

/// A duration that is always the same.
public struct FixedDuration: DurationDistribution, Hashable {
  /// The duration, in seconds.
  public let seconds: Int64

  /// The constant duration `seconds`.
  ///
  /// - Parameter seconds: at least 1.
  /// - Throws: `DistributionParameterError` if `seconds < 1`.
  public init(seconds: Int64) throws(DistributionParameterError) {
    var check = ParameterCheck("fixed")
    check.require(seconds >= 1, "seconds", seconds, "at least 1")
    try check.throwIfAny()
    self.seconds = seconds
  }

  /// Returns `seconds`; draws nothing from `stream`.
  public func sample(using stream: inout RandomStream) -> Int64 {
    seconds
  }

  /// `seconds`.
  public var mean: Double { Double(seconds) }
}
