/// A placement strategy for the general cluster: it picks a node among
/// the pools that passed the filters, using the state's indexed queries
/// so that a decision does not visit every node, then ranks the devices
/// inside the chosen node.
///
/// The scheduler calls `selectNode` once per group of pools with the same
/// `PreferNoSchedule` penalty, fewest untolerated taints first, and keeps
/// the first group that yields a node.
public protocol ClusterPlacementStrategy: Sendable {
  /// The strategy's name.
  var name: StrategyName { get }

  /// Sets up indexes the strategy needs; called once by the scheduler.
  /// Defaults to nothing.
  func prepare(_ state: inout ClusterState)

  /// The chosen node among the fitting nodes of `pools`, or `nil` when
  /// none fits.
  ///
  /// - Parameters:
  ///   - request: an interned request.
  ///   - pools: pool indices that passed the pool filters, in pool order.
  ///   - state: the cluster.
  mutating func selectNode(
    for request: PodRequest, amongPools pools: [Int], in state: ClusterState
  ) -> Int?

  /// The rank of a device option on the chosen node; lower is better,
  /// ties go to lower GPU index, then lower start slice.
  func deviceKey(
    _ candidate: DeviceCandidate, for request: PodRequest, onNode node: Int,
    in state: ClusterState
  ) -> Int
}

extension ClusterPlacementStrategy {
  /// No index to set up.
  public func prepare(_ state: inout ClusterState) {}
}
