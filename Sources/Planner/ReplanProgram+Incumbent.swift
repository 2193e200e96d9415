extension ReplanProgram {
  /// The weighted cost of one unit of a replan column.
  func weightedCost(_ figures: Figures) -> Int {
    ReplanObjective.allCases.reduce(0) {
      $0 + figures[$1] * (weights[$1] ?? 0)
    }
  }

  /// A whole solution near an LP solution, for branch and bound to start
  /// from: dedicated classes' columns rounded up (kept nodes down), kept
  /// GPUs rounded up where GPUs of their mix are left (else down), shared
  /// patterns rounded down and then added one at a time, the one that
  /// covers most of the demand still missing first; the GPUs to re-lay
  /// out for them chosen cheapest (by the weighted cost) first, and units
  /// drained as few as hold them. Nil when the result breaks a row.
  ///
  /// - Complexity: O(P × c) per pattern added, for P pattern columns of
  ///   c entries, plus O(columns × log columns).
  func incumbent(
    near x: [Double], model: PlanModel, fleet: ReplanFleet
  ) -> [Double]? {
    for keptUp in [true, false] {
      if let found = round(x, model: model, fleet: fleet, keptUp: keptUp) {
        return found
      }
    }
    return nil
  }

  private func round(
    _ x: [Double], model: PlanModel, fleet: ReplanFleet, keptUp: Bool
  ) -> [Double]? {
    func up(_ v: Double) -> Int { max(0, Int((v - 1e-6).rounded(.up))) }
    func down(_ v: Double) -> Int { max(0, Int((v + 1e-6).rounded(.down))) }
    var result = Array(repeating: 0.0, count: x.count)
    for (j, variable) in model.variables.enumerated() {
      guard case .gpus(let k, _, _) = variable else { continue }
      result[j] = Double(model.classes[k].isDedicated ? up(x[j]) : down(x[j]))
    }
    var unitsLeft = fleet.types.indices.map {
      heldTypes.contains($0) ? 0 : fleet.types[$0].units
    }
    var gpusLeft: [[Int]] = fleet.mixes.indices.map { π in
      fleet.mixes[π].indices.map { m in
        fleet.types.filter { $0.pool == π }.reduce(0) {
          $0 + $1.units * $1.gpuCount(of: m)
        }
      }
    }
    // Dedicated classes: nodes first, then their GPUs.
    var given: [Int: Int] = [:]  // (class, type) packed → nodes
    for (i, column) in columns.enumerated() {
      let j = firstColumn + i
      switch column {
      case .keptNode(let k, let t), .given(let k, let t):
        let isGiven: Bool
        if case .given = column { isGiven = true } else { isGiven = false }
        let count = isGiven ? up(x[j]) : down(x[j])
        guard count <= unitsLeft[t] else { return nil }
        unitsLeft[t] -= count
        let type = fleet.types[t]
        for m in Set(type.gpuMixes) {
          gpusLeft[type.pool][m] -= count * type.gpuCount(of: m)
        }
        if isGiven { given[k * fleet.types.count + t] = count }
        result[j] = Double(count)
      default: continue
      }
    }
    for (i, column) in columns.enumerated() {
      let j = firstColumn + i
      switch column {
      case .keptOnGiven(let k, let t, _), .changedOnGiven(let k, let t, _):
        result[j] = Double(
          min(up(x[j]), given[k * fleet.types.count + t] ?? 0))
      default: continue
      }
    }
    // Kept GPUs of shared classes.
    for (i, column) in columns.enumerated() {
      guard case .kept(_, let π, let m) = column else { continue }
      let j = firstColumn + i
      let count = min(keptUp ? up(x[j]) : down(x[j]), gpusLeft[π][m])
      gpusLeft[π][m] -= count
      result[j] = Double(count)
    }
    // Shared patterns: the LP's rounded down, then whichever covers the
    // most of what is still missing, one GPU at a time.
    var activity = Array(repeating: 0.0, count: program.lp.rows.count)
    for (j, column) in program.lp.columns.enumerated() where result[j] != 0 {
      for entry in column.entries {
        activity[entry.row] += entry.value * result[j]
      }
    }
    for (k, rows) in model.coverageRows.enumerated()
    where !model.classes[k].isDedicated {
      let options = model.variables.indices.filter {
        if case .gpus(k, _, _) = model.variables[$0] { true } else { false }
      }
      while true {
        var best: (gain: Double, j: Int)? = nil
        for j in options {
          var gain = 0.0
          for entry in program.lp.columns[j].entries
          where rows.values.contains(entry.row) {
            let missing = program.lp.rows[entry.row].rhs - activity[entry.row]
            gain += min(entry.value, max(0, missing))
          }
          if gain > (best?.gain ?? 1e-9) { best = (gain, j) }
        }
        guard let best else { break }
        result[best.j] += 1
        for entry in program.lp.columns[best.j].entries {
          activity[entry.row] += entry.value
        }
      }
    }
    var patterns = Array(repeating: 0, count: model.pools.count)
    for (j, variable) in model.variables.enumerated() {
      if case .gpus(let k, let π, _) = variable, !model.classes[k].isDedicated {
        patterns[π] += Int(result[j])
      }
    }

    // GPUs to re-lay out: cheapest first, then units to drain as few as
    // hold them; or, when nodes weigh most, unit by unit, each time the
    // unit that takes the most patterns.
    var changedColumn: [Int: Int] = [:]  // (type, mix) packed → column
    var drainedColumn: [Int: Int] = [:]
    var candidates: [(cost: Int, i: Int, t: Int, m: Int)] = []
    let mixCount = fleet.mixes.map(\.count).max() ?? 1
    for (i, column) in columns.enumerated() {
      switch column {
      case .changed(let t, let m):
        candidates.append((weightedCost(figures[i]), i, t, m))
        changedColumn[t * mixCount + m] = i
      case .drained(let t): drainedColumn[t] = i
      default: continue
      }
    }
    candidates.sort { ($0.cost, $0.t, $0.m) < ($1.cost, $1.t, $1.m) }
    var changed = Array(repeating: [Int: Int](), count: fleet.types.count)
    var units = Array(repeating: 0, count: fleet.types.count)
    let nodesFirst = weights.allSatisfy { $0.value <= (weights[.nodes] ?? 0) }
    if nodesFirst {
      while patterns.contains(where: { $0 > 0 }) {
        var best: (gain: Int, t: Int)? = nil
        for (t, type) in fleet.types.enumerated()
        where patterns[type.pool] > 0 && units[t] < unitsLeft[t] {
          let room = Set(type.gpuMixes).reduce(0) {
            $0 + min(type.gpuCount(of: $1), gpusLeft[type.pool][$1])
          }
          let gain = min(patterns[type.pool], room)
          if gain > (best?.gain ?? 0) { best = (gain, t) }
        }
        guard let best else { return nil }
        units[best.t] += 1
        let type = fleet.types[best.t]
        for candidate in candidates where candidate.t == best.t {
          let take = min(
            patterns[type.pool], type.gpuCount(of: candidate.m),
            gpusLeft[type.pool][candidate.m])
          guard take > 0 else { continue }
          patterns[type.pool] -= take
          gpusLeft[type.pool][candidate.m] -= take
          changed[best.t][candidate.m, default: 0] += take
        }
      }
    } else {
      for candidate in candidates {
        let type = fleet.types[candidate.t]
        let π = type.pool
        let held = type.gpuCount(of: candidate.m)
        let count = min(
          patterns[π], held * unitsLeft[candidate.t],
          gpusLeft[π][candidate.m])
        guard count > 0 else { continue }
        patterns[π] -= count
        gpusLeft[π][candidate.m] -= count
        changed[candidate.t][candidate.m] = count
        units[candidate.t] = max(
          units[candidate.t], (count + held - 1) / held)
      }
      guard patterns.allSatisfy({ $0 == 0 }) else { return nil }
    }
    for t in fleet.types.indices {
      for (m, count) in changed[t] {
        if let i = changedColumn[t * mixCount + m] {
          result[firstColumn + i] = Double(count)
        }
      }
      if let i = drainedColumn[t] {
        result[firstColumn + i] = Double(units[t])
      }
    }
    return program.isFeasible(result) ? result : nil
  }
}
