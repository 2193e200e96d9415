import ClusterModel
import MIGGeometry
import Scheduling
import Scoring
import Simulation

// The adapter from what the simulator records to what the scoring reads.
// Every mapping decision below is stated, with its reason, in
// docs/compare.md ("From a run record to an observation").

extension RunObservation {
  /// Wait targets used when a comparison names none, seconds per kind:
  /// agents 30 s, inference 60 s, training 1 h, batch 4 h.
  public static let defaultWaitTargetSeconds: [WorkloadKind: Int] = [
    .agent: 30, .inference: 60, .training: 3_600, .batch: 14_400,
  ]

  /// The observation of one simulated run, for scoring.
  ///
  /// - Parameters:
  ///   - record: The run, simulated with `recordsIntervals` on; without
  ///     intervals nothing is ever allocated.
  ///   - demand: The demand the run was simulated with (templates give
  ///     each job its interference profile and the request mixes).
  ///   - waitTargetSeconds: Wait SLO per kind; the defaults by default.
  /// - Complexity: O(jobs + intervals × GPUs per pod + nodes × GPUs +
  ///   tenants × quota entries).
  public init(
    record: SimulationRecord, demand: Demand,
    waitTargetSeconds: [WorkloadKind: Int] = defaultWaitTargetSeconds
  ) {
    let cluster = record.cluster
    let clusterNodes = cluster.nodes()
    let nodes = clusterNodes.map(Self.facts(of:))
    let capacity = ClusterCapacity(nodes: nodes)
    let templates = demand.templates

    let jobs = record.jobs.map { job in
      JobRecord(
        name: job.name, tenant: job.tenant, kind: job.kind,
        arrivalSeconds: job.arrivalSeconds,
        startSeconds: job.firstStartSeconds, endSeconds: job.endSeconds,
        outcome: Self.outcome(job.outcome), preemptions: job.preemptions,
        borrowingSeconds: job.borrowingSeconds,
        interference: templates.indices.contains(job.template)
          ? templates[job.template].interference : InterferenceProfile())
    }

    // Looked up once per run: a model by name, a profile by model.
    var models: [String: GPUModel?] = [:]
    for node in clusterNodes where models[node.gpuModel] == nil {
      models[node.gpuModel] = .some(GPUModel.named(node.gpuModel))
    }
    var profiles: [String: MIGProfile?] = [:]
    var allocations: [AllocationInterval] = []
    allocations.reserveCapacity(record.intervals.count)
    for interval in record.intervals
    where clusterNodes.indices.contains(interval.node) {
      let node = clusterNodes[interval.node]
      let model = models[node.gpuModel] ?? nil
      allocations += Self.allocations(
        of: interval, on: node, facts: nodes[interval.node]
      ) { name in
        let key = "\(node.gpuModel)/\(name)"
        if let known = profiles[key] { return known }
        let found = model?.profile(named: name)
        profiles[key] = .some(found)
        return found
      }
    }

    let tenants = cluster.tenants.map { tenant in
      TenantFacts(
        name: tenant.name,
        nominalGPUs: Self.nominalGPUs(
          of: tenant, cluster: cluster, capacity: capacity))
    }
    let mixes = Self.requestMixes(
      of: record, templates: templates, cluster: cluster)

    self.init(
      horizonSeconds: max(record.horizonSeconds, 1), capacity: capacity,
      tenants: tenants,
      reachability: Reachability(
        names: cluster.tenants.map(\.name),
        policies: cluster.tenants.map(\.networkPolicy)),
      nodes: nodes, jobs: jobs, allocations: allocations,
      waitTargetSeconds: waitTargetSeconds,
      admissionRefusals: record.admissionRefusals,
      typicalPods: mixes.typicalPods,
      expectedMIGRequests: mixes.migRequests)
  }

  // MARK: - Nodes

  /// A node's facts: its model's slices and memory; MIG on for MIG
  /// pools. Models outside the MIG catalog keep 7 compute and 8 memory
  /// slices and 0 MiB. No NVLink: scenarios do not describe it.
  static func facts(of node: Node) -> NodeFacts {
    let model = GPUModel.named(node.gpuModel)
    let isMIG: Bool
    if case .mig = node.sharing { isMIG = true } else { isMIG = false }
    let gpu = GPUFacts(
      modelName: model?.name ?? node.gpuModel,
      computeSlices: model?.computeSliceCount ?? 7,
      memorySlices: model?.memorySliceCount ?? 8,
      memoryMiB: (model?.memoryGB ?? 0) * 1024, isMIGEnabled: isMIG)
    return NodeFacts(
      name: node.name, gpus: Array(repeating: gpu, count: node.gpuCount),
      cpuMilli: node.cpuMilli, memoryMiB: node.memoryMiB)
  }

  // MARK: - Jobs

  static func outcome(_ outcome: SimulatedOutcome) -> JobOutcome {
    switch outcome {
    case .finished: .finished
    case .running: .running
    case .waiting: .waiting
    case .rejected(let reason): .rejected(reason: reason)
    }
  }

  // MARK: - Intervals

  /// One pod's interval as one allocation per GPU hold: a whole GPU, a
  /// MIG instance, or one time-slice replica or MPS client (a pod with
  /// two replicas holds two); the pod's CPU and memory are split evenly
  /// over its holds, the remainder to the first ones.
  static func allocations(
    of interval: RecordedInterval, on node: Node, facts: NodeFacts,
    profile: (String) -> MIGProfile?
  ) -> [AllocationInterval] {
    let gpuMemory = facts.gpus.first?.memoryMiB ?? 0
    var holds: [(gpu: Int?, hold: GPUHold, memoryMiB: Int)] = []
    switch interval.devices {
    case .none:
      holds = [(nil, .exclusive, 0)]
    case .wholeGPUs(let gpus):
      holds = gpus.map { ($0, .exclusive, gpuMemory) }
    case .migInstances(let refs):
      for ref in refs {
        // A validated scenario names only profiles its model has.
        guard let profile = profile(ref.profile) else { continue }
        let hold = MIGInstanceHold(
          profileName: profile.name, computeSlices: profile.computeSlices,
          memorySlices: profile.memorySlices, startMemorySlice: ref.start,
          gpuInstanceID: ref.start)
        holds.append(
          (ref.gpu, .mig(hold), Int((profile.memoryGiB * 1024).rounded())))
      }
    case .share(let gpu, let units):
      switch node.sharing {
      case .timeSlicing(let replicas):
        let each = gpuMemory / max(replicas, 1)
        holds = Array(
          repeating: (gpu, .timeSlice(replicas: replicas), each),
          count: max(units, 1))
      case .mps(let clients):
        let each = gpuMemory / max(clients, 1)
        holds = Array(
          repeating: (gpu, .mps(clientLimit: clients), each),
          count: max(units, 1))
      case .fractional:
        holds = [(gpu, .fraction(milli: units), gpuMemory * units / 1000)]
      case .exclusive, .mig:
        holds = [(gpu, .exclusive, gpuMemory)]
      }
    }
    let count = max(holds.count, 1)
    return holds.enumerated().map { index, piece in
      AllocationInterval(
        job: interval.job, node: interval.node, gpu: piece.gpu,
        hold: piece.hold, gpuMemoryMiB: piece.memoryMiB,
        cpuMilli: evenShare(interval.cpuMilli, index, count),
        memoryMiB: evenShare(interval.memoryMiB, index, count),
        startSeconds: interval.startSeconds, endSeconds: interval.endSeconds)
    }
  }

  /// Piece `index` of `total` split into `count` near-equal whole parts.
  static func evenShare(_ total: Int, _ index: Int, _ count: Int) -> Int {
    total / count + (index < total % count ? 1 : 0)
  }

  // MARK: - Tenants

  /// A tenant's guaranteed capacity in whole-GPU equivalents: the largest
  /// nominal share of any resource its quota limits (GPUs, MIG compute
  /// slices of its profile quotas together, compute slices, GPU memory,
  /// CPU, memory) over the cluster's total, times the cluster's GPUs.
  static func nominalGPUs(
    of tenant: Tenant, cluster: Cluster, capacity: ClusterCapacity
  ) -> Double {
    guard capacity.gpus > 0 else { return 0 }
    let nodes = cluster.nodes()
    let cpu = nodes.reduce(0) { $0 + $1.cpuMilli }
    let memory = nodes.reduce(0) { $0 + $1.memoryMiB }
    let models = cluster.pools.compactMap { pool -> GPUModel? in
      if case .mig = pool.sharing { return pool.model }
      return nil
    }
    func share(_ amount: Int, of total: Int) -> Double {
      total > 0 ? Double(amount) / Double(total) : 0
    }
    var largest = 0.0
    var migSlices = 0
    for resource in tenant.quota.resources {
      guard let nominal = tenant.quota[resource]?.nominal else { continue }
      let part: Double
      switch resource {
      case .milliGPUs: part = share(nominal, of: 1000 * capacity.gpus)
      case .migProfile(let name):
        let profile = models.lazy.compactMap { $0.profile(named: name) }.first
        migSlices += nominal * (profile?.computeSlices ?? 0)
        continue
      case .computeSlices: part = share(nominal, of: capacity.computeSlices)
      case .gpuMemoryMiB: part = share(nominal, of: capacity.gpuMemoryMiB)
      case .cpuMilli: part = share(nominal, of: cpu)
      case .memoryMiB: part = share(nominal, of: memory)
      }
      largest = max(largest, part)
    }
    largest = max(largest, share(migSlices, of: capacity.computeSlices))
    return min(largest, 1) * Double(capacity.gpus)
  }

  // MARK: - Request mixes

  /// The request mixes fragmentation is measured against: what the run's
  /// jobs asked for, each template weighted by the pods (for MIG, the
  /// instances) its submitted jobs requested.
  static func requestMixes(
    of record: SimulationRecord, templates: [WorkloadTemplate],
    cluster: Cluster
  ) -> (typicalPods: [TypicalPod], migRequests: [MIGRequestShare]) {
    var pods = Array(repeating: 0, count: templates.count)
    for job in record.jobs where pods.indices.contains(job.template) {
      pods[job.template] += max(job.pods, 1)
    }
    func unitsPerGPU(_ matches: (GPUSharing) -> Int?) -> Int? {
      cluster.pools.compactMap { matches($0.sharing) }.first
    }
    var typical: [TypicalPod] = []
    var mig: [String: Int] = [:]
    var migOrder: [String] = []
    for (index, template) in templates.enumerated() where pods[index] > 0 {
      let cpu = template.requests.cpuMilli
      let weight = Double(pods[index])
      var shape: (count: Int, milli: Int)?
      switch template.requests.gpu {
      case .none: shape = (0, 0)
      case .wholeGPUs(let count): shape = (count, 1000)
      case .milliGPUs(let milli): shape = (1, milli)
      case .timeSliceReplicas(let units):
        shape = unitsPerGPU {
          if case .timeSlicing(let replicas) = $0 { return replicas }
          return nil
        }.map { (1, min(1000, 1000 * units / max($0, 1))) }
      case .mpsClients(let units):
        shape = unitsPerGPU {
          if case .mps(let clients) = $0 { return clients }
          return nil
        }.map { (1, min(1000, 1000 * units / max($0, 1))) }
      case .migInstances(let profile, let count):
        if mig[profile] == nil { migOrder.append(profile) }
        mig[profile, default: 0] += pods[index] * max(count, 1)
      }
      if let shape {
        typical.append(
          TypicalPod(
            cpuMilli: cpu, gpuCount: shape.count,
            gpuMilliPerGPU: shape.milli, weight: weight))
      }
    }
    let requests = migOrder.map {
      MIGRequestShare($0, weight: Double(mig[$0] ?? 1))
    }
    return (typical, requests)
  }
}
