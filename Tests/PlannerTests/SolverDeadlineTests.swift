import Testing

@testable import Planner

@Suite struct SolverDeadlineTests {
  /// 30 rows x_i + x_{i+1} ≥ 1 (cyclic), cost 1 each: at least 30
  /// pivots from the artificial start, optimum 15.
  static func covering() -> LinearProgram {
    var lp = LinearProgram()
    let n = 30
    for _ in 0..<n { lp.addRow(.atLeast, 1) }
    for j in 0..<n {
      lp.addColumn(cost: 1, entries: [(j, 1), ((j + n - 1) % n, 1)])
    }
    return lp
  }

  @Test func aPassedDeadlineInterruptsTheSolve() {
    let lp = Self.covering()
    guard case .optimal(let value, _, _) = lp.solve() else {
      Issue.record("the program has an optimum")
      return
    }
    #expect(abs(value - 15) < 1e-9)
    let outcome = lp.solve(deadline: ContinuousClock.now)
    guard case .interrupted = outcome else {
      Issue.record("expected an interrupted solve, got \(outcome)")
      return
    }
    let warm = lp.solve(warm: nil, deadline: ContinuousClock.now)
    guard case .interrupted = warm.outcome else {
      Issue.record("expected an interrupted warm solve, got \(warm.outcome)")
      return
    }
  }

  @Test func aFarDeadlineChangesNothing() {
    let lp = Self.covering()
    let later = ContinuousClock.now + .seconds(60)
    guard case .optimal(let value, _, _) = lp.solve(deadline: later) else {
      Issue.record("the program has an optimum")
      return
    }
    #expect(abs(value - 15) < 1e-9)
  }
}
