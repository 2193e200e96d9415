/// Arrivals at listed seconds, such as those of a replayed trace.
public struct ExplicitArrivals: ArrivalProcess, Hashable {
  /// The arrival seconds, non-decreasing.
  public let times: [Int64]

  var position = 0

  /// Arrivals at `times`; draws nothing.
  ///
  /// - Parameter times: seconds, each at least 0, in non-decreasing order.
  /// - Throws: `DistributionParameterError` naming the first negative time
  ///   and the first time earlier than its predecessor.
  /// - Complexity: O(n).
  public init(times: [Int64]) throws(DistributionParameterError) {
    var check = ParameterCheck("explicit arrivals")
    if let index = times.firstIndex(where: { $0 < 0 }) {
      check.require(false, "times[\(index)]", times[index], "at least 0")
    }
    if let index = times.indices.dropFirst().first(where: {
      times[$0] < times[$0 - 1]
    }) {
      check.require(
        false, "times[\(index)]", times[index],
        "at least the previous time, \(times[index - 1])")
    }
    try check.throwIfAny()
    self.times = times
  }

  /// The next listed second, or `nil` after the last.
  public mutating func next() -> Int64? {
    guard position < times.count else { return nil }
    defer { position += 1 }
    return times[position]
  }
}
