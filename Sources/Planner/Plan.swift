import MIGGeometry

/// One MIG instance of a plan: where it sits and whom it serves.
public struct PlannedInstance: Sendable, Hashable {
  /// The profile and start.
  public var placement: MIGPlacement
  /// The tenant the instance is for.
  public var tenant: String
}

/// One GPU of a planned node.
public struct PlannedGPU: Sendable, Hashable {
  /// The GPU's index on its node, from 0.
  public var index: Int
  /// The instances in the order to create them (the driver, placing each
  /// itself, puts it where `placement` says).
  public var instances: [PlannedInstance]
  /// The tenant the GPU is given to whole (MIG disabled), if any.
  public var wholeFor: String? = nil
  /// Whether the fleet keeps the GPU whole, outside the plan.
  public var isKeptWhole: Bool = false

  /// Whether the GPU serves nobody: no instance, not given whole.
  public var isEmpty: Bool { instances.isEmpty && wholeFor == nil }

  /// The instances' placements in canonical order.
  public var layout: MIGLayout { MIGLayout(instances.map(\.placement)) }

  /// Instances per profile name.
  public var profileCounts: [String: Int] { layout.profileCounts }
}

/// One node of the fleet with its planned GPUs.
public struct PlannedNode: Sendable, Hashable {
  /// `<group>-<index>`.
  public var name: String
  /// The fleet group's name.
  public var group: String
  /// The GPU model.
  public var model: GPUModel
  /// Every GPU of the node; unused ones have no instances.
  public var gpus: [PlannedGPU]
  /// The tenant the node is reserved for (dedicated nodes), if any.
  public var dedicatedTo: String?

  /// Whether the plan uses the node: some GPU has instances or the node
  /// is reserved.
  public var isUsed: Bool {
    dedicatedTo != nil || gpus.contains { !$0.isEmpty }
  }

  /// GPUs the plan takes on the node: those with instances or given
  /// whole, or on a reserved node every GPU but those kept whole.
  public var usedGPUCount: Int {
    dedicatedTo != nil
      ? gpus.count { !$0.isKeptWhole } : gpus.count { !$0.isEmpty }
  }
}

/// How a simple rule would serve the same demand, for comparison.
public struct BaselineResult: Sendable, Hashable {
  /// `all-balanced`, `single-profile` or `first-fit-decreasing`.
  public var name: String
  /// GPUs taken, or `nil` when the rule cannot serve the demand.
  public var gpus: Int?
  /// Idle compute slices on the GPUs taken.
  public var idleSlices: Int?
  /// Total cost of the GPUs taken.
  public var cost: Double?
  /// Why the rule cannot serve the demand, when it cannot.
  public var reason: String?
}

/// Counters of the search, for people tuning a request.
public struct PlanStatistics: Sendable, Hashable {
  /// Layout patterns in the integer program (all classes, all pools).
  public var patterns: Int
  /// Tenant classes planned separately.
  public var classes: Int
  /// Branch-and-bound nodes solved.
  public var branchNodes: Int
  /// Wall-clock seconds of the whole plan.
  public var seconds: Double
}

/// The planner's answer: a layout for every GPU, the figures that judge
/// it, and the baselines.
public struct Plan: Sendable {
  /// The question.
  public var request: PlanRequest
  /// Every node of the fleet, in fleet order.
  public var nodes: [PlannedNode]
  /// The objective's value: GPUs, cost, or weighted compute slices served.
  public var value: Double
  /// A proven bound on the objective: a lower bound when minimizing, an
  /// upper bound for the most-demand objective.
  public var bound: Double
  /// Whether the search proved the plan optimal.
  public var isOptimal: Bool
  /// The comparison rules.
  public var baselines: [BaselineResult]
  /// Search counters.
  public var statistics: PlanStatistics
  /// Instances per profile given to each tenant's capacity demand.
  public var allotted: [String: [String: Int]] = [:]

  /// Instances per profile each tenant is to get: its instances plus
  /// those allotted to its capacity demand.
  public var instanceDemand: [String: [String: Int]] {
    Self.instanceDemand(request, allotted)
  }

  /// Instances per profile each tenant of `request` is to get, with
  /// `allotted` instances for capacity demands.
  static func instanceDemand(
    _ request: PlanRequest, _ allotted: [String: [String: Int]]
  ) -> [String: [String: Int]] {
    var result: [String: [String: Int]] = [:]
    for tenant in request.tenants {
      var row = tenant.instances
      for (name, count) in allotted[tenant.name] ?? [:] {
        row[name, default: 0] += count
      }
      result[tenant.name] = row
    }
    return result
  }

  /// Whole GPUs served to each tenant: those given to it, at most its
  /// demand (a same-config group repeats a whole GPU on every node, so it
  /// may give more).
  ///
  /// - Complexity: O(GPUs).
  public var wholeGPUs: [String: Int] {
    servedWhole.counts
  }

  /// Whole GPUs served per tenant, and their compute slices, in node
  /// order up to each tenant's demand.
  private var servedWhole: (counts: [String: Int], slices: Int) {
    var demand: [String: Int] = [:]
    for tenant in request.tenants { demand[tenant.name] = tenant.wholeGPUs }
    var counts: [String: Int] = [:]
    var slices = 0
    for node in nodes {
      for gpu in node.gpus {
        guard let tenant = gpu.wholeFor,
          counts[tenant, default: 0] < demand[tenant] ?? 0
        else { continue }
        counts[tenant, default: 0] += 1
        slices += node.model.computeSliceCount
      }
    }
    return (counts, slices)
  }

  /// Compute slices and GiB of memory served to each tenant's capacity
  /// demand by the instances allotted to it (memory per profile as
  /// `CapacityDemand.memoryGiB` counts it).
  public var servedCapacity: [String: (computeSlices: Int, memoryGiB: Double)] {
    var result: [String: (computeSlices: Int, memoryGiB: Double)] = [:]
    let served = self.served
    for tenant in request.tenants where tenant.capacity != nil {
      var compute = 0
      var memory = 0.0
      for (name, count) in allotted[tenant.name] ?? [:] {
        // Instances beyond the tenant's own instance demand serve it.
        let own = tenant.instances[name] ?? 0
        let given = max(0, (served[tenant.name]?[name] ?? 0) - own)
        let used = min(count, given)
        compute += used * PlanModel.computeSlices(of: name, in: request)
        memory += Double(used) * PlanModel.memoryGiB(of: name, in: request)
      }
      result[tenant.name] = (compute, memory)
    }
    return result
  }

  /// The distance between value and bound, never negative.
  public var gap: Double {
    request.objective == .mostWeightedDemand
      ? max(0, bound - value) : max(0, value - bound)
  }

  /// GPUs taken: GPUs with instances plus every GPU of a reserved node.
  ///
  /// - Complexity: O(GPUs + instances).
  public var gpusUsed: Int {
    nodes.reduce(0) { total, node in
      total
        + node.usedGPUCount
    }
  }

  /// GPUs taken per model name, in fleet order of first appearance.
  ///
  /// - Complexity: O(GPUs + instances).
  public var gpusUsedByModel: [(model: String, gpus: Int)] {
    var result: [(model: String, gpus: Int)] = []
    for node in nodes {
      let used =
        node.usedGPUCount
      if let i = result.firstIndex(where: { $0.model == node.model.name }) {
        result[i].gpus += used
      } else {
        result.append((node.model.name, used))
      }
    }
    return result
  }

  /// The total cost of the GPUs taken.
  ///
  /// - Complexity: O(GPUs + instances).
  public var cost: Double {
    var total = 0.0
    for node in nodes {
      let unit = request.fleet.first { $0.name == node.group }?.unitCost ?? 1
      let used =
        node.usedGPUCount
      total += unit * Double(used)
    }
    return total
  }

  /// Compute slices of the GPUs taken that serve no demand: the GPUs'
  /// compute slices less those of the instances and whole GPUs served
  /// (spare instances and whole GPUs that a same-config group repeats on
  /// every node count as idle).
  ///
  /// - Complexity: O(GPUs + instances).
  public var idleSlices: Int {
    var total = 0
    for node in nodes {
      let used =
        node.usedGPUCount
      total += used * node.model.computeSliceCount
    }
    var servedSlices = servedWhole.slices
    for counts in served.values {
      for (name, count) in counts {
        servedSlices += count * PlanModel.computeSlices(of: name, in: request)
      }
    }
    return max(0, total - servedSlices)
  }

  /// Instances served per tenant and profile (instances beyond a tenant's
  /// instance demand, `instanceDemand`, which a same-config or scope-node
  /// group may carry, are not counted).
  ///
  /// - Complexity: O(GPUs + instances).
  public var served: [String: [String: Int]] {
    var counts: [String: [String: Int]] = [:]
    for node in nodes {
      for gpu in node.gpus {
        for instance in gpu.instances {
          counts[instance.tenant, default: [:]][
            instance.placement.profileName, default: 0] += 1
        }
      }
    }
    var result: [String: [String: Int]] = [:]
    let wanted = instanceDemand
    for tenant in request.tenants {
      var row: [String: Int] = [:]
      for (name, demand) in wanted[tenant.name] ?? [:] {
        row[name] = min(demand, counts[tenant.name]?[name] ?? 0)
      }
      result[tenant.name] = row
    }
    return result
  }
}
