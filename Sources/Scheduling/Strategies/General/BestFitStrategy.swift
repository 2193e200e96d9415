/// Best-fit: the fitting node with the least free capacity in the
/// request's dimension (free GPUs, idle instances of the MIG profile, free
/// replicas/clients/milli, or free CPU for GPU-less pods), ties to
/// priority order; inside it the GPU with the fewest free units.
public struct BestFitStrategy: ClusterPlacementStrategy {
  /// Creates the strategy.
  public init() {}

  /// `best-fit`.
  public var name: StrategyName { .bestFit }

  /// The tightest fitting node over the pools, ties to pool order.
  ///
  /// - Complexity: O(pools × buckets) plus exact checks of candidates.
  public func selectNode(
    for request: PodRequest, amongPools pools: [Int], in state: ClusterState
  ) -> Int? {
    Self.ranked(request, pools, state, ascending: true)
  }

  /// Fewer free units first.
  public func deviceKey(
    _ candidate: DeviceCandidate, for request: PodRequest, onNode node: Int,
    in state: ClusterState
  ) -> Int { candidate.freeUnits }

  /// The best node of each pool by bucket order, then the best of those
  /// by their bucket value (ties to the earlier pool).
  static func ranked(
    _ request: PodRequest, _ pools: [Int], _ state: ClusterState,
    ascending: Bool
  ) -> Int? {
    var best: (node: Int, value: Int)?
    for pool in pools {
      guard
        let node = state.rankedFittingNode(
          for: request, inPool: pool, ascending: ascending)
      else { continue }
      let value = state.rankValue(of: node, for: request)
      if best == nil || (ascending ? value < best!.value : value > best!.value)
      {
        best = (node, value)
      }
    }
    return best?.node
  }
}
