import ClusterModel
import MIGGeometry

/// The live state of a general cluster for scheduling: every node's free
/// CPU and memory, every GPU's occupancy in its sharing mode, which
/// tenants hold each GPU and node, node and GPU availability, and the
/// indexes that let a decision look at a few nodes instead of all.
///
/// Nodes are numbered pool by pool in scenario order; that numbering is
/// also the priority order that breaks ties. GPUs are numbered within
/// their node from 0.
public struct ClusterState: Sendable {
  /// The cluster this state was built from.
  public let cluster: Cluster
  var pools: [PoolState]
  var nodes: [NodeState]
  var gpus: [GPUState]
  var bindings: [PodID: PodBinding] = [:]
  /// Per tenant: must its GPUs hold no other tenant.
  var tenantWantsOwnGPUs: [Bool]
  /// Per tenant: must its nodes hold no other tenant.
  var tenantWantsOwnNodes: [Bool]
  /// Per tenant: the pools it is restricted to, empty for any.
  var tenantPools: [[String]]
  /// Per tenant: the nodes holding at least one of its pods.
  var tenantNodes: [NodeBitset]
  var classes: [RequestClassInfo] = []
  var classByKey: [RequestClassKey: Int] = [:]
  /// The fragmentation index's profile weights per MIG pool, if enabled.
  var fragmentation: FragmentationWeights?
  /// Scratch values for tree updates.
  var scratch: [Int32] = []

  /// How many GPU reconfigurations have been applied.
  public internal(set) var reconfigurationCount = 0
  /// How many MIG instances reconfigurations destroyed.
  public internal(set) var destroyedInstanceCount = 0

  /// Builds the state of an idle cluster: every node schedulable, every
  /// GPU free, MIG GPUs holding the instances of their pool's layout.
  ///
  /// A MIG layout the model refuses, or a MIG pool of an unknown model,
  /// leaves its GPUs without instances; scenario validation reports those.
  ///
  /// - Parameter cluster: The cluster.
  /// - Complexity: O(nodes × GPUs per node × instances per GPU).
  public init(cluster: Cluster) {
    self.cluster = cluster
    let tenants = cluster.tenants
    tenantWantsOwnGPUs = tenants.map { $0.isolation != .none }
    tenantWantsOwnNodes = tenants.map {
      if case .dedicatedNodes = $0.isolation { return true }
      return false
    }
    tenantPools = tenants.map {
      if case .dedicatedNodes(let pools) = $0.isolation { return pools }
      return []
    }
    let nodeTotal = cluster.nodeCount
    tenantNodes = Array(
      repeating: NodeBitset(count: nodeTotal), count: tenants.count)
    pools = []
    nodes = []
    gpus = []
    nodes.reserveCapacity(nodeTotal)
    gpus.reserveCapacity(cluster.gpuCount)
    var tables: [String: MIGMaskTable] = [:]
    for (p, spec) in cluster.pools.enumerated() {
      let pool = Self.makePool(spec, firstNode: nodes.count, tables: &tables)
      let template = Self.gpuTemplate(spec, pool: pool)
      for local in 0..<max(spec.nodeCount, 0) {
        nodes.append(
          NodeState(
            pool: p, local: local, cpuFreeMilli: spec.cpuMilli,
            memoryFreeMiB: spec.memoryMiB, firstGPU: gpus.count,
            gpuCount: spec.gpuCount))
        gpus.append(contentsOf: template)
      }
      pools.append(pool)
    }
    for n in nodes.indices { refreshIndex(ofNode: n) }
  }

  private static func makePool(
    _ spec: NodePool, firstNode: Int, tables: inout [String: MIGMaskTable]
  ) -> PoolState {
    let model = spec.model
    let kind: PoolKind
    let units: Int32
    switch spec.sharing {
    case .exclusive: (kind, units) = (.exclusive, 1)
    case .mig: (kind, units) = (.mig, 0)
    case .timeSlicing(let r): (kind, units) = (.timeSlicing, Int32(max(r, 0)))
    case .mps(let c): (kind, units) = (.mps, Int32(max(c, 0)))
    case .fractional:
      (kind, units) = (.fractional, Int32(GPUSharing.milliGPUsPerGPU))
    }
    var masks: MIGMaskTable?
    if kind == .mig, let model {
      if tables[model.name] == nil {
        tables[model.name] = MIGMaskTable(model: model)
      }
      masks = tables[model.name]
    }
    let unitDims = kind == .mig ? max(masks?.profiles.count ?? 0, 1) : 1
    let gpusPerNode = max(spec.gpuCount, 0)
    var buckets: [BucketIndex] = []
    for p in 0..<unitDims {
      let maximum: Int
      switch kind {
      case .exclusive: maximum = gpusPerNode
      case .mig: maximum = (masks?.profiles[p].maxCount ?? 1) * gpusPerNode
      default: maximum = Int(units) * gpusPerNode
      }
      buckets.append(BucketIndex(nodeCount: spec.nodeCount, maximum: maximum))
    }
    buckets.append(BucketIndex(nodeCount: spec.nodeCount, maximum: 64))
    return PoolState(
      spec: spec, labels: spec.nodeLabels, kind: kind, model: model,
      unitsPerGPU: units, firstNode: firstNode, unitDimensions: unitDims,
      tree: CapacityTree(
        nodeCount: spec.nodeCount,
        dimensions: PoolState.firstUnitDimension + unitDims),
      buckets: buckets, masks: masks)
  }

  private static func gpuTemplate(_ spec: NodePool, pool: PoolState)
    -> [GPUState]
  {
    (0..<max(spec.gpuCount, 0)).map { g in
      var gpu = GPUState()
      guard pool.kind == .mig, let model = pool.model, let masks = pool.masks,
        let placements = spec.migPlacements(ofGPU: g)
      else { return gpu }
      for placement in placements {
        guard let profile = model.profile(named: placement.profileName),
          let index = masks.profiles.firstIndex(of: profile)
        else { continue }
        gpu.instances.append(
          MIGInstance(
            profile: index, start: placement.start,
            mask: masks.mask(of: index, at: placement.start), pod: nil,
            reconfiguring: false))
      }
      gpu.instances.sort { $0.start < $1.start }
      return gpu
    }
  }

  // MARK: - Reading

  /// The number of nodes.
  public var nodeCount: Int { nodes.count }

  /// The name of node `node`, `<pool>-<index>`.
  public func nodeName(_ node: Int) -> String {
    let state = nodes[node]
    return "\(pools[state.pool].spec.name)-\(state.local)"
  }

  /// The index of the pool of node `node`.
  public func pool(ofNode node: Int) -> Int { nodes[node].pool }

  /// The number of GPUs of node `node`.
  public func gpuCount(ofNode node: Int) -> Int { nodes[node].gpuCount }

  /// Free CPU of node `node`, milli-cores.
  public func freeCPUMilli(ofNode node: Int) -> Int {
    nodes[node].cpuFreeMilli
  }

  /// Free memory of node `node`, MiB.
  public func freeMemoryMiB(ofNode node: Int) -> Int {
    nodes[node].memoryFreeMiB
  }

  /// Whether node `node` accepts new pods (not cordoned, failed or
  /// draining).
  public func isSchedulable(node: Int) -> Bool { nodes[node].isSchedulable }

  /// The pods running on node `node`, in binding order.
  public func pods(onNode node: Int) -> [PodID] { nodes[node].pods }

  /// Where pod `pod` is bound: node and devices, or `nil`.
  public func binding(of pod: PodID) -> (node: Int, devices: DeviceAssignment)? {
    bindings[pod].map { ($0.node, $0.assignment) }
  }

  /// The number of bound pods.
  public var boundPodCount: Int { bindings.count }

  /// The tenants holding pods on node `node`, ascending.
  public func tenants(onNode node: Int) -> [Int] {
    nodes[node].tenants.tenants.map(Int.init).sorted()
  }

  /// The tenants holding pods on GPU `gpu` of node `node`, ascending.
  public func tenants(onNode node: Int, gpu: Int) -> [Int] {
    gpus[nodes[node].firstGPU + gpu].tenants.tenants.map(Int.init).sorted()
  }

  /// The MIG instances of GPU `gpu` of node `node` as `(profile, start,
  /// pod)`, by start; `pod` is `nil` for an idle instance.
  public func migInstances(onNode node: Int, gpu: Int)
    -> [(profile: String, start: Int, pod: PodID?, reconfiguring: Bool)]
  {
    let pool = pools[nodes[node].pool]
    return gpus[nodes[node].firstGPU + gpu].instances.map {
      (pool.masks?.profiles[$0.profile].name ?? "?", $0.start, $0.pod,
        $0.reconfiguring)
    }
  }

  /// Units in use on GPU `gpu` of node `node` (exclusive 0/1, replicas,
  /// clients or milli-GPUs; 0 for MIG).
  public func usedUnits(onNode node: Int, gpu: Int) -> Int {
    Int(gpus[nodes[node].firstGPU + gpu].used)
  }
}
