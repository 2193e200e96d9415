/// FGD-M: fragmentation gradient descent that also sees memory.
///
/// The score is FGD's ⌊100 × σ(Δ / 1000)⌋, but Δ comes from a
/// fragmentation measure in which a node also cannot host a typical pod
/// when its free memory is below that pod's median memory request
/// (`FragmentationMeasure(…, considersMemory: true)`); idle GPUs on a node
/// whose memory is used up therefore count as fragments, as they do when
/// its CPU is used up. Among a sharing pod's GPUs of equal score the one
/// with least free milli wins (then the lowest index). Ties between nodes
/// still go to the cluster's priority order: replacing that spread with
/// any deterministic preference measured worse (see
/// `docs/trace-study.md`).
public struct FractionalMemoryAwareFGDPolicy: PlacementStrategy {
  public typealias Node = FractionalNode

  private let base: FractionalFGDPolicy

  /// Creates the policy.
  ///
  /// - Parameter measure: a memory-aware fragmentation measure.
  public init(measure: FragmentationMeasure) {
    base = FractionalFGDPolicy(measure: measure, prefersTightestGPUOnTies: true)
  }

  /// `FGD-M`.
  public var name: String { "FGD-M" }

  /// FGD's score under the memory-aware measure.
  public func score(
    _ request: FractionalRequest, on node: FractionalNode, at index: Int
  ) -> Int {
    base.score(request, on: node, at: index)
  }

  /// FGD's device choice, tightest GPU first among equal scores.
  public func assignment(
    for request: FractionalRequest, on node: FractionalNode
  ) -> FractionalAssignment {
    base.assignment(for: request, on: node)
  }
}
