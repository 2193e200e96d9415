/// One device option inside a node, as strategies rank it.
public struct DeviceCandidate: Hashable, Sendable {
  /// The GPU's index within the node.
  public var gpu: Int
  /// The MIG instance's start slice, or -1 outside MIG.
  public var start: Int
  /// Free units of the GPU before placement: free memory slices (not
  /// held by a busy or reconfiguring instance) for MIG, 1/0 for whole
  /// GPUs, else free replicas, clients or milli-GPUs.
  public var freeUnits: Int
  /// Pods of the request's tenant on the GPU.
  public var ownPods: Int
  /// Pods of other tenants on the GPU.
  public var otherPods: Int
}

extension ClusterState {
  /// The devices for an interned request on node `node`, ranked by
  /// `strategy.deviceKey`; see `devices(for:onNode:key:)`.
  ///
  /// - Precondition: the request fits the node.
  /// - Complexity: O(candidates × log candidates).
  public func devices<Strategy: ClusterPlacementStrategy>(
    for request: PodRequest, onNode node: Int, rankedBy strategy: Strategy
  ) -> DeviceAssignment {
    devices(for: request, onNode: node) {
      strategy.deviceKey($0, for: request, onNode: node, in: self)
    }
  }

  /// The devices for an interned request on node `node`: the candidates
  /// allowed for the request's tenant, those with the lowest `key` first
  /// (ties to lower GPU index, then lower start slice).
  ///
  /// Whole GPUs take the `n` best free GPUs; MIG takes the `n` best idle
  /// instances of the profile; shares take the best GPU with room.
  ///
  /// - Precondition: the request fits the node.
  /// - Complexity: O(candidates × log candidates).
  public func devices(
    for request: PodRequest, onNode node: Int,
    key: (DeviceCandidate) -> Int
  ) -> DeviceAssignment {
    let state = nodes[node]
    let verdict = verdict(request, pool: state.pool)
    let capacity = pools[state.pool].unitsPerGPU
    // FIXME: an option array is built and sorted per decision; reusing a
    // buffer would save an allocation on the hottest path.
    var options: [(key: Int, candidate: DeviceCandidate)] = []
    for g in 0..<state.gpuCount {
      let global = state.firstGPU + g
      guard gpuUsable(global), gpuAdmits(tenant: request.tenant, global)
      else { continue }
      let gpu = gpus[global]
      let own = gpu.tenants.count(of: request.tenant)
      let other = gpu.tenants.pods.reduce(0) { $0 + Int($1) } - own
      func add(start: Int, free: Int) {
        let c = DeviceCandidate(
          gpu: g, start: start, freeUnits: free, ownPods: own,
          otherPods: other)
        options.append((key(c), c))
      }
      switch request.gpu {
      case .none: return .none
      case .wholeGPUs:
        if gpu.used == 0 { add(start: -1, free: 1) }
      case .migInstances:
        let slices = pools[state.pool].masks?.fullMask.nonzeroBitCount ?? 8
        let free = slices - gpu.pinnedMask.nonzeroBitCount
        for instance in gpu.instances
        where instance.profile == verdict.profile && instance.isAvailable {
          add(start: instance.start, free: free)
        }
      case .timeSliceReplicas, .mpsClients, .milliGPUs:
        let free = Int(capacity - gpu.used)
        if free >= verdict.units { add(start: -1, free: free) }
      }
    }
    if case .none = request.gpu { return .none }
    options.sort {
      ($0.key, $0.candidate.gpu, $0.candidate.start)
        < ($1.key, $1.candidate.gpu, $1.candidate.start)
    }
    precondition(options.count >= 1, "the request does not fit the node")
    switch request.gpu {
    case .wholeGPUs(let n):
      return .wholeGPUs(options.prefix(n).map(\.candidate.gpu).sorted())
    case .migInstances(let name, let n):
      return .migInstances(
        options.prefix(n).map {
          MIGInstanceRef(
            gpu: $0.candidate.gpu, profile: name, start: $0.candidate.start)
        })
    default:
      return .share(gpu: options[0].candidate.gpu, units: verdict.units)
    }
  }
}
