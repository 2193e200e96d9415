/// First-fit: the first node in priority order (pools in scenario order,
/// nodes by index) that fits, on the lowest-index devices.
public struct FirstFitStrategy: ClusterPlacementStrategy {
  /// Creates the strategy.
  public init() {}

  /// `first-fit`.
  public var name: StrategyName { .firstFit }

  /// The first fitting node, by the capacity tree of each pool in turn.
  ///
  /// - Complexity: O(pools × log nodes) plus exact checks of candidates.
  public func selectNode(
    for request: PodRequest, amongPools pools: [Int], in state: ClusterState
  ) -> Int? {
    for pool in pools {
      if let node = state.firstFittingNode(for: request, inPool: pool) {
        return node
      }
    }
    return nil
  }

  /// Every option ranks equal: lowest GPU index, then lowest start.
  public func deviceKey(
    _ candidate: DeviceCandidate, for request: PodRequest, onNode node: Int,
    in state: ClusterState
  ) -> Int { 0 }
}
