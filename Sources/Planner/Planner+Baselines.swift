import Foundation
import MIGGeometry

/// The simple rules a plan is compared with (docs/planner.md, Baselines).
enum Baselines {
  /// `all-balanced` on every GPU, single-profile configs, and greedy
  /// first-fit decreasing, each serving the same demand with the same
  /// isolation classes.
  ///
  /// Capacity demands are served by the instances the plan allots to
  /// them (`instanceDemand`), so every rule serves the same instances.
  static func compute(
    _ request: PlanRequest, instanceDemand: [String: [String: Int]],
    cache: PatternCache
  ) -> [BaselineResult] {
    var request = request
    for t in request.tenants.indices {
      let name = request.tenants[t].name
      request.tenants[t].instances =
        instanceDemand[name] ?? request.tenants[t].instances
      request.tenants[t].capacity = nil
    }
    let classes = request.planClasses()
    return [
      fixedConfig("all-balanced", .balanced, request, classes, cache),
      fixedConfig("single-profile", .singleProfile, request, classes, cache),
      firstFitDecreasing(request, classes),
    ]
  }

  /// The fewest GPUs when each GPU may only carry one kind of config.
  /// With one pattern per model and class the program is tiny; it is
  /// solved by the planner's own search for at most 50 ms (the rule's
  /// best case, or close to it).
  static func fixedConfig(
    _ name: String, _ choice: PlanModel.PatternChoice,
    _ request: PlanRequest, _ classes: [TenantClass], _ cache: PatternCache
  ) -> BaselineResult {
    var fewest = request
    if fewest.objective == .mostWeightedDemand {
      fewest.objective = .fewestGPUs
    }
    let model = PlanModel(
      request: fewest, classes: classes, choice: choice, cache: cache)
    // A profile the config never has cannot be served at all.
    for (k, tenantClass) in classes.enumerated() {
      for profile in tenantClass.profileNames {
        let covered = model.patterns[k].contains { set in
          guard let set else { return false }
          guard let i = set.profiles.firstIndex(where: { $0.name == profile })
          else { return false }
          return set.counts.contains { $0[i] > 0 }
        }
        if !covered {
          return BaselineResult(
            name: name, gpus: nil, idleSlices: nil, cost: nil,
            reason: "\(profile) is in no \(name) config of the fleet's models")
        }
      }
    }
    let deadline = ContinuousClock.now + .milliseconds(50)
    let result = Planner.solve(model.program, deadline: deadline)
    guard let x = result.x else {
      return BaselineResult(
        name: name, gpus: nil, idleSlices: nil, cost: nil,
        reason: "the fleet has too few GPUs for it")
    }
    return summary(name, model, x)
  }

  /// GPUs, cost and idle slices of a solution of a `PlanModel`.
  static func summary(_ name: String, _ model: PlanModel, _ x: [Double])
    -> BaselineResult
  {
    var gpus = 0
    var cost = 0.0
    var slices = 0
    var wholeSlices = 0
    func take(_ count: Int, _ pool: CapacityPool) {
      gpus += count
      cost += Double(count) * pool.unitCost
      slices += count * pool.model.computeSliceCount
    }
    for (j, variable) in model.variables.enumerated() where x[j] > 0.5 {
      let count = Int(x[j].rounded())
      switch variable {
      case .gpus(let k, let π, _):
        let pool = model.pools[π]
        let dedicated = model.classes[k].isDedicated
        // Dedicated GPUs count with their nodes; scope-node shared GPUs
        // with their layout's nodes.
        if pool.scope == .node ? dedicated : !dedicated {
          take(count * pool.multiplier, pool)
        }
      case .whole(let t, let π):
        let pool = model.pools[π]
        let dedicated = model.classes.contains {
          $0.isDedicated && $0.members.contains(t)
        }
        let units =
          pool.scope == .node
          ? (dedicated ? pool.multiplier : 1)
          : pool.multiplier
        wholeSlices += count * units * pool.model.computeSliceCount
        if !(pool.scope == .gpu && dedicated) { take(count * units, pool) }
      case .layoutNodes(let π, let l):
        let pool = model.pools[π]
        if l < (model.nodeLayouts[π]?.counts.count ?? 0) {
          take(count * pool.multiplier, pool)
        }
      case .nodes(_, let g):
        let group = model.request.fleet[g]
        gpus += count * group.gpusPerNode
        cost += Double(count * group.gpusPerNode) * group.unitCost
        slices += count * group.gpusPerNode * group.model.computeSliceCount
      case .served, .allotted, .layoutUsed, .given: break
      }
    }
    let demandSlices = demandComputeSlices(model.request) + wholeSlices
    return BaselineResult(
      name: name, gpus: gpus, idleSlices: max(0, slices - demandSlices),
      cost: cost, reason: nil)
  }

  /// Compute slices of every instance asked for.
  static func demandComputeSlices(_ request: PlanRequest) -> Int {
    request.tenants.reduce(0) { total, tenant in
      total
        + tenant.instances.reduce(0) {
          $0 + $1.value * PlanModel.computeSlices(of: $1.key, in: request)
        }
    }
  }

  /// Greedy first-fit decreasing: each class's instances, largest first
  /// (memory slices, then compute slices), go on the first open GPU of
  /// the class that takes them (the driver must accept the result);
  /// otherwise a new GPU is opened on the first fleet model with the
  /// profile and free GPUs. GPUs in the same state are kept together, so
  /// the rule runs in time proportional to the distinct states, not the
  /// GPUs. A dedicated class's GPUs are rounded up to whole nodes.
  static func firstFitDecreasing(
    _ request: PlanRequest, _ classes: [TenantClass]
  ) -> BaselineResult {
    let rule = "first-fit-decreasing"
    // A same-config group is filled one node's GPUs at a time: each GPU
    // there stands for one GPU on every node of the group.
    var free = request.fleet.map {
      $0.sameConfigOnEveryNode ? $0.gpusPerNode : $0.gpuCount
    }
    func unit(_ g: Int) -> Int {
      request.fleet[g].sameConfigOnEveryNode ? request.fleet[g].nodeCount : 1
    }
    var gpus = 0
    var cost = 0.0
    var slices = 0
    var demandWhole = 0
    var fits: [String: Bool] = [:]
    for tenantClass in classes {
      // (group, counts per profile name, how many GPUs in that state)
      var states: [(group: Int, names: [String], count: Int)] = []
      var instances: [(name: String, profile: MIGProfile)] = []
      for name in tenantClass.profileNames {
        guard
          let profile = request.fleet.lazy.compactMap({
            $0.model.availableProfiles(under: request.rules)
              .first { $0.name == name }
          }).first
        else { continue }
        instances.append((name, profile))
      }
      instances.sort {
        ($0.profile.memorySlices, $0.profile.computeSlices, $1.name)
          > ($1.profile.memorySlices, $1.profile.computeSlices, $0.name)
      }
      for (name, _) in instances {
        var left = tenantClass.demand[name] ?? 0
        while left > 0 {
          var placed = false
          for s in states.indices where states[s].count > 0 {
            let model = request.fleet[states[s].group].model
            let names = (states[s].names + [name]).sorted()
            let key = model.name + "|" + names.joined(separator: ",")
            let ok: Bool
            if let known = fits[key] {
              ok = known
            } else {
              // The counting rules first: cheap, and most refusals.
              ok =
                model.violations(ofInstances: names, rules: request.rules)
                .isEmpty
                && (try? model.arrangement(of: names, rules: request.rules))
                  != nil
              fits[key] = ok
            }
            guard ok else { continue }
            // Move as many GPUs of this state as instances are left.
            let u = unit(states[s].group)
            let moved = min((left + u - 1) / u, states[s].count)
            states[s].count -= moved
            left = max(0, left - moved * u)
            if let t = states.firstIndex(where: {
              $0.group == states[s].group && $0.names == names
            }) {
              states[t].count += moved
            } else {
              states.append((states[s].group, names, moved))
            }
            placed = true
            break
          }
          if placed { continue }
          guard
            let g = request.fleet.indices.first(where: { g in
              free[g] > 0
                && !(tenantClass.isDedicated
                  && request.fleet[g].sameConfigOnEveryNode)
                && request.fleet[g].model.availableProfiles(
                  under: request.rules
                ).contains { $0.name == name }
            })
          else {
            return BaselineResult(
              name: rule, gpus: nil, idleSlices: nil, cost: nil,
              reason: "the fleet runs out of GPUs for \(name)")
          }
          // New GPUs take as many instances of this profile as fit, as
          // first fit would fill one before opening the next.
          let model = request.fleet[g].model
          var most = 1
          while most < left {
            let names = Array(repeating: name, count: most + 1)
            let key = model.name + "|" + names.joined(separator: ",")
            let ok =
              fits[key]
              ?? (model.violations(ofInstances: names, rules: request.rules)
                .isEmpty
                && (try? model.arrangement(of: names, rules: request.rules))
                  != nil)
            fits[key] = ok
            if !ok { break }
            most += 1
          }
          let u = unit(g)
          let full = min(free[g], left / (most * u))
          if full > 0 {
            free[g] -= full
            left -= full * most * u
            states.append((g, Array(repeating: name, count: most), full))
          } else {
            free[g] -= 1
            let count = min(most, (left + u - 1) / u)
            states.append((g, Array(repeating: name, count: count), 1))
            left = 0
          }
        }
      }
      // Whole GPUs: from the first groups with free GPUs of a model
      // the tenant accepts.
      var wholeSlices = 0
      for t in tenantClass.members {
        let tenant = request.tenants[t]
        var left = tenant.wholeGPUs
        for g in request.fleet.indices where left > 0 {
          let group = request.fleet[g]
          guard tenant.acceptsWhole(group.model), free[g] > 0,
            !(tenantClass.isDedicated && group.configScope == .group)
          else { continue }
          let u = unit(g)
          let taken = min(free[g], (left + u - 1) / u)
          free[g] -= taken
          left = max(0, left - taken * u)
          states.append((g, [], taken))
          wholeSlices += taken * u * group.model.computeSliceCount
        }
        if left > 0 {
          return BaselineResult(
            name: rule, gpus: nil, idleSlices: nil, cost: nil,
            reason: "the fleet runs out of GPUs for whole GPUs")
        }
      }
      demandWhole += wholeSlices
      // Count the class's GPUs per group; in a scope-node group each
      // layout takes whole nodes of its own.
      var perGroup = Array(repeating: 0, count: request.fleet.count)
      var perLayout: [Int: [[String]: Int]] = [:]
      for state in states {
        let group = request.fleet[state.group]
        if group.configScope == .node && !state.names.isEmpty {
          perLayout[state.group, default: [:]][state.names, default: 0] +=
            state.count
        } else {
          perGroup[state.group] += state.count * unit(state.group)
        }
      }
      for (g, layouts) in perLayout {
        let per = request.fleet[g].gpusPerNode
        for count in layouts.values {
          let taken = (count + per - 1) / per * per
          perGroup[g] += taken
          free[g] -= taken - count
        }
        if free[g] < 0 {
          return BaselineResult(
            name: rule, gpus: nil, idleSlices: nil, cost: nil,
            reason: "the fleet runs out of nodes for one layout per node")
        }
      }
      for (g, count) in perGroup.enumerated() where count > 0 {
        var taken = count
        if tenantClass.isDedicated {
          let per = request.fleet[g].gpusPerNode
          taken = (count + per - 1) / per * per
          free[g] -= taken - count
          if free[g] < 0 {
            return BaselineResult(
              name: rule, gpus: nil, idleSlices: nil, cost: nil,
              reason: "the fleet runs out of nodes for dedicated tenants")
          }
        }
        gpus += taken
        cost += Double(taken) * request.fleet[g].unitCost
        slices += taken * request.fleet[g].model.computeSliceCount
      }
    }
    return BaselineResult(
      name: rule, gpus: gpus,
      idleSlices: max(0, slices - demandComputeSlices(request) - demandWhole),
      cost: cost,
      reason: nil)
  }
}
