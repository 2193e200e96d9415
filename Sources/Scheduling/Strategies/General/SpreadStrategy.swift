/// Spread (worst-fit): the fitting node with the most free capacity in
/// the request's dimension, ties to priority order; inside it the GPU
/// with the most free units.
public struct SpreadStrategy: ClusterPlacementStrategy {
  /// Creates the strategy.
  public init() {}

  /// `spread`.
  public var name: StrategyName { .spread }

  /// The emptiest fitting node over the pools, ties to pool order.
  ///
  /// - Complexity: O(pools × buckets) plus exact checks of candidates.
  public func selectNode(
    for request: PodRequest, amongPools pools: [Int], in state: ClusterState
  ) -> Int? {
    BestFitStrategy.ranked(request, pools, state, ascending: false)
  }

  /// More free units first.
  public func deviceKey(
    _ candidate: DeviceCandidate, for request: PodRequest, onNode node: Int,
    in state: ClusterState
  ) -> Int { -candidate.freeUnits }
}
