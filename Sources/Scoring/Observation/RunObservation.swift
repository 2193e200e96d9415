import ClusterModel

/// Everything the scoring reads from one simulated run: the cluster, the
/// tenants, the jobs and who held which GPU when.
///
/// Plain values that a simulator fills in as it goes; every metric is a
/// function of one observation (and, for noisy neighbours and security
/// exposure, of model coefficients).
public struct RunObservation: Hashable, Sendable {
  /// Length of the run, seconds; time-weighted metrics divide by it.
  public var horizonSeconds: Int
  /// Capacity that utilization is measured against.
  public var capacity: ClusterCapacity
  /// The tenants, indexed by `JobRecord.tenant`.
  public var tenants: [TenantFacts]
  /// Which tenant may connect to which, over `tenants`.
  public var reachability: Reachability
  /// The nodes, indexed by `AllocationInterval.node`.
  public var nodes: [NodeFacts]
  /// The jobs, indexed by `AllocationInterval.job`.
  public var jobs: [JobRecord]
  /// Who held what, when.
  public var allocations: [AllocationInterval]
  /// The longest acceptable wait per workload kind, seconds (the SLO);
  /// kinds without an entry have no SLO.
  public var waitTargetSeconds: [WorkloadKind: Int]
  /// Pods refused by admission policies, by policy name (for example
  /// `denyImagesAbove`, `requiredGPUToleration`, `agentPools`).
  public var admissionRefusals: [String: Int]
  /// The typical pod mix for fractional fragmentation; empty skips it.
  public var typicalPods: [TypicalPod]
  /// The expected MIG request mix for MIG fragmentation; empty skips it.
  public var expectedMIGRequests: [MIGRequestShare]

  /// Creates an observation.
  ///
  /// - Parameters:
  ///   - horizonSeconds: Run length, seconds; at least 1.
  ///   - capacity: The capacity; by default the totals of `nodes`.
  ///   - tenants: The tenants.
  ///   - reachability: Network reachability; all open by default.
  ///   - nodes: The nodes.
  ///   - jobs: The jobs.
  ///   - allocations: The allocation intervals.
  ///   - waitTargetSeconds: Wait SLO per kind; none by default.
  ///   - admissionRefusals: Refusals per policy; none by default.
  ///   - typicalPods: Fractional fragmentation mix; empty by default.
  ///   - expectedMIGRequests: MIG fragmentation mix; empty by default.
  public init(
    horizonSeconds: Int,
    capacity: ClusterCapacity? = nil,
    tenants: [TenantFacts],
    reachability: Reachability? = nil,
    nodes: [NodeFacts],
    jobs: [JobRecord],
    allocations: [AllocationInterval],
    waitTargetSeconds: [WorkloadKind: Int] = [:],
    admissionRefusals: [String: Int] = [:],
    typicalPods: [TypicalPod] = [],
    expectedMIGRequests: [MIGRequestShare] = []
  ) {
    precondition(horizonSeconds > 0, "a run lasts at least one second")
    self.horizonSeconds = horizonSeconds
    self.capacity = capacity ?? ClusterCapacity(nodes: nodes)
    self.tenants = tenants
    self.reachability =
      reachability ?? .open(tenantCount: tenants.count)
    self.nodes = nodes
    self.jobs = jobs
    self.allocations = allocations
    self.waitTargetSeconds = waitTargetSeconds
    self.admissionRefusals = admissionRefusals
    self.typicalPods = typicalPods
    self.expectedMIGRequests = expectedMIGRequests
  }

  /// The tenant of allocation `index`.
  ///
  /// - Parameter index: An index into `allocations`.
  public func tenant(ofAllocation index: Int) -> Int {
    jobs[allocations[index].job].tenant
  }

  /// The GPU of allocation `index`, or `nil` for CPU-only work.
  ///
  /// - Parameter index: An index into `allocations`.
  public func gpu(ofAllocation index: Int) -> GPUFacts? {
    let allocation = allocations[index]
    return allocation.gpu.map { nodes[allocation.node].gpus[$0] }
  }
}

/// One typical pod of the fractional fragmentation measure, with its
/// share of the mix.
public struct TypicalPod: Hashable, Sendable {
  /// CPU request, milli-cores.
  public var cpuMilli: Int
  /// GPUs requested; 0 for CPU-only pods.
  public var gpuCount: Int
  /// Share of each GPU, milli (1000 for a whole GPU).
  public var gpuMilliPerGPU: Int
  /// GPU model names the pod accepts; `nil` accepts every model.
  public var acceptedModels: Set<String>?
  /// The pod's weight p_m in the mix; weights need not sum to 1, the
  /// measure divides by their sum.
  public var weight: Double

  /// Creates a typical pod.
  ///
  /// - Parameters:
  ///   - cpuMilli: CPU request, milli-cores.
  ///   - gpuCount: GPUs requested.
  ///   - gpuMilliPerGPU: Milli per GPU.
  ///   - acceptedModels: Accepted models; `nil` (any) by default.
  ///   - weight: Weight in the mix, greater than 0.
  public init(
    cpuMilli: Int, gpuCount: Int, gpuMilliPerGPU: Int,
    acceptedModels: Set<String>? = nil, weight: Double
  ) {
    precondition(weight > 0, "a typical pod has a positive weight")
    self.cpuMilli = cpuMilli
    self.gpuCount = gpuCount
    self.gpuMilliPerGPU = gpuMilliPerGPU
    self.acceptedModels = acceptedModels
    self.weight = weight
  }
}

/// One MIG profile of the expected request mix, with its weight.
public struct MIGRequestShare: Hashable, Sendable {
  /// The profile name, as the GPU's model names it.
  public var profileName: String
  /// The profile's weight in the mix, greater than 0.
  public var weight: Double

  /// Creates a mix entry.
  ///
  /// - Parameters:
  ///   - profileName: The profile name.
  ///   - weight: Its weight, greater than 0; 1 by default.
  public init(_ profileName: String, weight: Double = 1) {
    precondition(weight > 0, "a mix entry has a positive weight")
    self.profileName = profileName
    self.weight = weight
  }
}
