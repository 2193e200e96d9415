/// Tenant-packing: keep a tenant's pods together and away from other
/// tenants. Nodes are tried in this order, each step in priority order:
///
/// 1. a fitting node holding the tenant's pods and no other tenant's,
///    looked for among at most 64 of the tenant's nodes, scanned from
///    where the previous decision for the tenant stopped (so the cost
///    stays bounded when the tenant holds thousands of full nodes);
/// 2. a fitting node holding no pod;
/// 3. a fitting node holding the tenant's pods and others', among the
///    nodes visited in step 1;
/// 4. the first fitting node.
///
/// Step 1 therefore follows priority order only from the cursor on.
///
/// Inside the node, GPUs holding only the tenant's pods come first, then
/// empty GPUs, then GPUs shared with other tenants (fewest other pods
/// first), ties by fewest free units.
public struct TenantPackingStrategy: ClusterPlacementStrategy {
  /// The tenant's own nodes visited per decision before moving on.
  public static let ownNodeVisits = 64

  /// Per tenant, where the scan of its nodes resumes.
  private var cursors: [Int] = []

  /// Creates the strategy.
  public init() {}

  /// `tenant-packing`.
  public var name: StrategyName { .tenantPacking }

  /// The node by the four steps above.
  ///
  /// - Complexity: O(64 visits + pools × log nodes) plus the exact
  ///   checks of the capacity tree's candidates.
  public mutating func selectNode(
    for request: PodRequest, amongPools pools: [Int], in state: ClusterState
  ) -> Int? {
    var shared: Int?
    if state.tenantNodes.indices.contains(request.tenant) {
      if cursors.count < state.tenantNodes.count {
        cursors += Array(
          repeating: 0, count: state.tenantNodes.count - cursors.count)
      }
      let own = state.tenantNodes[request.tenant]
      var position = cursors[request.tenant]
      var visited = 0
      var wrapped = false
      while visited < Self.ownNodeVisits {
        guard let node = own.first(from: position) else {
          if wrapped || position == 0 { break }
          wrapped = true
          position = 0
          continue
        }
        visited += 1
        position = node + 1
        guard state.indexAdmits(request, node: node),
          pools.contains(state.nodes[node].pool),
          state.fits(request, onNode: node)
        else { continue }
        if !state.nodes[node].tenants.hasOther(than: request.tenant) {
          cursors[request.tenant] = node
          return node
        }
        if shared == nil { shared = node }
      }
      cursors[request.tenant] = position
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
