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
  /// GPUs per node, at least 1.
  public var gpusPerNode: Int
  /// The cost of one GPU for the lowest-cost objective; 1 when not given.
  public var costPerGPU: Double?
  /// Whether every node of the group must get the same config (one
  /// mig-parted config for the group, as a simulator pool has).
  public var sameConfigOnEveryNode: Bool

  /// Creates a group.
  public init(
    name: String, model: GPUModel, nodeCount: Int, gpusPerNode: Int,
    costPerGPU: Double? = nil, sameConfigOnEveryNode: Bool = false
  ) {
    precondition(nodeCount >= 1 && gpusPerNode >= 1, "an empty group")
    self.name = name
    self.model = model
    self.nodeCount = nodeCount
    self.gpusPerNode = gpusPerNode
    self.costPerGPU = costPerGPU
    self.sameConfigOnEveryNode = sameConfigOnEveryNode
  }

  /// Every GPU of the group.
  public var gpuCount: Int { nodeCount * gpusPerNode }

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

/// What one tenant needs: MIG instances per profile name.
public struct TenantDemand: Sendable, Hashable {
  /// The tenant's name, unique in a request.
  public var name: String
  /// Instances per profile name (such as `3g.40gb`); a profile name is
  /// served by every fleet model that has a profile of that name.
  public var instances: [String: Int]
  /// The weight of one compute slice of this tenant's instances for the
  /// most-weighted-demand objective; 1 by default.
  public var weight: Double
  /// With whom the tenant's instances may share a GPU.
  public var isolation: PlanIsolation

  /// Creates a demand.
  public init(
    name: String, instances: [String: Int], weight: Double = 1,
    isolation: PlanIsolation = .shared
  ) {
    self.name = name
    self.instances = instances
    self.weight = weight
    self.isolation = isolation
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

  /// Creates a request.
  public init(
    fleet: [FleetGroup], tenants: [TenantDemand],
    rules: MIGRules = MIGRules(), objective: PlanObjective = .fewestGPUs,
    timeLimitSeconds: Double = 10
  ) {
    self.fleet = fleet
    self.tenants = tenants
    self.rules = rules
    self.objective = objective
    self.timeLimitSeconds = timeLimitSeconds
  }
}
