import RandomStreams

/// Durations uniformly distributed over a closed range of whole seconds.
///
/// A sample is `lowerBound + nextInt(below: count)`: one draw, more only in
/// the rare rejection of that method.
public struct UniformIntegerDistribution: DurationDistribution, Hashable {
  /// The possible durations, in seconds.
  public let range: ClosedRange<Int64>

  /// The uniform distribution over `range`.
  ///
  /// - Parameter range: seconds; the lower bound at least 1.
  /// - Throws: `DistributionParameterError` if the lower bound is below 1.
  public init(range: ClosedRange<Int64>) throws(DistributionParameterError) {
    var check = ParameterCheck("uniform")
    check.require(
      range.lowerBound >= 1, "range", range, "a lower bound of at least 1")
    try check.throwIfAny()
    self.range = range
  }

  /// The midpoint of the range, in seconds.
  public var mean: Double {
    (Double(range.lowerBound) + Double(range.upperBound)) / 2
  }

  /// Draws a duration in `range`.
  public func sample(using stream: inout RandomStream) -> Int64 {
    // With lowerBound >= 1 the count of values is at most Int64.max.
    let width = range.upperBound - range.lowerBound
    return range.lowerBound + Int64(stream.nextInt(below: Int(width) + 1))
  }
}
