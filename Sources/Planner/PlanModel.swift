import MIGGeometry

/// GPUs that the integer program counts as one capacity: all groups of a
/// model whose nodes may differ, or one group whose nodes all get the
/// same config (then a variable counts GPUs per node and is multiplied by
/// the node count).
struct CapacityPool: Sendable {
  var model: GPUModel
  /// Indices into the request's fleet.
  var groups: [Int]
  /// Whether this is one same-config-on-every-node group.
  var isUniform: Bool
  /// GPUs available: all of them, or GPUs per node for a uniform pool.
  var capacity: Int
  /// How many GPUs one unit of a variable stands for.
  var multiplier: Int
  /// The cost of one GPU.
  var unitCost: Double
}

/// The cutting-stock integer program of a request for a set of tenant
/// classes: which variable is which, and how to read a solution.
struct PlanModel: Sendable {
  enum Variable: Sendable, Hashable {
    /// GPUs (per node in a uniform pool) of a class laid out with a
    /// pattern of a pool.
    case gpus(tenantClass: Int, pool: Int, pattern: Int)
    /// Whole nodes of a group reserved for a dedicated class.
    case nodes(tenantClass: Int, group: Int)
    /// Instances of a profile served to a tenant (most-demand objective).
    case served(tenant: Int, profile: String)
  }

  let request: PlanRequest
  let classes: [TenantClass]
  let pools: [CapacityPool]
  /// patterns[k][π]: the patterns of class k on pool π (nil: not usable).
  let patterns: [[LayoutPatterns?]]
  var program: IntegerProgram
  var variables: [Variable]
  /// The position of each variable.
  let variableIndex: [Variable: Int]
  /// The coverage row of each class and profile name.
  let coverageRows: [[String: Int]]
  /// The capacity row of each pool.
  let capacityRows: [Int]
  /// The factor of a weighted compute slice in the most-demand objective.
  let servedScale: Double

  /// Which patterns a build may use.
  enum PatternChoice: Sendable {
    /// Every valid pattern.
    case all
    /// Only the model's `all-balanced` config.
    case balanced
    /// Only single-profile configs (`all-<profile>`).
    case singleProfile
  }

  /// Builds the program.
  ///
  /// - Parameters:
  ///   - request: the planning question.
  ///   - classes: the tenant classes.
  ///   - choice: the patterns allowed.
  ///   - cache: maximal mixes already enumerated, by model and profiles.
  init(
    request: PlanRequest, classes: [TenantClass],
    choice: PatternChoice = .all, cache: PatternCache
  ) {
    self.request = request
    self.classes = classes
    var pools: [CapacityPool] = []
    for (g, group) in request.fleet.enumerated() {
      if group.sameConfigOnEveryNode {
        pools.append(
          CapacityPool(
            model: group.model, groups: [g], isUniform: true,
            capacity: group.gpusPerNode, multiplier: group.nodeCount,
            unitCost: group.unitCost))
      } else if let i = pools.firstIndex(where: {
        !$0.isUniform && $0.model == group.model
          && $0.unitCost == group.unitCost
      }) {
        pools[i].groups.append(g)
        pools[i].capacity += group.gpuCount
      } else {
        pools.append(
          CapacityPool(
            model: group.model, groups: [g], isUniform: false,
            capacity: group.gpuCount, multiplier: 1,
            unitCost: group.unitCost))
      }
    }
    self.pools = pools

    let objective = request.objective
    let fleetGPUs = request.fleet.reduce(0) { $0 + $1.gpuCount }
    servedScale = Double(fleetGPUs + 1)
    func gpuCost(_ pool: CapacityPool) -> Double {
      objective == .lowestCost ? pool.unitCost : 1
    }

    var lp = LinearProgram()
    var variables: [Variable] = []
    var isInteger: [Bool] = []
    var patterns: [[LayoutPatterns?]] = []
    // Rows.
    var coverage: [[String: Int]] = []
    for tenantClass in classes {
      var rows: [String: Int] = [:]
      for name in tenantClass.profileNames {
        let demand = Double(tenantClass.demand[name] ?? 0)
        rows[name] = lp.addRow(
          .atLeast, objective == .mostWeightedDemand ? 0 : demand)
      }
      coverage.append(rows)
    }
    let capacityRow = pools.map { lp.addRow(.atMost, Double($0.capacity)) }
    var nodeRow: [Int: Int] = [:]
    var linkRow: [Int: [Int: Int]] = [:]
    let dedicated = classes.indices.filter { classes[$0].isDedicated }
    if !dedicated.isEmpty {
      for (π, pool) in pools.enumerated() where !pool.isUniform {
        for g in pool.groups {
          nodeRow[g] = lp.addRow(
            .atMost, Double(request.fleet[g].nodeCount))
        }
        for k in dedicated {
          linkRow[k, default: [:]][π] = lp.addRow(.atMost, 0)
        }
      }
    }

    // Pattern columns.
    for (k, tenantClass) in classes.enumerated() {
      var perPool: [LayoutPatterns?] = []
      for (π, pool) in pools.enumerated() {
        if tenantClass.isDedicated && pool.isUniform {
          perPool.append(nil)
          continue
        }
        let profiles = pool.model.availableProfiles(under: request.rules)
          .filter { tenantClass.demand[$0.name] != nil }
        guard !profiles.isEmpty else {
          perPool.append(nil)
          continue
        }
        let caps = profiles.map {
          let need = tenantClass.demand[$0.name] ?? 0
          return pool.isUniform
            ? (need + pool.multiplier - 1) / pool.multiplier : need
        }
        let set: LayoutPatterns
        switch choice {
        case .all:
          set = cache.patterns(
            model: pool.model, profiles: profiles, caps: caps,
            rules: request.rules)
        case .balanced:
          let config = try? NamedMIGConfig.resolve(
            "all-balanced", for: pool.model, rules: request.rules)
          let row = profiles.map { config?.mix.count(of: $0.name) ?? 0 }
          set = LayoutPatterns(
            model: pool.model, profiles: profiles,
            fixed: config == nil ? [] : [row])
        case .singleProfile:
          let rows = profiles.indices.map { i in
            profiles.indices.map { j in
              j == i
                ? (profiles[i].hasMediaExtensions ? 1 : profiles[i].maxCount)
                : 0
            }
          }
          set = LayoutPatterns(
            model: pool.model, profiles: profiles, fixed: rows)
        }
        perPool.append(set)
        let multiplier = Double(pool.multiplier)
        for (p, counts) in set.counts.enumerated() {
          var entries: [(row: Int, value: Double)] = []
          for (i, profile) in set.profiles.enumerated() where counts[i] > 0 {
            if let row = coverage[k][profile.name] {
              entries.append((row, multiplier * Double(counts[i])))
            }
          }
          let cost: Double
          if tenantClass.isDedicated {
            entries.append((linkRow[k]![π]!, 1))
            cost = 0
          } else {
            entries.append((capacityRow[π], 1))
            cost = multiplier * gpuCost(pool)
          }
          lp.addColumn(cost: cost, entries: entries)
          variables.append(.gpus(tenantClass: k, pool: π, pattern: p))
          isInteger.append(true)
        }
      }
      patterns.append(perPool)
    }
    // Node columns of dedicated classes.
    for k in dedicated {
      for (π, pool) in pools.enumerated() where !pool.isUniform {
        for g in pool.groups {
          let perNode = Double(request.fleet[g].gpusPerNode)
          lp.addColumn(
            cost: perNode * gpuCost(pool),
            entries: [
              (nodeRow[g]!, 1), (linkRow[k]![π]!, -perNode),
              (capacityRow[π], perNode),
            ])
          variables.append(.nodes(tenantClass: k, group: g))
          isInteger.append(true)
        }
      }
    }
    // Served columns for the most-demand objective.
    var integral = true
    if objective == .mostWeightedDemand {
      for (k, tenantClass) in classes.enumerated() {
        for t in tenantClass.members {
          let tenant = request.tenants[t]
          for name in tenant.instances.keys.sorted() {
            let demand = tenant.instances[name] ?? 0
            guard demand > 0 else { continue }
            let value =
              tenant.weight
              * Double(Self.computeSlices(of: name, in: request))
            let row = lp.addRow(.atMost, Double(demand))
            lp.addColumn(
              cost: -servedScale * value,
              entries: [(coverage[k][name]!, -1), (row, 1)])
            variables.append(.served(tenant: t, profile: name))
            isInteger.append(false)
            if value.rounded() != value { integral = false }
          }
        }
      }
    }
    if objective == .lowestCost {
      integral = pools.allSatisfy { $0.unitCost.rounded() == $0.unitCost }
    }
    self.patterns = patterns
    self.variables = variables
    coverageRows = coverage
    capacityRows = capacityRow
    variableIndex = Dictionary(
      uniqueKeysWithValues: variables.enumerated().map { ($1, $0) })
    program = IntegerProgram(
      lp: lp, isInteger: isInteger, hasIntegralObjective: integral)

  }

  /// The compute slices of a profile name on the first fleet model that
  /// has it (the `g` of a profile name is the same on every model).
  static func computeSlices(of name: String, in request: PlanRequest) -> Int {
    for group in request.fleet {
      if let profile = group.model.profiles.first(where: { $0.name == name }) {
        return profile.computeSlices
      }
    }
    return 0
  }
}

/// Maximal profile mixes per model and profile set, enumerated once per
/// plan and shared by every class that asks for the same profiles.
final class PatternCache: @unchecked Sendable {
  private var mixes: [String: [[Int]]] = [:]

  init() {}

  /// The patterns of a model over profiles, with counts capped.
  func patterns(
    model: GPUModel, profiles: [MIGProfile], caps: [Int], rules: MIGRules
  ) -> LayoutPatterns {
    let key =
      model.name + "|" + profiles.map(\.name).joined(separator: ",")
      + "|\(rules.driverRelease)"
    let uncapped: [[Int]]
    if let known = mixes[key] {
      uncapped = known
    } else {
      let all = LayoutPatterns(
        model: model, profiles: profiles,
        caps: profiles.map(\.maxCount), rules: rules)
      mixes[key] = all.counts
      uncapped = all.counts
    }
    let capped = uncapped.map { row in
      zip(row, caps).map { min($0, $1) }
    }
    var seen = Set<[Int]>()
    let unique = capped.filter { seen.insert($0).inserted }
      .sorted { $0.reduce(0, +) > $1.reduce(0, +) }
    var kept: [[Int]] = []
    for row in unique {
      if row.allSatisfy({ $0 == 0 }) { continue }
      if !kept.contains(where: { zip($0, row).allSatisfy { $0 >= $1 } }) {
        kept.append(row)
      }
    }
    return LayoutPatterns(model: model, profiles: profiles, fixed: kept)
  }
}

extension PlanModel {
  /// The coverage row of class `k` and a profile name.
  func coverageRow(_ k: Int, _ name: String) -> Int? {
    coverageRows[k][name]
  }

  /// The index of a variable, if the model has it.
  func index(of variable: Variable) -> Int? {
    variableIndex[variable]
  }

  /// Weighted compute slices served by a solution (most-demand objective).
  func servedWeight(_ x: [Double]) -> Double {
    var total = 0.0
    for (j, variable) in variables.enumerated() {
      if case .served(let t, let name) = variable {
        total +=
          x[j] * request.tenants[t].weight
          * Double(Self.computeSlices(of: name, in: request))
      }
    }
    return total
  }

  /// Whether every tenant's weight times compute slices is whole, so the
  /// served weight is.
  var isIntegralServedWeight: Bool {
    request.tenants.allSatisfy { tenant in
      tenant.instances.keys.allSatisfy { name in
        let value =
          tenant.weight
          * Double(Self.computeSlices(of: name, in: request))
        return value.rounded() == value
      }
    }
  }

  /// Drops the cost of GPUs, leaving only served demand in the objective.
  mutating func zeroGPUCosts() {
    for (j, variable) in variables.enumerated() {
      switch variable {
      case .gpus, .nodes: program.lp.columns[j].cost = 0
      case .served: break
      }
    }
  }
}
