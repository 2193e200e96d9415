import MIGGeometry

/// Nodes of one GPU model that the planner may lay out: `nodeCount` nodes
/// with `gpusPerNode` GPUs each.
public struct FleetGroup: Sendable, Hashable {
  /// The group's name; nodes are named `<name>-<index>` from 0, and a
  /// scenario pool of the same name takes the group's config.
  public var name: String
  /// The GPU model of every GPU in the group.
  public var model: GPUModel
  /// The number of nodes, at least 1.
  public var nodeCount: Int
  /// GPUs per node that the plan lays out, at least 1.
  public var gpusPerNode: Int
  /// GPUs per node after those, kept whole (MIG disabled) and outside the
  /// plan; 0 by default.
  public var keptWholePerNode: Int
  /// The cost of one GPU for the lowest-cost objective; 1 when not given.
  public var costPerGPU: Double?
  /// How far one config reaches in the group.
  public var configScope: ConfigScope

  /// How far one MIG config reaches in a fleet group.
  public enum ConfigScope: String, Sendable, Hashable, CaseIterable {
    /// Each GPU may have a layout of its own.
    case gpu
    /// Every GPU of a node has the same layout (a config applied to the
    /// whole node, `devices: all`); nodes may differ.
    case node
    /// Every node of the group gets the same config (one mig-parted
    /// config for the group, as a simulator pool has); its GPUs may
    /// differ.
    case group
  }

  /// Creates a group.
  public init(
    name: String, model: GPUModel, nodeCount: Int, gpusPerNode: Int,
    costPerGPU: Double? = nil, sameConfigOnEveryNode: Bool = false,
    configScope: ConfigScope? = nil, keptWholePerNode: Int = 0
  ) {
    precondition(nodeCount >= 1 && gpusPerNode >= 1, "an empty group")
    precondition(keptWholePerNode >= 0, "a negative count")
    self.keptWholePerNode = keptWholePerNode
    self.name = name
    self.model = model
    self.nodeCount = nodeCount
    self.gpusPerNode = gpusPerNode
    self.costPerGPU = costPerGPU
    self.configScope = configScope ?? (sameConfigOnEveryNode ? .group : .gpu)
  }

  /// Whether every node of the group must get the same config; setting
  /// it chooses scope `group` (true) or `gpu` (false).
  public var sameConfigOnEveryNode: Bool {
    get { configScope == .group }
    set { configScope = newValue ? .group : .gpu }
  }

  /// Every GPU of the group that the plan lays out.
  public var gpuCount: Int { nodeCount * gpusPerNode }

  /// Every GPU of the group's nodes, those kept whole included.
  public var physicalGPUCount: Int {
    nodeCount * (gpusPerNode + keptWholePerNode)
  }

  /// The cost of one GPU, 1 when none is given.
  public var unitCost: Double { costPerGPU ?? 1 }
}

/// With whom a tenant's MIG instances may share a GPU.
public enum PlanIsolation: Sendable, Hashable {
  /// With any tenant that allows it.
  case shared
  /// Only with the listed tenants, and only if they allow this one too.
  case onlyWith([String])
  /// Alone: no other tenant's instance on the tenant's GPUs.
  case never
  /// Alone on whole nodes: no other tenant's instance on any GPU of the
  /// nodes the tenant uses.
  case dedicatedNodes

  /// The name used in files and output.
  public var name: String {
    switch self {
    case .shared: "shared"
    case .onlyWith: "only-with"
    case .never: "never"
    case .dedicatedNodes: "dedicated-nodes"
    }
  }
}

/// Capacity a tenant needs without naming instance counts: compute
/// slices and GPU memory, served by instances of the allowed profiles in
/// whatever mix the planner finds best.
public struct CapacityDemand: Sendable, Hashable {
  /// Compute slices the served instances must hold in all (0: no need).
  public var computeSlices: Int
  /// GiB of GPU memory the served instances must hold in all (0: no
  /// need); an instance counts its profile's memory on the fleet model
  /// with the least (`PlanModel.memoryGiB(of:in:)`).
  public var memoryGiB: Double
  /// The profile names that may serve it, at least one.
  public var profiles: [String]

  /// Creates a capacity demand.
  public init(
    computeSlices: Int = 0, memoryGiB: Double = 0, profiles: [String]
  ) {
    self.computeSlices = computeSlices
    self.memoryGiB = memoryGiB
    self.profiles = profiles
  }
}

/// What one tenant needs: MIG instances per profile name, capacity over
/// allowed profiles, and whole GPUs (MIG disabled).
public struct TenantDemand: Sendable, Hashable {
  /// The tenant's name, unique in a request.
  public var name: String
  /// Instances per profile name (such as `3g.40gb`); a profile name is
  /// served by every fleet model that has a profile of that name.
  public var instances: [String: Int]
  /// Compute slices and memory served by instances of allowed profiles,
  /// on top of `instances`.
  public var capacity: CapacityDemand?
  /// Whole GPUs with MIG disabled, each the tenant's alone.
  public var wholeGPUs: Int
  /// The models whole GPUs may be of (names as `GPUModel.name`); empty:
  /// any model of the fleet.
  public var wholeGPUModels: [String]
  /// The weight of one compute slice of this tenant's instances for the
  /// most-weighted-demand objective; 1 by default.
  public var weight: Double
  /// With whom the tenant's instances may share a GPU.
  public var isolation: PlanIsolation

  /// Creates a demand.
  public init(
    name: String, instances: [String: Int], weight: Double = 1,
    isolation: PlanIsolation = .shared, capacity: CapacityDemand? = nil,
    wholeGPUs: Int = 0, wholeGPUModels: [String] = []
  ) {
    self.name = name
    self.instances = instances
    self.weight = weight
    self.isolation = isolation
    self.capacity = capacity
    self.wholeGPUs = wholeGPUs
    self.wholeGPUModels = wholeGPUModels
  }

  /// Whether a whole GPU of `model` may serve the tenant.
  public func acceptsWhole(_ model: GPUModel) -> Bool {
    wholeGPUModels.isEmpty || wholeGPUModels.contains(model.name)
  }
}

/// What the planner minimizes or maximizes.
public enum PlanObjective: String, Sendable, Hashable, CaseIterable {
  /// Serve all demand on the fewest GPUs.
  case fewestGPUs = "fewest-gpus"
  /// Serve all demand at the lowest total GPU cost.
  case lowestCost = "lowest-cost"
  /// Serve as much weighted demand (weight × compute slices) as the fleet
  /// holds.
  case mostWeightedDemand = "most-demand"
}

/// A whole planning question: the fleet, the demand and the rules.
public struct PlanRequest: Sendable, Hashable {
  /// The nodes that may be laid out.
  public var fleet: [FleetGroup]
  /// The tenants and what they need.
  public var tenants: [TenantDemand]
  /// The driver rules every layout must obey.
  public var rules: MIGRules
  /// What to optimize.
  public var objective: PlanObjective
  /// Seconds the exact search may take before it returns the best plan
  /// found with its gap.
  public var timeLimitSeconds: Double
  /// The most distinct GPU layouts (MIG layouts by instances per profile
  /// and model; whole GPUs not counted) the plan may use; nil: no limit.
  public var maxDistinctLayouts: Int?

  /// Creates a request.
  public init(
    fleet: [FleetGroup], tenants: [TenantDemand],
    rules: MIGRules = MIGRules(), objective: PlanObjective = .fewestGPUs,
    timeLimitSeconds: Double = 10, maxDistinctLayouts: Int? = nil
  ) {
    self.fleet = fleet
    self.tenants = tenants
    self.rules = rules
    self.objective = objective
    self.timeLimitSeconds = timeLimitSeconds
    self.maxDistinctLayouts = maxDistinctLayouts
  }
}
