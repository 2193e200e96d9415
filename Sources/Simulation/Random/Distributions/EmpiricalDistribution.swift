import RandomStreams

/// A distribution over a list of durations, each with a weight, sampled in
/// constant time with Vose's alias method.
///
/// With n values and weights w_i, value i has probability w_i / Σw. The
/// table splits the probability into n columns of equal total mass; column
/// i keeps value i with probability `keep[i]` and otherwise gives
/// `alias[i]`. A sample draws the column with `nextInt(below: n)` (one
/// draw, more only in the rare rejection of that method) and then one
/// `nextUnitInterval()`.
public struct EmpiricalDistribution: DurationDistribution, Hashable {
  /// The values, in seconds, in the order given.
  public let values: [Int64]

  /// The weights normalised to sum to 1, in the order of `values`.
  public let probabilities: [Double]

  /// For each column, the probability of keeping its own value.
  let keep: [Double]

  /// For each column, the index of the value given when it is not kept.
  let alias: [Int]

  /// The distribution giving `values[i]` with probability proportional to
  /// `weights[i]`, or uniformly when `weights` is `nil`.
  ///
  /// - Parameters:
  ///   - values: at least one duration, each at least 1 s.
  ///   - weights: as many finite, non-negative weights as values, with a
  ///     positive sum; `nil` for equal weights.
  /// - Throws: `DistributionParameterError` listing every bad parameter.
  /// - Complexity: O(n).
  public init(
    values: [Int64], weights: [Double]? = nil
  ) throws(DistributionParameterError) {
    var check = ParameterCheck("empirical")
    check.require(!values.isEmpty, "values", "none", "at least one value")
    if let bad = values.first(where: { $0 < 1 }) {
      check.require(false, "values", bad, "durations of at least 1 second")
    }
    let weights = weights ?? Array(repeating: 1, count: values.count)
    check.require(
      weights.count == values.count, "weights", "\(weights.count) weights",
      "one weight per value (\(values.count))")
    if let bad = weights.first(where: { !($0.isFinite && $0 >= 0) }) {
      check.require(false, "weights", bad, "finite weights of at least 0")
    }
    let total = weights.reduce(0, +)
    check.require(
      total.isPositiveFinite, "weights", "sum \(total)",
      "a finite sum above 0")
    try check.throwIfAny()

    self.values = values
    probabilities = weights.map { $0 / total }
    (keep, alias) = Self.aliasTable(probabilities)
  }

  /// Builds the alias table for `probabilities` (summing to 1).
  ///
  /// - Complexity: O(n).
  static func aliasTable(_ probabilities: [Double]) -> ([Double], [Int]) {
    let count = probabilities.count
    var scaled = probabilities.map { $0 * Double(count) }
    var keep = [Double](repeating: 1, count: count)
    var alias = Array(0..<count)
    var small = scaled.indices.filter { scaled[$0] < 1 }
    var large = scaled.indices.filter { scaled[$0] >= 1 }

    while let under = small.popLast(), let over = large.popLast() {
      keep[under] = scaled[under]
      alias[under] = over
      scaled[over] += scaled[under] - 1
      if scaled[over] < 1 {
        small.append(over)
      } else {
        large.append(over)
      }
    }
    // Columns left in either list hold (up to rounding) exactly their own
    // mass and keep their value.
    return (keep, alias)
  }

  /// The weighted mean of the values, in seconds.
  public var mean: Double {
    zip(values, probabilities).reduce(0) { $0 + Double($1.0) * $1.1 }
  }

  /// Draws one of `values`; two draws (see the type's description).
  public func sample(using stream: inout RandomStream) -> Int64 {
    let column = stream.nextInt(below: values.count)
    let kept = stream.nextUnitInterval() < keep[column]
    return values[kept ? column : alias[column]]
  }
}
