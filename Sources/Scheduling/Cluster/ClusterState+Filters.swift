import ClusterModel
import MIGGeometry

/// The filters in the order a node meets them; a refusal at a later stage
/// means the node passed more filters.
enum FilterStage: Int, Hashable, Sendable, CaseIterable {
  case nodeUnschedulable = 0
  case taintToleration
  case nodeAffinity
  case tenantPool
  case gpuSharing
  case gpuModel
  case cpu
  case memory
  case tenantNode
  case gpuFit
  case tenantGPU

  /// The filter's name as refusals report it.
  var filter: String {
    switch self {
    case .nodeUnschedulable: "NodeUnschedulable"
    case .taintToleration: "TaintToleration"
    case .nodeAffinity: "NodeAffinity"
    case .tenantPool, .tenantNode, .tenantGPU: "TenantIsolation"
    case .gpuSharing: "GPUSharing"
    case .gpuModel: "GPUModel"
    case .cpu, .memory: "NodeResourcesFit"
    case .gpuFit: "GPUFit"
    }
  }
}

/// What one pool says to one request class.
struct PoolVerdict: Hashable, Sendable {
  /// The pool-level refusal, or `nil` when nodes of the pool may fit.
  var refusal: PlacementRefusal?
  /// The tree dimensions and amounts a fitting node needs.
  var needs: CapacityNeeds
  /// The bucket index the request ranks nodes by.
  var bucket: Int
  /// The value the request needs in that bucket index.
  var bucketNeed: Int
  /// The MIG profile's index in the model table, or -1.
  var profile: Int
  /// The request's GPU units: GPUs, instances, replicas, clients, milli.
  var units: Int
  /// Untolerated `PreferNoSchedule` taints of the pool.
  var preferNoScheduleCount: Int
}

/// A request class: its key and one verdict per pool.
struct RequestClassInfo: Hashable, Sendable {
  var key: RequestClassKey
  var verdicts: [PoolVerdict]
  /// Open pools grouped by untolerated `PreferNoSchedule` taints.
  var groups: [[Int]]
  /// The most untolerated `PreferNoSchedule` taints of an open pool.
  var worstPreferNoScheduleCount: Int
}

/// A node-level refusal before it is spelled out.
struct FitFailure: Hashable, Sendable {
  var stage: FilterStage
  var requested: Int
  var available: Int
}

extension ClusterState {
  // MARK: - Requests

  /// A request for one pod of `template` submitted by tenant `tenant`,
  /// with its class interned.
  ///
  /// - Parameters:
  ///   - tenant: The tenant's index in `cluster.tenants`.
  ///   - template: The workload template.
  ///   - gang: The pod's gang, if any; by default a template with
  ///     `gangSize > 1` needs one and the caller supplies it.
  /// - Throws: `RequestResolutionError` when the tenant index is out of
  ///   range or the template names a priority class the tenant lacks.
  /// - Complexity: O(pools × (taints × tolerations + selector size)) the
  ///   first time a class is seen; a hash lookup afterwards.
  public mutating func makeRequest(
    tenant: Int, template: WorkloadTemplate, gang: GangMembership? = nil
  ) throws(RequestResolutionError) -> PodRequest {
    guard cluster.tenants.indices.contains(tenant) else {
      throw RequestResolutionError(
        "tenant index \(tenant) is out of range 0..<\(cluster.tenants.count)")
    }
    let owner = cluster.tenants[tenant]
    guard let priority = owner.priority(ofClass: template.priorityClass)
    else {
      throw RequestResolutionError(
        "tenant '\(owner.name)' has no priority class "
          + "'\(template.priorityClass ?? "")' named by template "
          + "'\(template.name)'")
    }
    var request = PodRequest(
      gpu: template.requests.gpu, cpuMilli: template.requests.cpuMilli,
      memoryMiB: template.requests.memoryMiB,
      tolerations: template.tolerations, placement: template.placement,
      tenant: tenant, priority: priority, gang: gang)
    intern(&request)
    return request
  }

  /// Gives `request` its class index, computing the class's pool
  /// verdicts the first time.
  ///
  /// - Precondition: the request's tenant index is valid.
  public mutating func intern(_ request: inout PodRequest) {
    if request.classIndex >= 0 { return }
    precondition(
      cluster.tenants.isEmpty || cluster.tenants.indices.contains(
        request.tenant), "unknown tenant index \(request.tenant)")
    let key = request.classKey
    if let known = classByKey[key] {
      request.classIndex = known
      return
    }
    let verdicts = pools.map { verdict(for: request, in: $0) }
    classes.append(
      RequestClassInfo(
        key: key, verdicts: verdicts, groups: Self.groups(of: verdicts),
        worstPreferNoScheduleCount: verdicts.filter { $0.refusal == nil }
          .map(\.preferNoScheduleCount).max() ?? 0))
    classByKey[key] = classes.count - 1
    request.classIndex = classes.count - 1
  }

  /// The pool-level filters: taints, node affinity, the tenant's pools,
  /// sharing mode, GPU model and profile.
  private func verdict(for request: PodRequest, in pool: PoolState)
    -> PoolVerdict
  {
    var verdict = PoolVerdict(
      refusal: nil, needs: CapacityNeeds(dimensions: [], amounts: []),
      bucket: pool.cpuBucket, bucketNeed: 0, profile: -1, units: 0,
      preferNoScheduleCount: request.tolerations
        .untoleratedPreferNoScheduleCount(in: pool.spec.taints))
    func refuse(_ stage: FilterStage, _ resource: String, unit: String) {
      verdict.refusal = PlacementRefusal(
        reason: .init(
          filter: stage.filter, resource: resource, stage: stage.rawValue),
        requested: 1, available: 0, unit: unit)
    }
    // FIXME: selectors on `kubernetes.io/hostname` are tested against the
    // pool's labels, which lack the per-node name, so they match no node.
    if let taint = request.tolerations.firstUntolerated(in: pool.spec.taints)
    {
      refuse(.taintToleration, taint.description, unit: "untolerated taint")
      return verdict
    }
    if !request.placement.matches(pool.labels) {
      refuse(.nodeAffinity, "labels", unit: "matching selector")
      return verdict
    }
    let allowed = tenantPools.indices.contains(request.tenant)
      ? tenantPools[request.tenant] : []
    if !allowed.isEmpty && !allowed.contains(pool.spec.name) {
      refuse(.tenantPool, "pool \(pool.spec.name)", unit: "dedicated pool")
      return verdict
    }
    if !request.gpu.fits(pool.spec.sharing) {
      refuse(
        .gpuSharing, "sharing \(pool.spec.sharing.modeName)",
        unit: "matching sharing mode")
      return verdict
    }
    var dims = [PoolState.cpuDimension, PoolState.memoryDimension]
    var amounts = [Int32(request.cpuMilli), Int32(request.memoryMiB)]
    let first = PoolState.firstUnitDimension
    switch request.gpu {
    case .none:
      verdict.bucketNeed = request.cpuMilli * 64 / max(pool.spec.cpuMilli, 1)
    case .migInstances(let name, let count):
      guard let model = pool.model, let profile = model.profile(named: name),
        let index = pool.masks?.profiles.firstIndex(of: profile)
      else {
        refuse(
          .gpuModel, "mig-\(name) on \(pool.spec.gpuModel)",
          unit: "offered profile")
        return verdict
      }
      verdict.profile = index
      verdict.units = count
      verdict.bucket = index
      verdict.bucketNeed = count
      dims.append(first + index)
      amounts.append(Int32(count))
    case .wholeGPUs(let n), .timeSliceReplicas(let n), .mpsClients(let n),
      .milliGPUs(let n):
      verdict.units = n
      verdict.bucket = 0
      verdict.bucketNeed = n
      dims.append(first)
      amounts.append(Int32(n))
    }
    verdict.needs = CapacityNeeds(dimensions: dims, amounts: amounts)
    return verdict
  }

  /// The verdict of pool `pool` for an interned request.
  func verdict(_ request: PodRequest, pool: Int) -> PoolVerdict {
    classes[request.classIndex].verdicts[pool]
  }

  // MARK: - Node filters

  /// Whether tenant `tenant` may add a pod to node `node`: a tenant that
  /// wants dedicated nodes finds no other tenant there, and no tenant
  /// there wants dedicated nodes unless it is `tenant`.
  func nodeAdmits(tenant: Int, _ node: NodeState) -> Bool {
    let held = node.tenants.tenants
    if held.isEmpty { return true }
    let own = tenantWantsOwnNodes.indices.contains(tenant)
      && tenantWantsOwnNodes[tenant]
    for other in held where Int(other) != tenant {
      if own || tenantWantsOwnNodes[Int(other)] { return false }
    }
    return true
  }

  /// Whether tenant `tenant` may add a pod to GPU `gpu` (a global GPU
  /// index), by the same rule for GPUs.
  func gpuAdmits(tenant: Int, _ gpu: Int) -> Bool {
    let held = gpus[gpu].tenants.tenants
    if held.isEmpty { return true }
    let own = tenantWantsOwnGPUs.indices.contains(tenant)
      && tenantWantsOwnGPUs[tenant]
    for other in held where Int(other) != tenant {
      if own || tenantWantsOwnGPUs[Int(other)] { return false }
    }
    return true
  }

  /// Whether GPU `gpu` (global index) can serve at all: not failed.
  @inline(__always)
  func gpuUsable(_ gpu: Int) -> Bool { !gpus[gpu].failed }

  /// The first node-level filter that refuses the request on node `node`,
  /// given that its pool's filters passed.
  ///
  /// - Complexity: O(GPUs × instances) of the node.
  func nodeFailure(
    _ request: PodRequest, _ verdict: PoolVerdict, node index: Int
  ) -> FitFailure? {
    let node = nodes[index]
    if !node.isSchedulable {
      return FitFailure(stage: .nodeUnschedulable, requested: 1, available: 0)
    }
    if node.cpuFreeMilli < request.cpuMilli {
      return FitFailure(
        stage: .cpu, requested: request.cpuMilli,
        available: node.cpuFreeMilli)
    }
    if node.memoryFreeMiB < request.memoryMiB {
      return FitFailure(
        stage: .memory, requested: request.memoryMiB,
        available: node.memoryFreeMiB)
    }
    if !nodeAdmits(tenant: request.tenant, node) {
      return FitFailure(stage: .tenantNode, requested: 1, available: 0)
    }
    let gpuRange = node.firstGPU..<(node.firstGPU + node.gpuCount)
    let tenant = request.tenant
    var raw = 0
    var allowed = 0
    switch request.gpu {
    case .none:
      return nil
    case .wholeGPUs:
      for g in gpuRange where gpuUsable(g) && gpus[g].used == 0 {
        raw += 1
        if gpuAdmits(tenant: tenant, g) { allowed += 1 }
      }
    case .migInstances:
      for g in gpuRange where gpuUsable(g) {
        var here = 0
        for instance in gpus[g].instances
        where instance.profile == verdict.profile && instance.isAvailable {
          here += 1
        }
        raw += here
        if here > 0 && gpuAdmits(tenant: tenant, g) { allowed += here }
      }
    case .timeSliceReplicas, .mpsClients, .milliGPUs:
      let capacity = pools[node.pool].unitsPerGPU
      for g in gpuRange where gpuUsable(g) {
        let free = Int(capacity - gpus[g].used)
        raw = max(raw, free)
        if free > allowed && gpuAdmits(tenant: tenant, g) { allowed = free }
      }
    }
    if raw < verdict.units {
      return FitFailure(
        stage: .gpuFit, requested: verdict.units, available: raw)
    }
    if allowed < verdict.units {
      return FitFailure(
        stage: .tenantGPU, requested: verdict.units, available: allowed)
    }
    return nil
  }

  /// Whether an interned request fits node `node` (pool and node
  /// filters).
  ///
  /// - Complexity: O(GPUs × instances) of the node.
  public func fits(_ request: PodRequest, onNode node: Int) -> Bool {
    precondition(request.classIndex >= 0, "intern the request first")
    let verdict = verdict(request, pool: nodes[node].pool)
    return verdict.refusal == nil
      && nodeFailure(request, verdict, node: node) == nil
  }

  /// The first filter refusing an interned request on node `node`, in
  /// stage order, or `nil` when it fits.
  ///
  /// - Complexity: O(GPUs × instances) of the node.
  public func refusal(for request: PodRequest, onNode index: Int)
    -> PlacementRefusal?
  {
    precondition(request.classIndex >= 0, "intern the request first")
    let node = nodes[index]
    let verdict = verdict(request, pool: node.pool)
    if !node.isSchedulable {
      return spell(
        FitFailure(stage: .nodeUnschedulable, requested: 1, available: 0),
        request, node: index)
    }
    if let refusal = verdict.refusal { return refusal }
    return nodeFailure(request, verdict, node: index).map {
      spell($0, request, node: index)
    }
  }

  /// A node-level failure as a refusal with resource and unit.
  func spell(_ failure: FitFailure, _ request: PodRequest, node: Int)
    -> PlacementRefusal
  {
    let state = nodes[node]
    let resource: String
    let unit: String
    switch failure.stage {
    case .nodeUnschedulable:
      resource = state.failed ? "node failed"
        : state.draining ? "node draining" : "node cordoned"
      unit = "schedulable node"
    case .cpu: (resource, unit) = ("cpu", "milli-cores")
    case .memory: (resource, unit) = ("memory", "MiB")
    case .tenantNode: (resource, unit) = ("node", "tenant-free node")
    case .gpuFit, .tenantGPU:
      switch request.gpu {
      case .none: (resource, unit) = ("gpu", "GPUs")
      case .wholeGPUs: (resource, unit) = ("gpu", "free GPUs")
      case .migInstances(let name, _):
        (resource, unit) = ("mig-\(name)", "idle instances")
      case .timeSliceReplicas:
        (resource, unit) = ("gpu replicas", "replicas on one GPU")
      case .mpsClients: (resource, unit) = ("mps clients", "clients on one GPU")
      case .milliGPUs: (resource, unit) = ("gpu milli", "milli-GPU on one GPU")
      }
    default: (resource, unit) = ("pool", "")
    }
    let shown = failure.stage == .tenantGPU ? "gpu (\(resource))" : resource
    return PlacementRefusal(
      reason: .init(
        filter: failure.stage.filter, resource: shown,
        stage: failure.stage.rawValue),
      requested: failure.requested, available: failure.available,
      unit: unit)
  }
}
