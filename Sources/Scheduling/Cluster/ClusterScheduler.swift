import ClusterModel

/// The outcome of one placement decision.
public enum ClusterDecision: Hashable, Sendable {
  /// The pod goes to `node` on `devices`; `score` is the node's
  /// TaintToleration score (100 best) among the pools that passed.
  case placed(node: Int, devices: DeviceAssignment, score: Int)
  /// No node fits; `reason` is the pool-level refusal at the latest stage
  /// when no pool passed, else `NodeResourcesFit/capacity` (call
  /// `ClusterState.explain` for per-node detail).
  case unschedulable(reason: PlacementRefusal.Reason)

  /// The chosen node, or `nil`.
  public var node: Int? {
    if case .placed(let node, _, _) = self { return node }
    return nil
  }
}

/// The outcome of placing a gang.
public enum GangDecision: Hashable, Sendable {
  /// Every pod was placed: pod, node and devices, in the given order.
  case placed([(pod: PodID, node: Int, devices: DeviceAssignment)])
  /// Some pod did not fit; nothing stays bound.
  case unschedulable(pod: PodID, reason: PlacementRefusal.Reason)

  public static func == (lhs: GangDecision, rhs: GangDecision) -> Bool {
    switch (lhs, rhs) {
    case (.placed(let a), .placed(let b)):
      a.count == b.count && zip(a, b).allSatisfy {
        $0.pod == $1.pod && $0.node == $1.node && $0.devices == $1.devices
      }
    case (.unschedulable(let p, let r), .unschedulable(let q, let s)):
      p == q && r == s
    default: false
    }
  }

  public func hash(into hasher: inout Hasher) {
    switch self {
    case .placed(let all):
      for entry in all {
        hasher.combine(entry.pod)
        hasher.combine(entry.node)
        hasher.combine(entry.devices)
      }
    case .unschedulable(let pod, let reason):
      hasher.combine(pod)
      hasher.combine(reason)
    }
  }
}

/// Places pods on a general cluster with one strategy: filters per pool
/// (cached per request class), then the strategy's indexed node choice
/// inside the pools with the fewest untolerated `PreferNoSchedule`
/// taints, then its device choice, then binding.
public struct ClusterScheduler: Sendable {
  /// The cluster's state; its mutating methods (flags, eviction, GPU
  /// failures) keep the indexes right and may be called directly.
  public var state: ClusterState
  /// The strategy.
  public private(set) var strategy: any ClusterPlacementStrategy
  /// Seconds a MIG reconfiguration keeps new instances unavailable.
  public var reconfigurationSeconds: Int

  /// Creates a scheduler over an idle cluster.
  ///
  /// - Parameters:
  ///   - cluster: the cluster.
  ///   - strategy: the strategy's name.
  ///   - seed: the run seed, for `random`.
  ///   - mix: the expected request mix, for `fragmentation-aware`.
  ///   - reconfigurationSeconds: MIG reconfiguration time, 60 by default.
  /// - Complexity: O(nodes × GPUs × instances).
  public init(
    cluster: Cluster, strategy: StrategyName, seed: UInt64 = 1,
    mix: ExpectedMix = ExpectedMix(), reconfigurationSeconds: Int = 60
  ) {
    self.init(
      state: ClusterState(cluster: cluster),
      strategy: strategy.makeStrategy(seed: seed, mix: mix),
      reconfigurationSeconds: reconfigurationSeconds)
  }

  /// Creates a scheduler around an existing state and strategy.
  public init(
    state: ClusterState, strategy: any ClusterPlacementStrategy,
    reconfigurationSeconds: Int = 60
  ) {
    self.state = state
    self.strategy = strategy
    self.reconfigurationSeconds = reconfigurationSeconds
    strategy.prepare(&self.state)
  }

  /// See `ClusterState.makeRequest(tenant:template:gang:)`.
  public mutating func makeRequest(
    tenant: Int, template: WorkloadTemplate, gang: GangMembership? = nil
  ) throws(RequestResolutionError) -> PodRequest {
    try state.makeRequest(tenant: tenant, template: template, gang: gang)
  }

  /// Chooses a node and devices for the request without binding.
  ///
  /// - Complexity: O(pools) plus the strategy's indexed search; never a
  ///   scan of every node.
  public mutating func decide(_ request: PodRequest) -> ClusterDecision {
    var request = request
    state.intern(&request)
    for group in state.poolGroups(for: request) {
      if let node = strategy.selectNode(
        for: request, amongPools: group, in: state)
      {
        let devices = state.devices(
          for: request, onNode: node, rankedBy: strategy)
        return .placed(
          node: node, devices: devices,
          score: state.preferNoScheduleScore(
            for: request, pool: state.pool(ofNode: node)))
      }
    }
    return .unschedulable(reason: quickReason(request))
  }

  /// Decides and, when a node is found, binds pod `pod` there.
  ///
  /// - Precondition: `pod` is not bound.
  /// - Complexity: as `decide` plus one bind.
  @discardableResult
  public mutating func place(_ pod: PodID, _ request: PodRequest)
    -> ClusterDecision
  {
    var request = request
    state.intern(&request)
    let decision = decide(request)
    if case .placed(let node, let devices, _) = decision {
      state.bind(pod, request, toNode: node, devices: devices)
    }
    return decision
  }

  /// Places every pod of a gang, or none: pods are placed in order and,
  /// when one does not fit, those already placed are released. A gang of
  /// like pods larger than `ClusterState.copiesBound(of:limit:)` is
  /// refused before any pod is bound.
  ///
  /// - Complexity: gang size × `place`.
  public mutating func placeGang(_ pods: [(pod: PodID, request: PodRequest)])
    -> GangDecision
  {
    if pods.count > 1, pods.allSatisfy({ $0.request == pods[0].request }) {
      var request = pods[0].request
      state.intern(&request)
      let bound = state.copiesBound(of: request, limit: pods.count)
      if bound < pods.count {
        return .unschedulable(
          pod: pods[bound].pod, reason: quickReason(request))
      }
    }
    var placed: [(pod: PodID, node: Int, devices: DeviceAssignment)] = []
    for (pod, request) in pods {
      switch place(pod, request) {
      case .placed(let node, let devices, _):
        placed.append((pod, node, devices))
      case .unschedulable(let reason):
        for entry in placed.reversed() { state.release(entry.pod) }
        return .unschedulable(pod: pod, reason: reason)
      }
    }
    return .placed(placed)
  }

  /// Releases pod `pod`.
  ///
  /// - Returns: its node, or `nil` when it was not bound.
  @discardableResult
  public mutating func release(_ pod: PodID) -> Int? {
    state.release(pod)
  }

  /// The reason recorded for an unschedulable decision, without visiting
  /// nodes.
  private func quickReason(_ request: PodRequest) -> PlacementRefusal.Reason {
    let verdicts = state.classes[request.classIndex].verdicts
    if verdicts.contains(where: { $0.refusal == nil }) {
      let resource: String
      switch request.gpu {
      case .none: resource = "cpu/memory"
      case .migInstances(let name, _): resource = "mig-\(name)"
      default: resource = "gpu"
      }
      return .init(
        filter: "NodeResourcesFit", resource: resource,
        stage: FilterStage.cpu.rawValue)
    }
    return verdicts.compactMap(\.refusal?.reason).max()
      ?? .init(filter: "NoNodes", resource: "node", stage: 0)
  }
}
