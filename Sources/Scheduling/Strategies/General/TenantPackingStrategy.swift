/// Tenant-packing: keep a tenant's pods together and away from other
/// tenants. Nodes are tried in this order, each step in priority order:
///
/// 1. a fitting node holding the tenant's pods and no other tenant's;
/// 2. a fitting node holding no pod;
/// 3. a fitting node holding the tenant's pods and others';
/// 4. the first fitting node.
///
/// Inside the node, GPUs holding only the tenant's pods come first, then
/// empty GPUs, then GPUs shared with other tenants (fewest other pods
/// first), ties by fewest free units.
public struct TenantPackingStrategy: ClusterPlacementStrategy {
  /// Candidates from the tenant's own nodes checked before moving on.
  public static let ownNodeChecks = 64

  /// Creates the strategy.
  public init() {}

  /// `tenant-packing`.
  public var name: StrategyName { .tenantPacking }

  /// The node by the four steps above.
  ///
  /// - Complexity: O(64 exact checks + pools × log nodes) plus the exact
  ///   checks of the capacity tree's candidates.
  public func selectNode(
    for request: PodRequest, amongPools pools: [Int], in state: ClusterState
  ) -> Int? {
    var shared: Int?
    if state.tenantNodes.indices.contains(request.tenant) {
      let own = state.tenantNodes[request.tenant]
      var checks = 0
      var start = 0
      while checks < Self.ownNodeChecks, let node = own.first(from: start) {
        start = node + 1
        guard pools.contains(state.nodes[node].pool) else { continue }
        checks += 1
        guard state.fits(request, onNode: node) else { continue }
        if !state.nodes[node].tenants.hasOther(than: request.tenant) {
          return node
        }
        if shared == nil { shared = node }
      }
    }
    for pool in pools {
      if let node = state.firstFittingEmptyNode(for: request, inPool: pool) {
        return node
      }
    }
    if let shared { return shared }
    return FirstFitStrategy().selectNode(
      for: request, amongPools: pools, in: state)
  }

  /// Own GPUs, then empty, then shared with the fewest others.
  public func deviceKey(
    _ candidate: DeviceCandidate, for request: PodRequest, onNode node: Int,
    in state: ClusterState
  ) -> Int {
    let group =
      candidate.otherPods == 0 && candidate.ownPods > 0
      ? 0 : candidate.otherPods == 0 ? 1 : 2 + candidate.otherPods
    return group * 1_000_000 + candidate.freeUnits
  }
}
