import Foundation
import MIGGeometry

/// A replanning question: the demand, the layouts the fleet has now, and
/// how much capacity must stay in service while nodes are re-laid out.
public struct ReplanRequest: Sendable {
  /// The fleet and the new demand.
  public var plan: PlanRequest
  /// The instances per profile on each GPU now, by node name
  /// (`<group>-<index>`); a node not listed has no MIG instances.
  public var current: [String: [[String: Int]]]
  /// The share (0 to 1) of today's instance compute slices that must stay
  /// in service during every step.
  public var capacityFloor: Double
  /// Seconds one node is out of service while its layout changes.
  public var reconfigurationSeconds: Int

  /// Creates a request.
  public init(
    plan: PlanRequest, current: [String: [[String: Int]]],
    capacityFloor: Double = 0.75, reconfigurationSeconds: Int = 60
  ) {
    self.plan = plan
    self.current = current
    self.capacityFloor = capacityFloor
    self.reconfigurationSeconds = reconfigurationSeconds
  }
}

/// One step of a replan: nodes drained and re-laid out together.
public struct ReplanStep: Sendable, Hashable {
  /// The nodes drained in this step.
  public var nodes: [String]
  /// Compute slices in service while they are drained.
  public var capacityDuring: Int
  /// Compute slices in service after the step.
  public var capacityAfter: Int
}

/// The answer to a replanning question.
public struct Replan: Sendable {
  /// The new layouts (as a plan: nodes, served demand, baselines).
  public var plan: Plan
  /// GPUs whose layout changes.
  public var changedGPUs: Int
  /// A proven lower bound on the GPUs that must change.
  public var changedBound: Int
  /// Nodes drained (those with a changed GPU), in step order.
  public var drainedNodes: [String]
  /// The ordered steps.
  public var steps: [ReplanStep]
  /// Compute slices in service before the first step.
  public var capacityBefore: Int
  /// The floor in compute slices.
  public var capacityFloorSlices: Int
  /// Seconds each drained node is out of service.
  public var downtimePerNodeSeconds: Int

  /// Seconds from the first drain to the end of the last step.
  public var totalSeconds: Int { steps.count * downtimePerNodeSeconds }
}

extension Planner {
  /// Finds layouts that serve the demand while changing the fewest GPUs,
  /// and orders the node drains so that the
  /// compute slices in service never drop below the floor.
  ///
  /// A GPU that keeps its layout serves one tenant class with the
  /// instances it has (the others stay idle); a changed GPU gets any
  /// valid pattern. The program: minimize the GPUs laid out anew, over
  /// kept-GPU variables (at most as many as have each current mix, cost
  /// 0) and pattern variables (cost 1). Dedicated-nodes tenants are refused: a
  /// kept GPU's node cannot be promised to them.
  ///
  /// - Throws: `PlanError` when the demand cannot be served, a tenant is
  ///   dedicated, or no order keeps the floor.
  /// - Complexity: as `plan(_:)`, plus O(N × G) per changed GPU to pick
  ///   its node, for N nodes of G GPUs.
  public static func replan(_ request: ReplanRequest) throws(PlanError)
    -> Replan
  {
    let clock = ContinuousClock()
    let started = clock.now
    let base = request.plan
    try check(base)
    if let tenant = base.tenants.first(where: {
      $0.isolation == .dedicatedNodes
    }) {
      throw .invalidRequest(
        "tenant '\(tenant.name)' has dedicated nodes, which a replan from "
          + "current layouts does not support; plan from scratch instead")
    }
    let deadline =
      started
      + .milliseconds(
        Int64(max(0.001, base.timeLimitSeconds) * 1000))
    let cache = PatternCache()
    let classes = base.planClasses()
    var fewest = base
    fewest.objective = .fewestGPUs
    // Flatten the fleet as plan() does: every GPU slot in fleet order.
    var flat = fewest
    for i in flat.fleet.indices { flat.fleet[i].sameConfigOnEveryNode = false }
    let model = PlanModel(request: flat, classes: classes, cache: cache)

    // Current mixes per pool, with their GPU slots.
    struct Slot { var node: Int; var gpu: Int }
    var nodeNames: [String] = []
    var nodeGroup: [Int] = []
    for (g, group) in flat.fleet.enumerated() {
      for n in 0..<group.nodeCount {
        nodeNames.append("\(group.name)-\(n)")
        nodeGroup.append(g)
      }
    }
    func currentCounts(_ node: Int, _ gpu: Int) -> [String: Int] {
      let list = request.current[nodeNames[node]] ?? []
      return gpu < list.count ? list[gpu].filter { $0.value > 0 } : [:]
    }
    var mixes: [[(counts: [String: Int], slots: [Slot])]] = Array(
      repeating: [], count: model.pools.count)
    for node in nodeNames.indices {
      let g = nodeGroup[node]
      guard let π = model.pools.firstIndex(where: { $0.groups.contains(g) })
      else { continue }
      for gpu in 0..<flat.fleet[g].gpusPerNode {
        let counts = currentCounts(node, gpu)
        guard !counts.isEmpty else { continue }
        if let i = mixes[π].firstIndex(where: { $0.counts == counts }) {
          mixes[π][i].slots.append(Slot(node: node, gpu: gpu))
        } else {
          mixes[π].append((counts, [Slot(node: node, gpu: gpu)]))
        }
      }
    }
    // Check the current layouts against the geometry.
    for (π, list) in mixes.enumerated() {
      let gpuModel = model.pools[π].model
      for mix in list {
        let names = mix.counts.keys.sorted().flatMap {
          Array(repeating: $0, count: mix.counts[$0] ?? 0)
        }
        if (try? gpuModel.arrangement(of: names, rules: base.rules)) == nil {
          let node = nodeNames[mix.slots[0].node]
          throw .invalidRequest(
            "the current layout of \(node) GPU \(mix.slots[0].gpu) "
              + "(\(names.joined(separator: ", "))) is not valid on "
              + gpuModel.name)
        }
      }
    }

    // The program: the plan's rows and pattern columns (cost 1 per GPU
    // laid out anew), plus kept-GPU columns of cost 0.
    var program = model.program
    var kept: [(k: Int, π: Int, mix: Int)] = []
    let capacityRows = model.capacityRows
    for (π, list) in mixes.enumerated() {
      for (m, mix) in list.enumerated() {
        let limit = program.lp.addRow(.atMost, Double(mix.slots.count))
        for (k, tenantClass) in classes.enumerated() {
          var entries: [(row: Int, value: Double)] = []
          for (name, count) in mix.counts {
            guard let row = model.coverageRow(k, name) else { continue }
            entries.append(
              (row, Double(min(count, tenantClass.demand[name] ?? 0))))
          }
          guard !entries.isEmpty else { continue }
          entries.append((limit, 1))
          entries.append((capacityRows[π], 1))
          program.lp.addColumn(cost: 0, entries: entries)
          program.isInteger.append(true)
          kept.append((k, π, m))
        }
      }
    }
    let patternCount = model.variables.count
    let result = solve(program, deadline: deadline)
    guard let x = result.x else {
      if result.isComplete { throw explainInfeasible(base, classes) }
      throw .doesNotFit(
        "no replan was found within the time limit of "
          + "\(base.timeLimitSeconds) s; give more time")
    }

    // Materialize: kept GPUs first, then changed GPUs on the nodes with
    // the most free GPUs, so fewest nodes are drained.
    var remaining = base.tenants.map(\.instances)
    var nodes: [PlannedNode] = nodeNames.indices.map { node in
      let group = flat.fleet[nodeGroup[node]]
      return PlannedNode(
        name: nodeNames[node], group: group.name, model: group.model,
        gpus: (0..<group.gpusPerNode).map {
          PlannedGPU(index: $0, instances: [])
        })
    }
    var taken = Set<[Int]>()
    var changed = Set<[Int]>()
    func layOut(
      node: Int, gpu: Int, counts: [String: Int], tenantClass k: Int?
    ) throws(PlanError) {
      let gpuModel = nodes[node].model
      let names = counts.keys.sorted().flatMap {
        Array(repeating: $0, count: counts[$0] ?? 0)
      }
      guard !names.isEmpty else { return }
      let arrangement: MIGArrangement
      do {
        arrangement = try gpuModel.arrangement(of: names, rules: base.rules)
      } catch {
        throw .invalidRequest("internal error: \(names): \(error)")
      }
      var planned: [PlannedInstance] = []
      for placement in arrangement.creationOrder {
        var owner = ""
        if let k {
          if let t = classes[k].members.first(where: {
            (remaining[$0][placement.profileName] ?? 0) > 0
          }) {
            remaining[t][placement.profileName]! -= 1
            owner = base.tenants[t].name
          }
        }
        planned.append(PlannedInstance(placement: placement, tenant: owner))
      }
      nodes[node].gpus[gpu].instances = planned
    }
    for (j, entry) in kept.enumerated() {
      let count = Int(x[patternCount + j].rounded())
      guard count > 0 else { continue }
      let mix = mixes[entry.π][entry.mix]
      var placed = 0
      for slot in mix.slots where placed < count {
        guard !taken.contains([slot.node, slot.gpu]) else { continue }
        taken.insert([slot.node, slot.gpu])
        try layOut(
          node: slot.node, gpu: slot.gpu, counts: mix.counts,
          tenantClass: entry.k)
        placed += 1
      }
    }
    for (j, variable) in model.variables.enumerated() {
      let count = Int(x[j].rounded())
      guard count > 0, case .gpus(let k, let π, let p) = variable,
        let set = model.patterns[k][π]
      else { continue }
      let pool = model.pools[π]
      for _ in 0..<count {
        // The free slot on the node with the most free slots, preferring
        // nodes already changed and GPUs without instances today.
        var best: (score: [Int], node: Int, gpu: Int)? = nil
        for node in nodes.indices where pool.groups.contains(nodeGroup[node]) {
          let free = nodes[node].gpus.indices.filter {
            !taken.contains([node, $0])
          }
          guard !free.isEmpty else { continue }
          let touched = nodes[node].gpus.indices.contains {
            changed.contains([node, $0])
          }
          let gpu = free.first { currentCounts(node, $0).isEmpty } ?? free[0]
          let score = [touched ? 1 : 0, free.count]
          if best.map({ $0.score.lexicographicallyPrecedes(score) }) ?? true {
            best = (score, node, gpu)
          }
        }
        guard let slot = best else { break }
        taken.insert([slot.node, slot.gpu])
        var counts: [String: Int] = [:]
        for (i, profile) in set.profiles.enumerated() where set.counts[p][i] > 0
        {
          counts[profile.name] = set.counts[p][i]
        }
        // Drop instances beyond the class's remaining demand.
        var trimmed: [String: Int] = [:]
        for (name, n) in counts {
          let left = classes[k].members.reduce(0) {
            $0 + (remaining[$1][name] ?? 0)
          }
          if min(n, left) > 0 { trimmed[name] = min(n, left) }
        }
        if trimmed != currentCounts(slot.node, slot.gpu) {
          changed.insert([slot.node, slot.gpu])
        }
        try layOut(
          node: slot.node, gpu: slot.gpu, counts: trimmed, tenantClass: k)
      }
    }
    // Every other GPU keeps its current layout, idle.
    for node in nodes.indices {
      for gpu in nodes[node].gpus.indices where !taken.contains([node, gpu]) {
        try layOut(
          node: node, gpu: gpu, counts: currentCounts(node, gpu),
          tenantClass: nil)
      }
    }

    // Steps: nodes that gain capacity first; as many per step as the floor
    // allows.
    func slices(_ counts: [String: Int], _ gpuModel: GPUModel) -> Int {
      counts.reduce(0) {
        $0 + $1.value * (gpuModel.profile(named: $1.key)?.computeSlices ?? 0)
      }
    }
    var before: [Int] = []
    var after: [Int] = []
    for node in nodes.indices {
      let gpuModel = nodes[node].model
      before.append(
        nodes[node].gpus.indices.reduce(0) {
          $0 + slices(currentCounts(node, $1), gpuModel)
        })
      after.append(
        nodes[node].gpus.reduce(0) { $0 + slices($1.profileCounts, gpuModel) })
    }
    let drained = nodes.indices.filter { node in
      nodes[node].gpus.indices.contains { changed.contains([node, $0]) }
    }.sorted { (after[$0] - before[$0], -$0) > (after[$1] - before[$1], -$1) }
    let total = before.reduce(0, +)
    let floor = Int((Double(total) * request.capacityFloor).rounded(.up))
    var inService = total
    var steps: [ReplanStep] = []
    var batch: [Int] = []
    func flush() {
      guard !batch.isEmpty else { return }
      let during = inService - batch.reduce(0) { $0 + before[$1] }
      inService += batch.reduce(0) { $0 + after[$1] - before[$1] }
      steps.append(
        ReplanStep(
          nodes: batch.map { nodeNames[$0] }, capacityDuring: during,
          capacityAfter: inService))
      batch = []
    }
    for node in drained {
      if inService - before[node] < floor {
        throw .doesNotFit(
          "draining \(nodeNames[node]) (\(before[node]) compute slices in "
            + "service) would drop capacity to \(inService - before[node]), "
            + "below the floor of \(floor) (\(Int(request.capacityFloor * 100)) % "
            + "of \(total)); lower the floor")
      }
      let drainedNow = batch.reduce(0) { $0 + before[$1] } + before[node]
      if inService - drainedNow < floor { flush() }
      batch.append(node)
    }
    flush()

    let elapsed = clock.now - started
    let seconds =
      Double(elapsed.components.seconds)
      + Double(elapsed.components.attoseconds) / 1e18
    var plan = Plan(
      request: fewest, nodes: nodes, value: 0, bound: 0, isOptimal: false,
      baselines: [],
      statistics: PlanStatistics(
        patterns: patternCount + kept.count, classes: classes.count,
        branchNodes: result.nodes, seconds: seconds))
    plan.value = Double(plan.gpusUsed)
    plan.bound = Double(plan.gpusUsed)
    let changedBound = max(0, Int((result.bound - 1e-6).rounded(.up)))
    plan.isOptimal = result.isComplete
    return Replan(
      plan: plan, changedGPUs: changed.count,
      changedBound: min(changedBound, changed.count),
      drainedNodes: steps.flatMap(\.nodes), steps: steps,
      capacityBefore: total, capacityFloorSlices: floor,
      downtimePerNodeSeconds: request.reconfigurationSeconds)
  }
}
