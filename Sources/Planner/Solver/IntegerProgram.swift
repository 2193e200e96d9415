import Foundation

/// An integer program: a `LinearProgram` some of whose variables must take
/// whole values, solved by LP-based branch and bound.
struct IntegerProgram: Sendable {
  var lp: LinearProgram
  /// Whether each variable must be integral.
  var isInteger: [Bool]
  /// Whether every feasible objective value is a whole number (integral
  /// costs on integral variables, zero on the others), so a node whose LP
  /// value is v can be pruned against ⌈v⌉.
  var hasIntegralObjective: Bool

  /// The result of `solve`.
  struct Result: Sendable {
    /// The best solution found, or `nil` if none was.
    var x: [Double]?
    /// Its objective value (`.infinity` without a solution).
    var value: Double
    /// A proven lower bound on the optimum.
    var bound: Double
    /// Whether the search finished (then `value` is optimal, or no
    /// solution exists when `x` is `nil`).
    var isComplete: Bool
    /// Branch-and-bound nodes whose LP was solved.
    var nodes: Int
  }

  /// A bound on one variable, added as a row on a branch.
  private struct Branch {
    var variable: Int
    var isUpper: Bool
    var value: Double
  }

  /// Solves by depth-first branch and bound on the most fractional
  /// variable, rounding up each node's LP solution as a heuristic (which
  /// succeeds for covering rows).
  ///
  /// - Parameters:
  ///   - incumbent: a known feasible solution to start from, if any.
  ///   - deadline: when to stop; the result then carries the best solution
  ///     found and the smallest bound of the open nodes.
  ///   - isFeasible: checks a rounded candidate against every row.
  /// - Complexity: exponential in the worst case; each node solves an LP.
  func solve(
    incumbent: [Double]? = nil, deadline: ContinuousClock.Instant? = nil
  ) -> Result {
    let clock = ContinuousClock()
    var bestX = incumbent
    var bestValue = incumbent.map(objective) ?? .infinity
    // Each open node carries its parent's optimal basis, from which the
    // dual simplex method starts.
    var stack: [(branches: [Branch], bound: Double, basis: [Int]?)] = [
      ([], -.infinity, nil)
    ]
    var nodes = 0
    var rootBound = -Double.infinity
    var timedOut = false

    func prunes(_ value: Double) -> Bool {
      roundedBound(value) >= bestValue - 1e-9
    }

    while let node = stack.popLast() {
      if prunes(node.bound) { continue }
      if let deadline, clock.now >= deadline {
        stack.append(node)
        timedOut = true
        break
      }
      // Lower bounds shift the variable (x = l + x'), so a dive of upward
      // branches adds no rows; upper bounds become rows, the tightest per
      // variable only.
      var lower: [Int: Double] = [:]
      var upperBound: [Int: Double] = [:]
      for branch in node.branches {
        if branch.isUpper {
          upperBound[branch.variable] = min(
            upperBound[branch.variable] ?? .infinity, branch.value)
        } else {
          lower[branch.variable] = max(
            lower[branch.variable] ?? 0, branch.value)
        }
      }
      if lower.contains(where: { entry in
        (upperBound[entry.key] ?? .infinity) < entry.value
      }) {
        continue
      }
      var program = lp
      var offset = 0.0
      for (j, l) in lower {
        offset += program.columns[j].cost * l
        for entry in program.columns[j].entries {
          program.rows[entry.row].rhs -= entry.value * l
        }
      }
      // Upper-bound rows in order of each variable's first upward
      // bound, so a child's rows are its parent's plus at most one.
      var seen = Set<Int>()
      for branch in node.branches where branch.isUpper {
        guard seen.insert(branch.variable).inserted else { continue }
        let j = branch.variable
        let row = program.addRow(
          .atMost, (upperBound[j] ?? 0) - (lower[j] ?? 0))
        program.columns[j].entries.append((row, 1))
      }
      nodes += 1
      let (outcome, basis) = program.solve(
        warm: node.basis, deadline: deadline)
      if case .interrupted = outcome {
        stack.append(node)
        timedOut = true
        break
      }
      guard case .optimal(let shiftedValue, var x, _) = outcome else {
        if node.branches.isEmpty { rootBound = .infinity }
        continue
      }
      for (j, l) in lower { x[j] += l }
      let value = shiftedValue + offset
      if node.branches.isEmpty { rootBound = value }
      if prunes(value) { continue }
      // The most fractional integer variable.
      var branchOn = -1
      var distance = 1e-6
      for j in x.indices where isInteger[j] {
        let fraction = x[j] - x[j].rounded(.down)
        let away = min(fraction, 1 - fraction)
        if away > distance {
          distance = away
          branchOn = j
        }
      }
      if branchOn < 0 {
        let rounded = x.enumerated().map {
          isInteger[$0.offset] ? $0.element.rounded() : $0.element
        }
        if isFeasible(rounded) {
          let roundedValue = objective(rounded)
          if roundedValue < bestValue {
            bestValue = roundedValue
            bestX = rounded
          }
        }
        continue
      }
      // Heuristic: round every fractional integer variable up.
      let up = x.enumerated().map {
        isInteger[$0.offset] ? ($0.element - 1e-6).rounded(.up) : $0.element
      }
      if isFeasible(up) {
        let upValue = objective(up)
        if upValue < bestValue {
          bestValue = upValue
          bestX = up
        }
      }
      let down = Branch(
        variable: branchOn, isUpper: true, value: x[branchOn].rounded(.down))
      let upper = Branch(
        variable: branchOn, isUpper: false, value: x[branchOn].rounded(.up))
      // Depth first, the upward branch first: for covering rows it reaches
      // a feasible solution soonest.
      stack.append((node.branches + [down], value, basis))
      stack.append((node.branches + [upper], value, basis))
    }

    var bound: Double
    if timedOut {
      bound = stack.map(\.bound).min() ?? bestValue
      bound = min(max(bound, rootBound), bestValue)
    } else {
      bound = bestX == nil ? .infinity : bestValue
    }
    if bound.isFinite {
      bound = min(roundedBound(bound), max(bound, bestValue))
    }
    return Result(
      x: bestX, value: bestValue, bound: bound, isComplete: !timedOut,
      nodes: nodes)
  }

  /// The smallest objective value a solution can have when the LP says
  /// `value`: with an integral objective, the next multiple of the
  /// greatest common divisor of the costs.
  func roundedBound(_ value: Double) -> Double {
    guard hasIntegralObjective, value.isFinite else { return value }
    let step = Double(objectiveStep)
    return ((value - 1e-6) / step).rounded(.up) * step
  }

  /// The greatest common divisor of the integral costs (1 if there are
  /// none or the objective is not integral).
  var objectiveStep: Int {
    guard hasIntegralObjective else { return 1 }
    var divisor = 0
    for (j, column) in lp.columns.enumerated() where column.cost != 0 {
      guard isInteger[j] else { return 1 }
      var a = abs(Int(column.cost.rounded()))
      var b = divisor
      while b != 0 { (a, b) = (b, a % b) }
      divisor = a
    }
    return max(1, divisor)
  }

  /// The objective value of `x`.
  func objective(_ x: [Double]) -> Double {
    zip(lp.columns, x).reduce(0) { $0 + $1.0.cost * $1.1 }
  }

  /// Whether `x` satisfies every row within a small tolerance.
  func isFeasible(_ x: [Double]) -> Bool {
    var activity = Array(repeating: 0.0, count: lp.rows.count)
    for (j, column) in lp.columns.enumerated() where x[j] != 0 {
      if x[j] < -1e-9 { return false }
      for entry in column.entries {
        activity[entry.row] += entry.value * x[j]
      }
    }
    for (i, row) in lp.rows.enumerated() {
      switch row.sense {
      case .atLeast: if activity[i] < row.rhs - 1e-6 { return false }
      case .atMost: if activity[i] > row.rhs + 1e-6 { return false }
      case .equal: if abs(activity[i] - row.rhs) > 1e-6 { return false }
      }
    }
    return true
  }
}
