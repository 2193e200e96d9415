/// Fragmentation-aware: the placement that least reduces the cluster's
/// capacity for the expected request mix.
///
/// On MIG pools each GPU's free memory slices (not held by a busy or
/// reconfiguring instance) have a value V = Σ_q w_q × c_q, where c_q is
/// the most instances of profile q that fit at allowed starts inside the
/// free slices; taking an idle instance costs V(before) − V(after). The
/// node whose cheapest idle instance costs least wins (index of nodes by
/// cost), and inside it the cheapest instance.
///
/// Elsewhere the strategy applies the fragmentation gradient to unit
/// sizes: a node's fragmentation is Σ over GPUs of Σ_m w_m × (free if
/// free < m else 0) (free GPUs of the node for whole-GPU pools); among
/// the first 16 fitting nodes of the best-fit order the one whose
/// fragmentation grows least wins, ties to the tighter node.
public struct FragmentationAwareStrategy: ClusterPlacementStrategy {
  /// The expected mix.
  public var mix: ExpectedMix
  /// Fitting nodes compared on non-MIG pools.
  public static let candidateLimit = 16

  /// Creates the strategy.
  public init(mix: ExpectedMix = ExpectedMix()) {
    self.mix = mix
  }

  /// `fragmentation-aware`.
  public var name: StrategyName { .fragmentationAware }

  /// Turns on the MIG cost index.
  public func prepare(_ state: inout ClusterState) {
    state.enableFragmentationIndex(mix: mix)
  }

  /// The least costly node over the pools, ties to pool order.
  ///
  /// - Complexity: MIG pools: O(distinct costs + nodes / 4096) plus exact
  ///   checks; others: up to 16 candidates × GPUs × mix sizes.
  public func selectNode(
    for request: PodRequest, amongPools pools: [Int], in state: ClusterState
  ) -> Int? {
    var best: (node: Int, cost: Int)?
    for pool in pools {
      let found: (Int, Int)?
      if case .migInstances = request.gpu {
        found = state.leastFragmentingNode(for: request, inPool: pool).map {
          node in (node, cheapestDevice(request, node, state))
        }
      } else {
        found = bestUnitCandidate(request, pool, state)
      }
      if let (node, cost) = found, best == nil || cost < best!.cost {
        best = (node, cost)
      }
    }
    return best?.node
  }

  private func cheapestDevice(
    _ request: PodRequest, _ node: Int, _ state: ClusterState
  ) -> Int {
    var best = Int.max
    _ = state.devices(for: request, onNode: node) { candidate in
      let cost = deviceKey(candidate, for: request, onNode: node, in: state)
      best = min(best, cost)
      return cost
    }
    return best
  }

  private func bestUnitCandidate(
    _ request: PodRequest, _ pool: Int, _ state: ClusterState
  ) -> (Int, Int)? {
    let candidates = state.rankedFittingNodes(
      for: request, inPool: pool, limit: Self.candidateLimit)
    var best: (Int, Int)?
    for node in candidates {
      let cost = cheapestDevice(request, node, state)
      if best == nil || cost < best!.1 { best = (node, cost) }
    }
    return best
  }

  /// MIG: the instance's cost; whole GPUs: the node's fragmentation
  /// growth; shares: the growth from taking the units on that GPU.
  public func deviceKey(
    _ candidate: DeviceCandidate, for request: PodRequest, onNode node: Int,
    in state: ClusterState
  ) -> Int {
    switch request.gpu {
    case .migInstances:
      return state.migFragmentationCost(
        of: candidate, request: request, node: node)
    case .wholeGPUs(let n):
      return state.unitFragmentation(
        ofNode: node, mix: mix, takingFrom: candidate.gpu, units: n)
        - state.unitFragmentation(ofNode: node, mix: mix)
    case .timeSliceReplicas(let n), .mpsClients(let n), .milliGPUs(let n):
      return state.unitFragmentation(
        ofNode: node, mix: mix, takingFrom: candidate.gpu, units: n)
        - state.unitFragmentation(ofNode: node, mix: mix)
    case .none:
      return 0
    }
  }
}
