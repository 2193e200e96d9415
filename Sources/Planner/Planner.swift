import Foundation
import MIGGeometry

/// Why a request cannot be planned.
public enum PlanError: Error, Sendable, Hashable, CustomStringConvertible {
  /// A tenant asks for a profile that cannot be served, and why.
  case unservable(tenant: String, profile: String, reason: String)
  /// The demand does not fit the fleet.
  case doesNotFit(String)
  /// The request itself is inconsistent.
  case invalidRequest(String)

  /// The error for a person.
  public var description: String {
    switch self {
    case .unservable(let tenant, let profile, let reason):
      return "tenant '\(tenant)' cannot be served \(profile): \(reason)"
    case .doesNotFit(let reason):
      return "the demand does not fit the fleet: \(reason)"
    case .invalidRequest(let reason):
      return reason
    }
  }
}

/// Plans MIG layouts: the fewest GPUs (or lowest cost) that serve every
/// tenant's instances, or the most weighted demand a fixed fleet serves,
/// with every tenant's isolation kept. See docs/planner.md.
public enum Planner {
  /// Plans a request.
  ///
  /// - Parameter request: the fleet, the demand and the rules.
  /// - Returns: the plan with its bound, gap and baselines.
  /// - Throws: `PlanError` naming the profile that cannot be served, or
  ///   saying why the demand does not fit.
  /// - Complexity: exponential in the worst case (branch and bound),
  ///   bounded by `timeLimitSeconds`; each LP pivot is O(m³ + nnz) for m
  ///   rows; materializing is O(GPUs).
  public static func plan(_ request: PlanRequest) throws(PlanError) -> Plan {
    let clock = ContinuousClock()
    let started = clock.now
    let deadline =
      started
      + .milliseconds(
        Int64(max(0.001, request.timeLimitSeconds) * 1000))
    try check(request)
    let cache = PatternCache()
    let classes = request.cliqueClasses()
    let relaxed = request.boundClasses()
    // Cliques that overlap share tenants, so they are not independent.
    let overlapping =
      classes.reduce(0) { $0 + $1.members.count } > request.tenants.count
    var branchNodes = 0

    // Solve the plan's classes: each alone first; if together they fit the
    // fleet, the sum of the class optima is optimal for the classes.
    let full = PlanModel(request: request, classes: classes, cache: cache)
    var solution: [Double]
    var bound: Double
    var complete: Bool
    var combined: [Double]? = nil
    var classBound = 0.0
    var classesComplete = true
    var relaxationBound = -Double.infinity
    if request.objective != .mostWeightedDemand && classes.count > 1
      && !request.classesShareCapacity && !overlapping
    {
      let byClass = try solveClassByClass(
        full, cache: cache, deadline: deadline, infeasible: relaxed)
      branchNodes += byClass.nodes
      combined = byClass.x
      classBound = byClass.bound
      classesComplete = byClass.isComplete
    } else if request.objective != .mostWeightedDemand
      && request.classesShareCapacity
    {
      // One config per node and a layout limit only remove plans: the
      // same request without them, solved class by class in a third of
      // the time, bounds this one.
      var looser = request
      looser.maxDistinctLayouts = nil
      for g in looser.fleet.indices where looser.fleet[g].configScope == .node {
        looser.fleet[g].configScope = .gpu
      }
      if !looser.classesShareCapacity && !overlapping && classes.count > 1 {
        let model = PlanModel(request: looser, classes: classes, cache: cache)
        let byClass = try? solveClassByClass(
          model, cache: cache, deadline: clock.now + (deadline - clock.now) / 3,
          infeasible: relaxed)
        relaxationBound = byClass?.bound ?? -.infinity
        branchNodes += byClass?.nodes ?? 0
      }
    }
    if let combined {
      solution = combined
      bound = classBound
      complete = classesComplete
    } else {
      // Under a layout limit, a first plan from solving without it.
      var start: (x: [Double]?, bound: Double) = (nil, -.infinity)
      if request.maxDistinctLayouts != nil {
        start = layoutLimitIncumbent(
          full, cache: cache, deadline: clock.now + (deadline - clock.now) / 2)
      }
      var result = solve(full.program, deadline: deadline, incumbent: start.x)
      if let value = result.x.map(full.program.objective) {
        result.bound = min(value, max(result.bound, start.bound))
      }
      branchNodes += result.nodes
      guard let x = result.x else {
        if result.isComplete { throw explainInfeasible(request, relaxed) }
        throw .doesNotFit(
          "no plan was found within the time limit of "
            + "\(request.timeLimitSeconds) s; give more time")
      }
      solution = x
      bound = result.bound
      complete = result.isComplete
    }

    // The figures: value and a bound that holds for the request itself
    // (the cliques model the isolation exactly).
    let value = full.program.objective(solution)
    let reportedValue: Double
    var reportedBound: Double
    if request.objective == .mostWeightedDemand {
      reportedValue = full.servedWeight(solution)
      var served = PlanModel(request: request, classes: classes, cache: cache)
      served.zeroGPUCosts()
      if case .optimal(let lpValue, _, _) = served.program.lp.solve() {
        reportedBound = -lpValue / served.servedScale
      } else {
        reportedBound = reportedValue
      }
      if complete { reportedBound = reportedValue }
      reportedBound = max(reportedBound, reportedValue)
      if full.isIntegralServedWeight {
        reportedBound = (reportedBound + 1e-6).rounded(.down)
      }
    } else {
      reportedValue = value
      let lower = max(
        combinatorialBound(request, relaxed), bound, relaxationBound)
      reportedBound = min(lower, value)
    }
    let optimal =
      request.objective == .mostWeightedDemand
      ? reportedBound <= reportedValue + 1e-6
      : reportedBound >= reportedValue - 1e-6

    let nodes = try materialize(full, solution: solution)
    var allotted: [String: [String: Int]] = [:]
    for (j, variable) in full.variables.enumerated() {
      guard case .allotted(let t, let name) = variable else { continue }
      let count = Int(solution[j].rounded())
      if count > 0 {
        allotted[request.tenants[t].name, default: [:]][name] = count
      }
    }
    let baselines = Baselines.compute(
      request, instanceDemand: Plan.instanceDemand(request, allotted),
      cache: cache)

    let elapsed = clock.now - started
    let seconds =
      Double(elapsed.components.seconds)
      + Double(elapsed.components.attoseconds) / 1e18
    return Plan(
      request: request, nodes: nodes, value: reportedValue,
      bound: reportedBound, isOptimal: optimal,
      baselines: baselines,
      statistics: PlanStatistics(
        patterns: full.variables.count {
          if case .gpus = $0 { true } else { false }
        },
        classes: classes.count, branchNodes: branchNodes, seconds: seconds),
      allotted: allotted)
  }

  // MARK: - Solving

  /// Solves each class of `full` alone (half of an even share of the time
  /// left each, then the classes not yet proven share the rest) and puts
  /// the solutions together.
  ///
  /// - Returns: the combined solution when it fits every capacity row
  ///   (then optimal for the classes if every class is proven), the sum
  ///   of the classes' bounds (a lower bound, since classes never share
  ///   a GPU), whether every class was proven, and the LP solves.
  /// - Throws: `explainInfeasible(_, infeasible)` when a class alone has
  ///   no solution.
  static func solveClassByClass(
    _ full: PlanModel, cache: PatternCache,
    deadline: ContinuousClock.Instant, infeasible: [TenantClass]
  ) throws(PlanError)
    -> (x: [Double]?, bound: Double, isComplete: Bool, nodes: Int)
  {
    let request = full.request
    let classes = full.classes
    let clock = ContinuousClock()
    var nodes = 0
    var singles: [PlanModel] = []
    var results: [IntegerProgram.Result] = []
    for k in classes.indices {
      let single = PlanModel(
        request: request, classes: [classes[k]], cache: cache)
      let share = (deadline - clock.now) / (2 * (classes.count - k))
      let result = solve(single.program, deadline: clock.now + share)
      nodes += result.nodes
      if result.x == nil && result.isComplete {
        throw explainInfeasible(request, infeasible)
      }
      singles.append(single)
      results.append(result)
    }
    let open = classes.indices.filter { !results[$0].isComplete }
    for (n, k) in open.enumerated() {
      let share = (deadline - clock.now) / (open.count - n)
      var again = singles[k].program.solve(
        incumbent: results[k].x, deadline: clock.now + share)
      nodes += again.nodes
      if again.x == nil { again.x = results[k].x }
      again.bound = max(again.bound, results[k].bound)
      if let value = again.x.map(singles[k].program.objective) {
        again.bound = min(again.bound, value)
      }
      results[k] = again
    }
    var x = Array(repeating: 0.0, count: full.variables.count)
    var failed = false
    for k in classes.indices {
      guard let sx = results[k].x else {
        failed = true
        continue
      }
      for (j, variable) in singles[k].variables.enumerated() where sx[j] != 0 {
        guard let target = full.index(of: relabel(variable, to: k)) else {
          continue
        }
        x[target] = sx[j]
      }
    }
    let fits = !failed && full.program.isFeasible(x)
    return (
      fits ? x : nil, results.reduce(0) { $0 + $1.bound },
      results.allSatisfy(\.isComplete), nodes
    )
  }

  /// LP first; when it is fractional, the floor of the LP solution plus
  /// an exact solution of the small residual problem as the first
  /// incumbent; then branch and bound until the bound meets it.
  static func solve(
    _ program: IntegerProgram, deadline: ContinuousClock.Instant,
    incumbent start: [Double]? = nil
  ) -> IntegerProgram.Result {
    guard case .optimal(let lpValue, let x, _) = program.lp.solve() else {
      return .init(
        x: nil, value: .infinity, bound: .infinity, isComplete: true,
        nodes: 1)
    }
    let lpBound = program.roundedBound(lpValue)
    let fractional = x.indices.contains { j in
      program.isInteger[j] && abs(x[j] - x[j].rounded()) > 1e-6
    }
    if !fractional {
      let rounded = x.indices.map {
        program.isInteger[$0] ? x[$0].rounded() : x[$0]
      }
      if program.isFeasible(rounded) {
        return .init(
          x: rounded, value: program.objective(rounded), bound: lpBound,
          isComplete: true, nodes: 1)
      }
    }
    // Incumbents: the LP solution rounded up (feasible for covering rows
    // when capacity allows), then the LP solution rounded down less r
    // (r = 0, 1, 2) with the small residual problem solved exactly.
    var incumbent: [Double]? = nil
    var incumbentValue = Double.infinity
    func consider(_ candidate: [Double]) {
      guard program.isFeasible(candidate) else { return }
      let value = program.objective(candidate)
      if value < incumbentValue - 1e-9 {
        incumbent = candidate
        incumbentValue = value
      }
    }
    if let start { consider(start) }
    consider(
      x.indices.map {
        program.isInteger[$0] ? (x[$0] - 1e-6).rounded(.up) : x[$0]
      })
    let clock = ContinuousClock()
    let budget = deadline - clock.now
    var nodes = 1
    for reduction in [0.0, 1, 2] where incumbentValue > lpBound + 1e-6 {
      var floorX = x.indices.map {
        program.isInteger[$0]
          ? max(0, (x[$0] + 1e-6).rounded(.down) - reduction) : 0
      }
      var residual = program
      var activity = Array(repeating: 0.0, count: program.lp.rows.count)
      for (j, column) in program.lp.columns.enumerated() where floorX[j] != 0 {
        for entry in column.entries {
          activity[entry.row] += entry.value * floorX[j]
        }
      }
      for i in residual.lp.rows.indices {
        residual.lp.rows[i].rhs -= activity[i]
        if residual.lp.rows[i].sense == .atLeast {
          residual.lp.rows[i].rhs = max(0, residual.lp.rows[i].rhs)
        }
      }
      let part = residual.solve(
        incumbent: nil, deadline: min(deadline, clock.now + budget / 6))
      nodes += part.nodes
      if let partX = part.x {
        for j in floorX.indices { floorX[j] += partX[j] }
        consider(floorX)
      }
    }
    if let incumbent, incumbentValue <= lpBound + 1e-6 {
      return .init(
        x: incumbent, value: incumbentValue, bound: lpBound,
        isComplete: true, nodes: nodes)
    }
    var result = program.solve(incumbent: incumbent, deadline: deadline)
    nodes += result.nodes
    result.nodes = nodes
    result.bound = max(result.bound, lpBound)
    if let value = result.x.map(program.objective) {
      result.bound = min(result.bound, value)
    }
    return result
  }

  /// The variable of a one-class model renamed for class `k`.
  static func relabel(_ variable: PlanModel.Variable, to k: Int)
    -> PlanModel.Variable
  {
    switch variable {
    case .gpus(_, let pool, let pattern):
      return .gpus(tenantClass: k, pool: pool, pattern: pattern)
    case .nodes(_, let group): return .nodes(tenantClass: k, group: group)
    case .served, .whole, .allotted, .layoutNodes, .layoutUsed:
      return variable
    case .given(let tenant, _, let profile):
      return .given(tenant: tenant, tenantClass: k, profile: profile)
    }
  }

  // MARK: - Checks and bounds

  /// Refuses a demand for a profile no fleet model has, naming the
  /// models and their profiles; and a profile whose instances alone need
  /// more GPUs than the fleet's models with it hold.
  static func check(_ request: PlanRequest) throws(PlanError) {
    var names = Set<String>()
    for tenant in request.tenants {
      if !names.insert(tenant.name).inserted {
        throw .invalidRequest("tenant '\(tenant.name)' is listed twice")
      }
    }
    for tenant in request.tenants {
      if case .onlyWith(let list) = tenant.isolation {
        for other in list where !names.contains(other) {
          throw .invalidRequest(
            "tenant '\(tenant.name)' may share only with '\(other)', "
              + "which is not a tenant")
        }
      }
    }
    for tenant in request.tenants {
      for name in tenant.instances.keys.sorted()
      where (tenant.instances[name] ?? 0) > 0 {
        let groups = request.fleet.filter { group in
          group.model.availableProfiles(under: request.rules)
            .contains { $0.name == name }
            && !(tenant.isolation == .dedicatedNodes
              && group.sameConfigOnEveryNode)
        }
        if groups.isEmpty {
          let models = Array(Set(request.fleet.map(\.model.name))).sorted()
          var reason =
            "no GPU model of the fleet ("
            + models.joined(separator: ", ") + ") offers it"
          if request.fleet.contains(where: { group in
            group.model.profiles.contains { $0.name == name }
          }) {
            reason =
              "the fleet's models with it need a newer driver than "
              + "R\(request.rules.driverRelease)"
          } else if tenant.isolation == .dedicatedNodes,
            request.fleet.contains(where: { group in
              group.model.profiles.contains { $0.name == name }
            })
          {
            reason = "dedicated nodes cannot come from a same-config group"
          }
          let near = request.fleet.flatMap { $0.model.profiles.map(\.name) }
            .filter { $0.hasPrefix(String(name.prefix(2))) }
          if !near.isEmpty {
            reason +=
              "; the fleet's models offer "
              + Array(Set(near)).sorted().joined(separator: ", ")
          }
          throw .unservable(tenant: tenant.name, profile: name, reason: reason)
        }
      }
    }
    try checkCapacityAndWhole(request)
    // One profile alone: instances / max per GPU against the GPUs of
    // models that have it.
    var total: [String: Int] = [:]
    for tenant in request.tenants {
      for (name, count) in tenant.instances { total[name, default: 0] += count }
    }
    for name in total.keys.sorted() {
      let demand = total[name] ?? 0
      var capacity = 0
      for group in request.fleet {
        guard
          let profile = group.model.availableProfiles(under: request.rules)
            .first(where: { $0.name == name })
        else { continue }
        capacity +=
          group.gpuCount
          * (profile.hasMediaExtensions ? 1 : profile.maxCount)
      }
      if demand > capacity {
        let tenant = request.tenants.first {
          ($0.instances[name] ?? 0) > 0
        }!.name
        throw .unservable(
          tenant: tenant, profile: name,
          reason: "\(demand) instances are asked for in all, but the fleet "
            + "holds at most \(capacity) (its GPUs with the profile × the "
            + "most instances one GPU takes)")
      }
    }
  }

  /// Refuses capacity demands no fleet model can serve and whole GPUs of
  /// models the fleet lacks or has too few of.
  static func checkCapacityAndWhole(_ request: PlanRequest)
    throws(PlanError)
  {
    if let limit = request.maxDistinctLayouts, limit < 1 {
      throw .invalidRequest(
        "the distinct-layout limit is \(limit); it must be at least 1")
    }
    let models = Array(Set(request.fleet.map(\.model.name))).sorted()
    for tenant in request.tenants {
      if let capacity = tenant.capacity {
        if capacity.computeSlices < 0 || capacity.memoryGiB < 0 {
          throw .invalidRequest(
            "tenant '\(tenant.name)' asks for negative capacity")
        }
        if capacity.profiles.isEmpty {
          throw .invalidRequest(
            "tenant '\(tenant.name)' has a capacity demand with no "
              + "profiles allowed to serve it")
        }
        for name in capacity.profiles.sorted()
        where !request.offers(name) {
          throw .unservable(
            tenant: tenant.name, profile: name,
            reason: "no GPU model of the fleet ("
              + models.joined(
                separator: ", ") + ") offers it under driver "
              + "R\(request.rules.driverRelease)")
        }
        if tenant.isolation == .dedicatedNodes,
          !request.fleet.contains(where: { group in
            group.configScope != .group
              && capacity.profiles.contains { name in
                group.model.availableProfiles(under: request.rules)
                  .contains { $0.name == name }
              }
          })
        {
          throw .unservable(
            tenant: tenant.name,
            profile: capacity.profiles.sorted().joined(separator: ", "),
            reason: "dedicated nodes cannot come from a same-config group")
        }
      }
      if tenant.wholeGPUs < 0 {
        throw .invalidRequest("tenant '\(tenant.name)' asks for negative GPUs")
      }
      guard tenant.wholeGPUs > 0 else { continue }
      for name in tenant.wholeGPUModels
      where !request.fleet.contains(where: { $0.model.name == name }) {
        throw .unservable(
          tenant: tenant.name, profile: "whole GPUs",
          reason: "the fleet has no \(name) GPU; its models are "
            + models.joined(separator: ", "))
      }
      let usable = request.fleet.filter { group in
        tenant.acceptsWhole(group.model)
          && !(tenant.isolation == .dedicatedNodes
            && group.configScope == .group)
      }
      let have = usable.reduce(0) { $0 + $1.gpuCount }
      if have < tenant.wholeGPUs {
        throw .unservable(
          tenant: tenant.name, profile: "whole GPUs",
          reason: "\(tenant.wholeGPUs) are asked for; the fleet has \(have) "
            + "GPUs of the models allowed"
            + (tenant.isolation == .dedicatedNodes
              ? " outside same-config groups" : ""))
      }
    }
  }

  /// The error for a request whose integer program has no solution.
  static func explainInfeasible(
    _ request: PlanRequest, _ classes: [TenantClass]
  ) -> PlanError {
    let need = combinatorialBound(
      PlanRequest(
        fleet: request.fleet, tenants: request.tenants, rules: request.rules,
        objective: .fewestGPUs), classes)
    let have = request.fleet.reduce(0) { $0 + $1.gpuCount }
    var reason =
      "at least \(Int(need)) GPUs are needed with every "
      + "tenant's isolation kept; the fleet has \(have)"
    if classes.contains(where: \.isDedicated) {
      reason += " (dedicated tenants take whole nodes)"
    }
    if request.fleet.contains(where: \.sameConfigOnEveryNode) {
      reason += " (a same-config group repeats each layout on every node)"
    }
    return .doesNotFit(reason)
  }

  /// The counting bound: for each class, the most of total compute
  /// slices / 7, total memory slices / 8, instances of a profile / the
  /// most one GPU takes, and `+me` instances (one per GPU); summed over
  /// classes (classes never share a GPU) and priced at the cheapest GPU.
  static func combinatorialBound(
    _ request: PlanRequest, _ classes: [TenantClass]
  ) -> Double {
    let models = request.fleet.map(\.model)
    var total = 0.0
    for tenantClass in classes {
      var compute = 0
      var memory = 0
      var media = 0
      var perProfile = 0
      let maxCompute = max(1, models.map(\.computeSliceCount).max() ?? 1)
      let maxMemory = max(1, models.map(\.memorySliceCount).max() ?? 1)
      for t in tenantClass.members {
        compute += request.tenants[t].capacity?.computeSlices ?? 0
      }
      for (name, count) in tenantClass.demand where count > 0 {
        let offered = models.compactMap { model in
          model.availableProfiles(under: request.rules)
            .first { $0.name == name }.map { (model, $0) }
        }
        guard !offered.isEmpty else { continue }
        compute += count * offered.map(\.1.computeSlices).min()!
        memory += count * offered.map(\.1.memorySlices).min()!
        let most = offered.map {
          $0.1.hasMediaExtensions ? 1 : $0.1.maxCount
        }.max()!
        perProfile = max(perProfile, (count + most - 1) / most)
        if offered.allSatisfy({ $0.1.hasMediaExtensions }) { media += count }
      }
      var gpus =
        max(
          (compute + maxCompute - 1) / maxCompute,
          (memory + maxMemory - 1) / maxMemory, perProfile, media)
        + tenantClass.wholeGPUs
      if tenantClass.isDedicated {
        let perNode = request.fleet.filter { !$0.sameConfigOnEveryNode }
          .map(\.gpusPerNode)
        if let most = perNode.max(), let least = perNode.min() {
          gpus = (gpus + most - 1) / most * least
        }
      }
      total += Double(gpus)
    }
    let unit =
      request.objective == .lowestCost
      ? request.fleet.map(\.unitCost).min() ?? 1 : 1
    return total * unit
  }
}
