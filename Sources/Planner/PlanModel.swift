import MIGGeometry

/// GPUs that the integer program counts as one capacity: all per-GPU
/// groups of a model and cost; or one group whose nodes all get the same
/// config (a variable counts GPUs per node, multiplied by the node
/// count); or one group whose every node has one layout on all its GPUs
/// (a variable counts nodes, each of `gpusPerNode` GPUs).
struct CapacityPool: Sendable {
  var model: GPUModel
  /// Indices into the request's fleet.
  var groups: [Int]
  /// How far one config reaches in the pool's groups.
  var scope: FleetGroup.ConfigScope
  /// Units available: GPUs, GPUs per node (scope group) or nodes (scope
  /// node).
  var capacity: Int
  /// How many GPUs one unit stands for.
  var multiplier: Int
  /// The cost of one GPU.
  var unitCost: Double

  /// Whether this is one same-config-on-every-node group.
  var isUniform: Bool { scope == .group }
}

/// The cutting-stock integer program of a request for a set of tenant
/// classes: which variable is which, and how to read a solution.
struct PlanModel: Sendable {
  enum Variable: Sendable, Hashable {
    /// GPUs (per node in a scope-group pool, nodes in a scope-node pool
    /// for a dedicated class) of a class laid out with a pattern of a
    /// pool; in a scope-node pool for a shared class, GPUs of the nodes
    /// with layout `pattern` of `nodeLayouts` given to the class.
    case gpus(tenantClass: Int, pool: Int, pattern: Int)
    /// Whole nodes of a group reserved for a dedicated class.
    case nodes(tenantClass: Int, group: Int)
    /// Instances of a profile served to a tenant (most-demand objective).
    case served(tenant: Int, profile: String)
    /// Whole GPUs (MIG disabled) of a pool given to a tenant, in the
    /// pool's GPU units (a dedicated class in a scope-node pool: nodes).
    case whole(tenant: Int, pool: Int)
    /// Nodes of a scope-node pool laid out with `nodeLayouts[pool]`
    /// pattern `layout`; `layout` equal to the pattern count: MIG
    /// disabled.
    case layoutNodes(pool: Int, layout: Int)
    /// Instances of a profile given to a tenant's capacity demand.
    case allotted(tenant: Int, profile: String)
    /// Whether distinct layout `key` is used (the distinct-layout limit).
    case layoutUsed(key: Int)
    /// Instances of a profile of class `tenantClass`'s GPUs given to a
    /// tenant that belongs to several classes.
    case given(tenant: Int, tenantClass: Int, profile: String)
  }

  let request: PlanRequest
  let classes: [TenantClass]
  let pools: [CapacityPool]
  /// patterns[k][π]: the patterns of class k on pool π (nil: not usable,
  /// or a shared class on a scope-node pool).
  let patterns: [[LayoutPatterns?]]
  /// The layouts of each scope-node pool that shared classes split.
  let nodeLayouts: [LayoutPatterns?]
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
  /// Weighted compute slices one unit of each variable serves (most-demand
  /// objective; 0 for variables that serve nothing by themselves).
  let servedValues: [Double]
  /// The distinct layouts that the limit counts, as `layoutKey` gives.
  let layoutKeys: [String]
  /// The layout each variable lays GPUs out with, and how many GPUs one
  /// unit of it lays out; nil for the other variables.
  let columnLayouts: [(key: String, gpus: Int)?]

  /// Which patterns a build may use.
  enum PatternChoice: Sendable {
    /// Every valid pattern.
    case all
    /// Only the model's `all-balanced` config.
    case balanced
    /// Only single-profile configs (`all-<profile>`).
    case singleProfile
  }

  /// The first class of each tenant.
  static func classOfTenant(_ classes: [TenantClass], count: Int) -> [Int?] {
    memberships(classes, count: count).map(\.first)
  }

  /// The classes of each tenant, in class order.
  static func memberships(_ classes: [TenantClass], count: Int) -> [[Int]] {
    var result: [[Int]] = Array(repeating: [], count: count)
    for (k, tenantClass) in classes.enumerated() {
      for t in tenantClass.members { result[t].append(k) }
    }
    return result
  }

  /// A layout's identity for the distinct-layout limit: the model and the
  /// instances per profile name.
  static func layoutKey(
    _ model: GPUModel, _ profiles: [MIGProfile], _ counts: [Int]
  ) -> String {
    let parts = zip(profiles, counts).filter { $0.1 > 0 }
      .map { "\($0.0.name)x\($0.1)" }.sorted()
    return model.name + "|" + parts.joined(separator: ",")
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
      switch group.configScope {
      case .group:
        pools.append(
          CapacityPool(
            model: group.model, groups: [g], scope: .group,
            capacity: group.gpusPerNode, multiplier: group.nodeCount,
            unitCost: group.unitCost))
      case .node:
        pools.append(
          CapacityPool(
            model: group.model, groups: [g], scope: .node,
            capacity: group.nodeCount, multiplier: group.gpusPerNode,
            unitCost: group.unitCost))
      case .gpu:
        if let i = pools.firstIndex(where: {
          $0.scope == .gpu && $0.model == group.model
            && $0.unitCost == group.unitCost
        }) {
          pools[i].groups.append(g)
          pools[i].capacity += group.gpuCount
        } else {
          pools.append(
            CapacityPool(
              model: group.model, groups: [g], scope: .gpu,
              capacity: group.gpuCount, multiplier: 1,
              unitCost: group.unitCost))
        }
      }
    }
    self.pools = pools

    let objective = request.objective
    let most = objective == .mostWeightedDemand
    let fleetGPUs = request.fleet.reduce(0) { $0 + $1.gpuCount }
    let scale = Double(fleetGPUs + 1)
    servedScale = scale
    func gpuCost(_ pool: CapacityPool) -> Double {
      objective == .lowestCost ? pool.unitCost : 1
    }
    let classOf = Self.classOfTenant(classes, count: request.tenants.count)
    let memberships = Self.memberships(classes, count: request.tenants.count)
    let isSplit = memberships.map { $0.count > 1 }

    var lp = LinearProgram()
    var variables: [Variable] = []
    var isInteger: [Bool] = []
    var served: [Double] = []
    var keyOf: [Int: String] = [:]
    var layoutOf: [(key: String, gpus: Int)?] = []
    func add(
      _ variable: Variable, cost: Double,
      _ entries: [(row: Int, value: Double)], integer: Bool = true,
      value: Double = 0, key: String? = nil, gpus: Int = 1
    ) {
      if let key { keyOf[variables.count] = key }
      layoutOf.append(key.map { ($0, gpus) })
      lp.addColumn(cost: cost - scale * value, entries: entries)
      variables.append(variable)
      isInteger.append(integer)
      served.append(value)
    }

    // Rows.
    // Coverage per class and profile: the demand of the members in no
    // other class; a tenant in several classes has a row per profile of
    // its own, fed by `given` columns from each of its classes.
    var coverage: [[String: Int]] = []
    for tenantClass in classes {
      var rows: [String: Int] = [:]
      for name in tenantClass.profileNames {
        let demand = tenantClass.members.filter { !isSplit[$0] }.reduce(0) {
          $0 + (request.tenants[$1].instances[name] ?? 0)
        }
        rows[name] = lp.addRow(.atLeast, most ? 0 : Double(demand))
      }
      coverage.append(rows)
    }
    var tenantRows: [Int: [String: Int]] = [:]
    for t in request.tenants.indices where isSplit[t] {
      let names = Set(
        request.tenants[t].instances.filter { $0.value > 0 }.map(\.key)
          + request.capacityProfiles(t))
      for name in names.sorted() {
        let demand = request.tenants[t].instances[name] ?? 0
        tenantRows[t, default: [:]][name] = lp.addRow(
          .atLeast, most ? 0 : Double(demand))
      }
    }
    /// The row a tenant's served or allotted instances of a profile take
    /// from: its own when split among classes, else its class's.
    func demandRow(_ t: Int, _ name: String) -> Int? {
      isSplit[t]
        ? tenantRows[t]?[name] : classOf[t].flatMap { coverage[$0][name] }
    }
    let capacityRow = pools.map { lp.addRow(.atMost, Double($0.capacity)) }
    var nodeRow: [Int: Int] = [:]
    var linkRow: [Int: [Int: Int]] = [:]
    let dedicated = classes.indices.filter { classes[$0].isDedicated }
    if !dedicated.isEmpty {
      for (π, pool) in pools.enumerated() where pool.scope == .gpu {
        for g in pool.groups {
          nodeRow[g] = lp.addRow(
            .atMost, Double(request.fleet[g].nodeCount))
        }
        for k in dedicated {
          linkRow[k, default: [:]][π] = lp.addRow(.atMost, 0)
        }
      }
    }
    let sense: LinearProgram.Sense = most ? .atMost : .atLeast
    var wholeRow: [Int: Int] = [:]
    var computeRow: [Int: Int] = [:]
    var memoryRow: [Int: Int] = [:]
    for (t, tenant) in request.tenants.enumerated() where classOf[t] != nil {
      if tenant.wholeGPUs > 0 {
        wholeRow[t] = lp.addRow(sense, Double(tenant.wholeGPUs))
      }
      if let capacity = tenant.capacity,
        !request.capacityProfiles(t).isEmpty
      {
        if capacity.computeSlices > 0 {
          computeRow[t] = lp.addRow(sense, Double(capacity.computeSlices))
        }
        if capacity.memoryGiB > 0 {
          memoryRow[t] = lp.addRow(sense, capacity.memoryGiB)
        }
      }
    }

    // Pattern columns.
    var patterns: [[LayoutPatterns?]] = []
    for (k, tenantClass) in classes.enumerated() {
      var perPool: [LayoutPatterns?] = []
      for (π, pool) in pools.enumerated() {
        if tenantClass.isDedicated ? pool.scope == .group : pool.scope == .node
        {
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
          let need = tenantClass.upTo[$0.name] ?? 0
          return pool.scope == .gpu
            ? need : (need + pool.multiplier - 1) / pool.multiplier
        }
        let set = Self.patternSet(
          choice, model: pool.model, profiles: profiles, caps: caps,
          rules: request.rules, cache: cache)
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
          if tenantClass.isDedicated && pool.scope == .gpu {
            entries.append((linkRow[k]![π]!, 1))
            cost = 0
          } else {
            entries.append((capacityRow[π], 1))
            cost = multiplier * gpuCost(pool)
          }
          add(
            .gpus(tenantClass: k, pool: π, pattern: p), cost: cost, entries,
            key: Self.layoutKey(pool.model, set.profiles, counts),
            gpus: pool.multiplier)
        }
      }
      patterns.append(perPool)
    }

    // Scope-node pools: node layouts over every shared class's profiles,
    // split among the classes GPU by GPU.
    var nodeLayouts: [LayoutPatterns?] = []
    for (π, pool) in pools.enumerated() {
      guard pool.scope == .node else {
        nodeLayouts.append(nil)
        continue
      }
      let shared = classes.indices.filter { !classes[$0].isDedicated }
      var caps: [String: Int] = [:]
      for k in shared {
        for (name, count) in classes[k].upTo { caps[name, default: 0] += count }
      }
      let profiles = pool.model.availableProfiles(under: request.rules)
        .filter { caps[$0.name] != nil }
      let set =
        profiles.isEmpty
        ? LayoutPatterns(model: pool.model, profiles: [], fixed: [])
        : Self.patternSet(
          choice, model: pool.model, profiles: profiles,
          caps: profiles.map { caps[$0.name] ?? 0 }, rules: request.rules,
          cache: cache)
      nodeLayouts.append(set)
      let perNode = Double(pool.multiplier)
      for (l, counts) in set.counts.enumerated() {
        let link = lp.addRow(.atMost, 0)
        add(
          .layoutNodes(pool: π, layout: l),
          cost: perNode * gpuCost(pool),
          [(capacityRow[π], 1), (link, -perNode)],
          key: Self.layoutKey(pool.model, set.profiles, counts),
          gpus: pool.multiplier)
        for k in shared {
          var entries: [(row: Int, value: Double)] = []
          for (i, profile) in set.profiles.enumerated() where counts[i] > 0 {
            if let row = coverage[k][profile.name] {
              entries.append((row, Double(counts[i])))
            }
          }
          guard !entries.isEmpty else { continue }
          entries.append((link, 1))
          add(.gpus(tenantClass: k, pool: π, pattern: l), cost: 0, entries)
        }
      }
      // Nodes with MIG disabled, for shared tenants' whole GPUs.
      let wholeTenants = request.tenants.indices.filter { t in
        wholeRow[t] != nil && request.tenants[t].acceptsWhole(pool.model)
          && classOf[t].map { !classes[$0].isDedicated } == true
      }
      if !wholeTenants.isEmpty {
        // GPUs of such nodes are independent: each whole GPU costs one
        // GPU, the node itself nothing.
        let link = lp.addRow(.atMost, 0)
        add(
          .layoutNodes(pool: π, layout: set.counts.count), cost: 0,
          [(capacityRow[π], 1), (link, -perNode)])
        for t in wholeTenants {
          let slices = Double(pool.model.computeSliceCount)
          add(
            .whole(tenant: t, pool: π), cost: gpuCost(pool),
            [(wholeRow[t]!, 1), (link, 1)],
            value: request.tenants[t].weight * slices * (most ? 1 : 0))
        }
      }
    }

    // Node columns of dedicated classes.
    for k in dedicated {
      for (π, pool) in pools.enumerated() where pool.scope == .gpu {
        for g in pool.groups {
          let perNode = Double(request.fleet[g].gpusPerNode)
          add(
            .nodes(tenantClass: k, group: g), cost: perNode * gpuCost(pool),
            [
              (nodeRow[g]!, 1), (linkRow[k]![π]!, -perNode),
              (capacityRow[π], perNode),
            ])
        }
      }
    }

    // Whole GPUs outside scope-node pools' shared nodes.
    for (t, tenant) in request.tenants.enumerated() {
      guard let row = wholeRow[t], let k = classOf[t] else { continue }
      let isDedicated = classes[k].isDedicated
      for (π, pool) in pools.enumerated()
      where tenant.acceptsWhole(pool.model) {
        let gpus = Double(pool.multiplier)
        let value =
          most ? tenant.weight * Double(pool.model.computeSliceCount) : 0
        switch (pool.scope, isDedicated) {
        case (.gpu, false), (.group, false), (.node, true):
          add(
            .whole(tenant: t, pool: π), cost: gpus * gpuCost(pool),
            [(row, gpus), (capacityRow[π], 1)], value: value * gpus)
        case (.gpu, true):
          add(
            .whole(tenant: t, pool: π), cost: 0,
            [(row, 1), (linkRow[k]![π]!, 1)], value: value)
        case (.group, true), (.node, false):
          continue
        }
      }
    }

    // Served columns for the most-demand objective.
    var integral = true
    if most {
      for (t, tenant) in request.tenants.enumerated() where classOf[t] != nil {
        for name in tenant.instances.keys.sorted() {
          let demand = tenant.instances[name] ?? 0
          guard demand > 0, let source = demandRow(t, name) else { continue }
          let value =
            tenant.weight * Double(Self.computeSlices(of: name, in: request))
          let row = lp.addRow(.atMost, Double(demand))
          add(
            .served(tenant: t, profile: name), cost: 0,
            [(source, -1), (row, 1)], integer: false, value: value)
        }
      }
    }
    // Instances given to capacity demands.
    for (t, tenant) in request.tenants.enumerated() {
      for name in request.capacityProfiles(t) {
        guard let coverageRow = demandRow(t, name) else { continue }
        let slices = Double(Self.computeSlices(of: name, in: request))
        var entries: [(row: Int, value: Double)] = [(coverageRow, -1)]
        if let row = computeRow[t] { entries.append((row, slices)) }
        if let row = memoryRow[t] {
          entries.append((row, Self.memoryGiB(of: name, in: request)))
        }
        add(
          .allotted(tenant: t, profile: name), cost: 0, entries,
          value: most ? tenant.weight * slices : 0)
      }
    }
    // A split tenant's instances from each of its classes.
    for t in request.tenants.indices where isSplit[t] {
      for (name, row) in (tenantRows[t] ?? [:]).sorted(by: { $0.key < $1.key })
      {
        for k in memberships[t] {
          guard let source = coverage[k][name] else { continue }
          add(
            .given(tenant: t, tenantClass: k, profile: name), cost: 0,
            [(source, -1), (row, 1)])
        }
      }
    }
    if most {
      integral = served.allSatisfy { $0.rounded() == $0 }
    }
    if objective == .lowestCost {
      integral = pools.allSatisfy { $0.unitCost.rounded() == $0.unitCost }
    }

    // The distinct-layout limit: a binary per layout, linked to the
    // columns that lay GPUs out with it.
    var keys: [String] = []
    if let limit = request.maxDistinctLayouts {
      keys = Array(Set(keyOf.values)).sorted()
      let units = Double(pools.reduce(0) { $0 + $1.capacity })
      let limitRow = lp.addRow(.atMost, Double(limit))
      var keyRow: [String: Int] = [:]
      for key in keys { keyRow[key] = lp.addRow(.atMost, 0) }
      for j in keyOf.keys.sorted() {
        lp.columns[j].entries.append((keyRow[keyOf[j]!]!, 1))
      }
      for (i, key) in keys.enumerated() {
        add(
          .layoutUsed(key: i), cost: 0, [(keyRow[key]!, -units), (limitRow, 1)])
      }
    }

    self.patterns = patterns
    self.nodeLayouts = nodeLayouts
    columnLayouts = layoutOf
    self.variables = variables
    servedValues = served
    layoutKeys = keys
    coverageRows = coverage
    capacityRows = capacityRow
    variableIndex = Dictionary(
      uniqueKeysWithValues: variables.enumerated().map { ($1, $0) })
    program = IntegerProgram(
      lp: lp, isInteger: isInteger, hasIntegralObjective: integral)
  }

  /// The patterns a build may use on one model.
  static func patternSet(
    _ choice: PatternChoice, model: GPUModel, profiles: [MIGProfile],
    caps: [Int], rules: MIGRules, cache: PatternCache
  ) -> LayoutPatterns {
    switch choice {
    case .all:
      return cache.patterns(
        model: model, profiles: profiles, caps: caps, rules: rules)
    case .balanced:
      let config = try? NamedMIGConfig.resolve(
        "all-balanced", for: model, rules: rules)
      let row = profiles.map { config?.mix.count(of: $0.name) ?? 0 }
      return LayoutPatterns(
        model: model, profiles: profiles, fixed: config == nil ? [] : [row])
    case .singleProfile:
      let rows = profiles.indices.map { i in
        profiles.indices.map { j in
          j == i
            ? (profiles[i].hasMediaExtensions ? 1 : profiles[i].maxCount)
            : 0
        }
      }
      return LayoutPatterns(model: model, profiles: profiles, fixed: rows)
    }
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

  /// The GiB of memory of a profile name: the least over the fleet's
  /// models that offer it under the request's driver, so that a capacity
  /// demand is met on any of them.
  static func memoryGiB(of name: String, in request: PlanRequest) -> Double {
    var least = Double.infinity
    for group in request.fleet {
      if let profile = group.model.availableProfiles(under: request.rules)
        .first(where: { $0.name == name })
      {
        least = min(least, profile.memoryGiB)
      }
    }
    return least.isFinite ? least : 0
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
    zip(x, servedValues).reduce(0) { $0 + $1.0 * $1.1 }
  }

  /// Whether every variable's served value is whole, so the served weight
  /// is.
  var isIntegralServedWeight: Bool {
    servedValues.allSatisfy { $0.rounded() == $0 }
  }

  /// Drops the cost of GPUs, leaving only served demand in the objective.
  mutating func zeroGPUCosts() {
    for j in variables.indices {
      program.lp.columns[j].cost = -servedScale * servedValues[j]
    }
  }
}
