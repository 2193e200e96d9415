import MIGGeometry

extension Planner {
  /// What a replan's searches found, laid out.
  struct ReplanSearch: Sendable {
    /// Every node of the fleet with its new layouts.
    var nodes: [PlannedNode]
    /// A proven lower bound on the minimized figure (over replans of the
    /// program's form).
    var bound: Int
    /// Whether both searches finished.
    var isComplete: Bool
    /// Columns of the tie-breaking program.
    var columns: Int
    /// LP solves of both searches.
    var lpSolves: Int
  }

  /// The two searches of a replan (docs/planner.md, "Solving"): the
  /// minimized figure alone, then the ties with that figure held at its
  /// best, and the layouts of the better solution.
  ///
  /// - Parameters:
  ///   - request: the replanning question.
  ///   - model: the plan's program for the new demand.
  ///   - fleet: today's layouts.
  ///   - nowSlices: each node's compute slices in service now.
  ///   - floorSlices: the floor in compute slices.
  ///   - started: when the replan started.
  ///   - deadline: when the searches stop.
  /// - Throws: `PlanError.doesNotFit` when no replan serves the demand or
  ///   none is found in time.
  /// - Complexity: exponential in the worst case, bounded by `deadline`
  ///   (an LP solve under way runs past it).
  static func searchReplan(
    _ request: ReplanRequest, model: PlanModel, fleet: ReplanFleet,
    nowSlices: [Int], floorSlices: Int, started: ContinuousClock.Instant,
    deadline: ContinuousClock.Instant
  ) throws(PlanError) -> ReplanSearch {
    let clock = ContinuousClock()
    let base = request.plan
    let classes = model.classes
    let total = nowSlices.reduce(0, +)
    // First the minimized figure alone: its objective is integral, so the
    // LP bound rounds up and proves a fraction of a node or GPU away.
    // GPUs and instances do not count nodes, so without dedicated
    // classes the first program pools each pool's node types into one
    // (`ReplanFleet.pooled`), which has the same optimum and fewer rows.
    // Then the weighted program over node types, that figure held at its
    // best, breaks the ties; the first solution stands if the second
    // finds none in the time left.
    // A node holding more compute slices than today's total less the
    // floor can never be drained first; such nodes are held in service,
    // unless no replan is found without them.
    let heavy = Set(
      nowSlices.indices.filter { nowSlices[$0] > total - floorSlices })
    var pooled =
      request.minimize != .nodes && !classes.contains(where: \.isDedicated)
    var drainLimit = total - floorSlices
    var firstFleet = pooled ? fleet.pooled(apart: heavy) : fleet
    var first = ReplanProgram(
      model: model, fleet: firstFleet, minimize: request.minimize,
      drainLimit: drainLimit)
    var firstResult = solveReplan(
      first.program(costing: request.minimize), built: first, model: model,
      fleet: firstFleet, deadline: deadline)
    if firstResult.x == nil && firstResult.isComplete {
      drainLimit = .max
      firstFleet = pooled ? fleet.pooled(apart: []) : fleet
      first = ReplanProgram(
        model: model, fleet: firstFleet, minimize: request.minimize)
      firstResult = solveReplan(
        first.program(costing: request.minimize), built: first,
        model: model, fleet: firstFleet, deadline: deadline)
    }
    // Nodes first over node types may find no replan in its time; then
    // the fewest GPUs over pooled types gives one, and the nodes bound
    // found stands.
    var pooledRescue = false
    if firstResult.x == nil && !firstResult.isComplete
      && request.minimize == .nodes && !classes.contains(where: \.isDedicated)
    {
      firstFleet = fleet.pooled(apart: drainLimit == .max ? [] : heavy)
      first = ReplanProgram(
        model: model, fleet: firstFleet, minimize: .gpus,
        drainLimit: drainLimit)
      let rescue = solveReplan(
        first.program(costing: .gpus), built: first, model: model,
        fleet: firstFleet, deadline: clock.now + (deadline - started) / 4)
      if rescue.x != nil {
        pooledRescue = true
        firstResult.x = rescue.x
        firstResult.nodes += rescue.nodes
      }
    }
    guard let firstX = firstResult.x else {
      if firstResult.isComplete { throw explainInfeasible(base, classes) }
      throw .doesNotFit(
        "no replan was found within the time limit of "
          + "\(base.timeLimitSeconds) s; give more time")
    }
    pooled = pooled || pooledRescue
    let best = first.value(of: request.minimize, in: firstX)
    let firstBound = Int(max(0, (firstResult.bound - 1e-6).rounded(.up)))

    // The ties: over the pooled types when the first search used them
    // (so nodes break no tie there), else over node types.
    let tieFleet = pooled ? firstFleet : fleet
    var built =
      pooledRescue
      ? first
      : ReplanProgram(
        model: model, fleet: tieFleet, minimize: request.minimize,
        drainLimit: drainLimit)
    if !pooledRescue { built.limit(request.minimize, atMost: best) }
    let tieResult =
      !pooledRescue && clock.now < deadline
      ? solveReplan(
        built.program, built: built, model: model, fleet: tieFleet,
        incumbent: firstX, deadline: deadline)
      : IntegerProgram.Result(
        x: nil, value: .infinity, bound: -.infinity, isComplete: false,
        nodes: 0)
    let nodes: [PlannedNode]
    var tiesComplete = false
    if let tieX = tieResult.x,
      built.program.objective(tieX) <= built.program.objective(firstX) + 1e-6
    {
      nodes = try materializeReplan(model, tieFleet, built, solution: tieX)
      tiesComplete = tieResult.isComplete
    } else {
      nodes = try materializeReplan(
        model, firstFleet, first, solution: firstX)
    }

    return ReplanSearch(
      nodes: nodes, bound: firstBound,
      isComplete: firstResult.isComplete && tiesComplete,
      columns: built.program.lp.columns.count,
      lpSolves: firstResult.nodes + tieResult.nodes)
  }
}

extension Planner {
  /// Solves a replan program: its LP, a rounded incumbent near the LP
  /// solution (`ReplanProgram.incumbent`) or the one given, then branch
  /// and bound from the better of them until the bound meets it or the
  /// deadline passes; without either incumbent, as `solve` does.
  ///
  /// - Complexity: exponential in the worst case, bounded by `deadline`.
  static func solveReplan(
    _ program: IntegerProgram, built: ReplanProgram, model: PlanModel,
    fleet: ReplanFleet, incumbent known: [Double]? = nil,
    deadline: ContinuousClock.Instant
  ) -> IntegerProgram.Result {
    let root = program.lp.solve(deadline: deadline)
    if case .interrupted = root {
      // Out of time in the root LP: the incumbent given, if any, and no
      // bound.
      let given = known.flatMap { program.isFeasible($0) ? $0 : nil }
      return .init(
        x: given, value: given.map(program.objective) ?? .infinity,
        bound: -.infinity, isComplete: false, nodes: 1)
    }
    guard case .optimal(let lpValue, let x, _) = root else {
      return .init(
        x: nil, value: .infinity, bound: .infinity, isComplete: true,
        nodes: 1)
    }
    let lpBound = program.roundedBound(lpValue)
    var start = known.flatMap { program.isFeasible($0) ? $0 : nil }
    if let near = built.incumbent(near: x, model: model, fleet: fleet),
      program.objective(near)
        < (start.map(program.objective) ?? .infinity) - 1e-9
    {
      start = near
    }
    guard let start else { return solve(program, deadline: deadline) }
    if program.objective(start) <= lpBound + 1e-6 {
      return .init(
        x: start, value: program.objective(start), bound: lpBound,
        isComplete: true, nodes: 1)
    }
    // The plan's solver rounds the LP differently (down, then the small
    // rest solved exactly); its answer competes with the greedy one.
    let other =
      ContinuousClock.now < deadline
      ? solve(program, deadline: deadline)
      : IntegerProgram.Result(
        x: nil, value: .infinity, bound: -.infinity, isComplete: false,
        nodes: 0)
    if let otherX = other.x,
      other.isComplete || program.objective(otherX) <= program.objective(start)
    {
      return other
    }
    var result = program.solve(incumbent: start, deadline: deadline)
    result.nodes += 1
    result.bound = max(result.bound, lpBound)
    if let value = result.x.map(program.objective) {
      result.bound = min(result.bound, value)
    }
    return result
  }
}
