/// The integer program of a replan: the plan's coverage rows and pattern
/// columns, with the costs moved from the patterns to what a replan
/// changes (docs/planner.md, "Minimal-change replan").
///
/// Columns added to the plan's, all integral:
/// - `kept(k, π, m)`: GPUs of pool π that keep mix m and serve shared
///   class k (GPU positions of a same-config group), cost 0;
/// - `changed(t, m)`: GPUs of node type t holding mix m that are laid out
///   anew for shared classes, cost of 1 GPU and |m| instances per node
///   the unit stands for;
/// - `drained(t)`: units of type t drained for shared classes, cost 1
///   node per node of the unit;
/// - `keptNode(k, t)`: nodes of type t kept whole for dedicated class k,
///   cost 0;
/// - `given(k, t)`: nodes of type t drained and given whole to dedicated
///   class k, cost 1 node;
/// - `keptOnGiven(k, t, m)`, `changedOnGiven(k, t, m)`: GPUs of mix m on
///   those nodes that keep their mix for k, or are laid out anew (cost
///   as `changed`).
struct ReplanProgram: Sendable {
  /// What one unit of a column adds to each figure.
  struct Figures: Sendable, Hashable {
    var gpus = 0
    var instances = 0
    var nodes = 0

    static let zero = Figures()

    /// The figure of one objective.
    subscript(_ figure: ReplanObjective) -> Int {
      switch figure {
      case .gpus: gpus
      case .instances: instances
      case .nodes: nodes
      }
    }
  }

  enum Column: Sendable, Hashable {
    case kept(tenantClass: Int, pool: Int, mix: Int)
    case changed(type: Int, mix: Int)
    case drained(type: Int)
    case keptNode(tenantClass: Int, type: Int)
    case given(tenantClass: Int, type: Int)
    case keptOnGiven(tenantClass: Int, type: Int, mix: Int)
    case changedOnGiven(tenantClass: Int, type: Int, mix: Int)
  }

  /// The whole program: the plan's variables first, then `columns`.
  var program: IntegerProgram
  /// The replan's columns, after the plan's variables.
  var columns: [Column]
  /// What one unit of each replan column adds to the figures.
  var figures: [Figures]
  /// The first replan column's position.
  var firstColumn: Int
  /// The weight of each figure in the objective.
  var weights: [ReplanObjective: Int]
  /// The node types held in service (more compute slices than the drain
  /// limit).
  var heldTypes: Set<Int> = []

  /// Builds the program.
  ///
  /// - Parameters:
  ///   - model: the plan's program for the new demand.
  ///   - fleet: today's layouts.
  ///   - minimize: the figure to minimize first.
  ///   - drainLimit: the most compute slices in service a drained node
  ///     may hold now (a node with more is never drained).
  /// - Complexity: O(T × M × K) columns and rows for T node types, M
  ///   mixes per pool and K classes.
  init(
    model: PlanModel, fleet: ReplanFleet, minimize: ReplanObjective,
    drainLimit: Int = .max
  ) {
    var program = model.program
    let classes = model.classes
    let largest: [ReplanObjective: Int] = [
      .gpus: fleet.totalGPUs, .instances: fleet.totalInstances,
      .nodes: fleet.nodeNames.count,
    ]
    let weights = minimize.weights(largest: largest)
    var figures: [Figures] = []

    // The plan's costs give way to the replan's. Whole-node columns of
    // dedicated classes are held at 0 (given nodes replace them); their
    // link rows, where dedicated patterns take GPUs, are kept.
    var linkRow: [[Int: Int]] = Array(repeating: [:], count: classes.count)
    let zeroRow = program.lp.addRow(.atMost, 0)
    for (j, variable) in model.variables.enumerated() {
      program.lp.columns[j].cost = 0
      if case .nodes(let k, let g) = variable {
        if let π = model.pools.firstIndex(where: { $0.groups.contains(g) }),
          let link = program.lp.columns[j].entries.first(where: {
            $0.value < 0
          })
        {
          linkRow[k][π] = link.row
        }
        program.lp.columns[j].entries = [(zeroRow, 1)]
      }
    }
    // Shared patterns need changed GPUs of their pool.
    var patternRow: [Int: Int] = [:]
    for π in model.pools.indices {
      patternRow[π] = program.lp.addRow(.atMost, 0)
    }
    for (j, variable) in model.variables.enumerated() {
      if case .gpus(let k, let π, _) = variable, !classes[k].isDedicated {
        program.lp.columns[j].entries.append((patternRow[π]!, 1))
      }
    }

    // Nodes holding more compute slices than `drainLimit` are held in
    // service.
    let heldRow = program.lp.addRow(.atMost, 0)
    var heldTypes = Set<Int>()
    var columns: [Column] = []
    let firstColumn = program.lp.columns.count
    func add(_ column: Column, cost: Figures, _ entries: [(Int, Double)]) {
      let weighted =
        ReplanObjective.allCases.reduce(0) {
          $0 + cost[$1] * (weights[$1] ?? 0)
        }
      program.lp.addColumn(
        cost: Double(weighted),
        entries: entries.map { (row: $0.0, value: $0.1) })
      program.isInteger.append(true)
      columns.append(column)
      figures.append(cost)
    }
    /// Coverage entries of `units` GPUs of mix `m` kept for class k.
    func coverage(_ k: Int, _ counts: [String: Int], times: Int)
      -> [(Int, Double)]
    {
      counts.keys.sorted().compactMap { name in
        guard let row = model.coverageRow(k, name) else { return nil }
        let served = min(
          times * (counts[name] ?? 0), classes[k].demand[name] ?? 0)
        return served > 0 ? (row, Double(served)) : nil
      }
    }

    // Mix rows: kept and changed GPUs of a mix, and the GPUs of nodes
    // given to dedicated classes, within the GPUs that hold it.
    var mixRow: [[Int]] = []
    for (π, list) in fleet.mixes.enumerated() {
      let slots = list.indices.map { m in
        fleet.types.filter { $0.pool == π }.reduce(0) {
          $0 + $1.units * $1.gpuCount(of: m)
        }
      }
      mixRow.append(slots.map { program.lp.addRow(.atMost, Double($0)) })
    }
    let dedicated = classes.indices.filter { classes[$0].isDedicated }
    for (π, list) in fleet.mixes.enumerated() {
      for (m, counts) in list.enumerated() where !counts.isEmpty {
        for k in classes.indices where !classes[k].isDedicated {
          let uniform = model.pools[π].isUniform
          let entries = coverage(
            k, counts,
            times: uniform ? model.pools[π].multiplier : 1)
          guard !entries.isEmpty else { continue }
          add(
            .kept(tenantClass: k, pool: π, mix: m), cost: .zero,
            entries + [(mixRow[π][m], 1)])
        }
      }
    }
    for (t, type) in fleet.types.enumerated() {
      let π = type.pool
      let mixIDs = Set(type.gpuMixes).sorted()
      let typeRow = program.lp.addRow(.atMost, Double(type.units))
      let per = type.nodesPerUnit
      let nodeSlices = type.gpuMixes.reduce(0) {
        $0 + Planner.computeSlices(fleet.mixes[π][$1], on: model.pools[π].model)
      }
      let isHeld = nodeSlices > drainLimit && !type.isPooled
      if isHeld { heldTypes.insert(t) }
      add(
        .drained(type: t),
        cost: Figures(nodes: per),
        [(typeRow, 1)]
          + (isHeld ? [(heldRow, 1)] : []))
      let drainedColumn = firstColumn + columns.count - 1
      for m in mixIDs {
        let held = Double(type.gpuCount(of: m))
        let row = program.lp.addRow(.atMost, 0)
        program.lp.columns[drainedColumn].entries.append((row, -held))
        let instances = ReplanFleet.instanceCount(fleet.mixes[π][m])
        add(
          .changed(type: t, mix: m),
          cost: Figures(gpus: per, instances: per * instances, nodes: 0),
          [(row, 1), (mixRow[π][m], 1), (patternRow[π]!, -1)])
      }
      guard !type.isUniform && !type.isPooled else { continue }
      for k in dedicated {
        guard let link = linkRow[k][π] else { continue }
        let all = mixIDs.map { (mixRow[π][$0], Double(type.gpuCount(of: $0))) }
        var whole: [String: Int] = [:]
        for m in type.gpuMixes {
          for (name, count) in fleet.mixes[π][m] {
            whole[name, default: 0] += count
          }
        }
        let wholeCoverage = coverage(k, whole, times: 1)
        if !wholeCoverage.isEmpty {
          add(
            .keptNode(tenantClass: k, type: t), cost: .zero,
            wholeCoverage + all + [(typeRow, 1)])
        }
        add(
          .given(tenantClass: k, type: t),
          cost: Figures(nodes: 1),
          all + [(typeRow, 1)]
            + (isHeld ? [(heldRow, 1)] : [])
        )
        let givenColumn = firstColumn + columns.count - 1
        for m in mixIDs {
          let row = program.lp.addRow(.atMost, 0)
          program.lp.columns[givenColumn].entries.append(
            (row, -Double(type.gpuCount(of: m))))
          let counts = fleet.mixes[π][m]
          let kept = coverage(k, counts, times: 1)
          if !kept.isEmpty {
            add(
              .keptOnGiven(tenantClass: k, type: t, mix: m), cost: .zero,
              kept + [(row, 1)])
          }
          add(
            .changedOnGiven(tenantClass: k, type: t, mix: m),
            cost: Figures(
              gpus: 1, instances: ReplanFleet.instanceCount(counts),
              nodes: 0),
            [(row, 1), (link, -1)])
        }
      }
    }
    program.hasIntegralObjective = true
    self.program = program
    self.columns = columns
    self.heldTypes = heldTypes
    self.figures = figures
    self.firstColumn = firstColumn
    self.weights = weights
  }

  /// The program with each replan column costing its `figure` alone
  /// (the lexicographic weights set aside): its optimum is the least
  /// value of that figure, and since the objective is integral, its
  /// bound is the LP bound rounded up.
  ///
  /// - Complexity: O(columns).
  func program(costing figure: ReplanObjective) -> IntegerProgram {
    var alone = program
    for (i, figures) in figures.enumerated() {
      alone.lp.columns[firstColumn + i].cost = Double(figures[figure])
    }
    return alone
  }

  /// Adds the row `figure ≤ limit` to the weighted program.
  ///
  /// - Complexity: O(columns).
  mutating func limit(_ figure: ReplanObjective, atMost limit: Int) {
    let row = program.lp.addRow(.atMost, Double(limit))
    for (i, figures) in figures.enumerated() where figures[figure] > 0 {
      program.lp.columns[firstColumn + i].entries.append(
        (row, Double(figures[figure])))
    }
  }

  /// The value of a figure in a solution, as the program counts it.
  func value(of figure: ReplanObjective, in x: [Double]) -> Int {
    figures.indices.reduce(0) {
      $0 + Int(x[firstColumn + $1].rounded()) * figures[$1][figure]
    }
  }

  /// The count a solution gives each replan column.
  func counts(_ x: [Double]) -> [Column: Int] {
    var result: [Column: Int] = [:]
    for (i, column) in columns.enumerated() {
      let value = Int(x[firstColumn + i].rounded())
      if value > 0 { result[column] = value }
    }
    return result
  }
}
