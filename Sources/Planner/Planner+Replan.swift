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
  /// The figure to minimize first; the other two break ties in the
  /// order `ReplanObjective.order` gives.
  public var minimize: ReplanObjective

  /// Creates a request.
  public init(
    plan: PlanRequest, current: [String: [[String: Int]]],
    capacityFloor: Double = 0.75, reconfigurationSeconds: Int = 60,
    minimize: ReplanObjective = .gpus
  ) {
    self.plan = plan
    self.current = current
    self.capacityFloor = capacityFloor
    self.reconfigurationSeconds = reconfigurationSeconds
    self.minimize = minimize
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
  /// The figure minimized first.
  public var minimize: ReplanObjective
  /// GPUs re-laid out: GPUs whose instances per profile differ before
  /// and after (a GPU emptied or newly laid out counts).
  public var changedGPUs: Int
  /// Running instances disturbed: today's instances on the GPUs
  /// re-laid out; a GPU that keeps its layout disturbs none.
  public var disturbedInstances: Int
  /// Nodes drained (those with a GPU re-laid out), in step order.
  public var drainedNodes: [String]
  /// A proven lower bound on the minimized figure over replans of the
  /// program's form (docs/planner.md), never above its value.
  public var bound: Int
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

  /// The value of a figure of this replan.
  public func value(of figure: ReplanObjective) -> Int {
    switch figure {
    case .gpus: changedGPUs
    case .instances: disturbedInstances
    case .nodes: drainedNodes.count
    }
  }

  /// The minimized figure's value less its bound, never negative.
  public var gap: Int { max(0, value(of: minimize) - bound) }
}

extension Planner {
  /// Finds layouts that serve the demand with the fewest changes from
  /// today's (GPUs re-laid out, running instances disturbed or nodes
  /// drained, as `request.minimize` says, ties broken by the others),
  /// and orders the node drains so that the compute slices in service
  /// never drop below the floor.
  ///
  /// A GPU that keeps its layout serves one tenant class with the
  /// instances it has (the rest stay idle); a GPU laid out anew takes any
  /// pattern of the plan. A dedicated-nodes tenant gets whole nodes, kept
  /// as they are or drained and laid out for it, that no other tenant
  /// uses. A same-config group is kept or drained as one unit, each GPU
  /// position changed on every node alike, so its nodes keep one config.
  /// The program is in `ReplanProgram`; docs/planner.md defines the
  /// figures.
  ///
  /// - Throws: `PlanError` when the demand cannot be served, a current
  ///   layout is invalid, a same-config group's nodes differ today, or
  ///   no order keeps the floor.
  /// - Complexity: as `plan(_:)` over the program's columns (node types ×
  ///   mixes besides the plan's patterns), plus O(N × G × K) to lay out
  ///   N nodes of G GPUs for K tenant classes.
  public static func replan(_ request: ReplanRequest) throws(PlanError)
    -> Replan
  {
    let clock = ContinuousClock()
    let started = clock.now
    let base = request.plan
    try check(base)
    try checkReplanSupport(base)
    // The searches stop at 85 % of the time limit: an LP solve under way
    // finishes past its deadline, and laying out takes time too.
    let deadline =
      started
      + .milliseconds(Int64(max(0.001, base.timeLimitSeconds) * 850))
    var fewest = base
    fewest.objective = .fewestGPUs
    let classes = fewest.planClasses()
    let model = PlanModel(
      request: fewest, classes: classes, cache: PatternCache())
    let fleet = try ReplanFleet(current: request.current, model: model)
    // Compute slices in service now, per node.
    let nowSlices = fleet.current.indices.map { node in
      let gpuModel = base.fleet[fleet.nodeGroup[node]].model
      return fleet.current[node].reduce(0) {
        $0 + computeSlices($1, on: gpuModel)
      }
    }
    let total = nowSlices.reduce(0, +)
    let floorSlices = Int((Double(total) * request.capacityFloor).rounded(.up))

    let search = try searchReplan(
      request, model: model, fleet: fleet, nowSlices: nowSlices,
      floorSlices: floorSlices, started: started, deadline: deadline)
    let nodes = search.nodes

    // The figures, from the layouts themselves.
    var changedGPUs = 0
    var disturbed = 0
    var drained: [Int] = []
    var after: [Int] = []
    for (node, planned) in nodes.enumerated() {
      var touched = false
      for gpu in planned.gpus {
        let now = fleet.current[node][gpu.index]
        if gpu.profileCounts != now {
          changedGPUs += 1
          disturbed += ReplanFleet.instanceCount(now)
          touched = true
        }
      }
      if touched { drained.append(node) }
      after.append(
        planned.gpus.reduce(0) {
          $0 + computeSlices($1.profileCounts, on: planned.model)
        })
    }
    let (steps, _, floor) = try drainSteps(
      drained: drained, before: nowSlices, after: after,
      names: fleet.nodeNames, floorShare: request.capacityFloor)

    let elapsed = clock.now - started
    let seconds =
      Double(elapsed.components.seconds)
      + Double(elapsed.components.attoseconds) / 1e18
    var plan = Plan(
      request: fewest, nodes: nodes, value: 0, bound: 0,
      isOptimal: search.isComplete, baselines: [],
      statistics: PlanStatistics(
        patterns: search.columns, classes: classes.count,
        branchNodes: search.lpSolves, seconds: seconds))
    plan.value = Double(plan.gpusUsed)
    plan.bound = Double(plan.gpusUsed)
    var replan = Replan(
      plan: plan, minimize: request.minimize, changedGPUs: changedGPUs,
      disturbedInstances: disturbed, drainedNodes: steps.flatMap(\.nodes),
      bound: 0, steps: steps, capacityBefore: total,
      capacityFloorSlices: floor,
      downtimePerNodeSeconds: request.reconfigurationSeconds)
    replan.bound = min(search.bound, replan.value(of: request.minimize))
    return replan
  }
}

extension Planner {
  /// Refuses what a replan does not model yet, naming it: capacity
  /// demands, whole GPUs, one config per node, GPUs kept whole, and a
  /// distinct-layout limit.
  static func checkReplanSupport(_ request: PlanRequest) throws(PlanError) {
    func refuse(_ what: String) -> PlanError {
      .invalidRequest(
        "a replan from current layouts does not support \(what) yet; "
          + "plan from scratch instead")
    }
    if let tenant = request.tenants.first(where: { $0.capacity != nil }) {
      throw refuse("capacity demands (tenant '\(tenant.name)')")
    }
    if let tenant = request.tenants.first(where: { $0.wholeGPUs > 0 }) {
      throw refuse("whole GPUs (tenant '\(tenant.name)')")
    }
    if let group = request.fleet.first(where: { $0.configScope == .node }) {
      throw refuse("configPer: node (group '\(group.name)')")
    }
    if let group = request.fleet.first(where: { $0.keptWholePerNode > 0 }) {
      throw refuse("keepWhole (group '\(group.name)')")
    }
    if request.maxDistinctLayouts != nil {
      throw refuse("a limit on distinct layouts")
    }
  }
}
