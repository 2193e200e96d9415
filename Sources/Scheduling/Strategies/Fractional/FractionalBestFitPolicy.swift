/// BestFit: the node with the least weighted leftover after placement.
///
/// s = 0.5 × (c − r) / 128000 + 0.5 × (L − q) / 8000 (free CPU c and
/// requested CPU r in milli-cores, free GPU milli L on the node and
/// requested GPU milli q), raw = ⌊100 × (1 − s)⌋ truncated toward zero.
/// Raw scores are then normalised over the feasible nodes to
/// ⌊(raw − lo) × 100 / (hi − lo)⌋, or all 0 when hi = lo; this keeps the
/// order and the ties. Devices: the default choice.
public struct FractionalBestFitPolicy: PlacementStrategy {
  public typealias Node = FractionalNode

  /// Creates the policy.
  public init() {}

  /// `BestFit`.
  public var name: String { "BestFit" }

  /// The raw score described above.
  @inlinable
  public func score(
    _ request: FractionalRequest, on node: FractionalNode, at index: Int
  ) -> Int {
    var leftover =
      Double(node.cpuFreeMilli - request.cpuMilli) / 128_000 * 0.5
    leftover +=
      Double(node.idleGPUMilli - request.gpuDemandMilli) / 8_000 * 0.5
    return Int((1 - leftover) * 100)
  }

  /// Min-max normalisation to 0...100 in integers.
  ///
  /// - Complexity: O(scores).
  @inlinable
  public func normalize(_ scores: inout [Int]) {
    guard let low = scores.min(), let high = scores.max() else { return }
    for index in scores.indices {
      scores[index] =
        high == low ? 0 : (scores[index] - low) * 100 / (high - low)
    }
  }

  /// The default device choice.
  @inlinable
  public func assignment(
    for request: FractionalRequest, on node: FractionalNode
  ) -> FractionalAssignment {
    node.bestFitAssignment(for: request)
  }
}
