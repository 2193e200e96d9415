import ClusterModel
import Scoring
import Simulation
import Synchronization

extension ComparisonGrid {
  /// Runs every cell on every seed, on up to `threads` threads, and
  /// scores each run. The result is the same, bit for bit, whatever the
  /// thread count: runs are pure functions of (cell, seed), and results
  /// are gathered by index, not by finishing order.
  ///
  /// - Parameters:
  ///   - threads: The most threads to use, at least 1.
  ///   - progress: Called after each run with (runs done, runs in all),
  ///     from whichever thread finished it; `nil` by default.
  /// - Returns: Per cell, one score per seed and the first seed's
  ///   observation.
  /// - Complexity: cells × seeds simulations and scorings.
  public func run(
    threads: Int,
    progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
  ) -> ComparisonResult {
    let total = cells.count * seeds.count
    let counter = ProgressCounter()
    let runs = ParallelRuns.map(count: total, threads: threads) { task in
      let outcome = runOne(
        cell: task / seeds.count, seedIndex: task % seeds.count)
      if let progress { progress(counter.increment(), total) }
      return outcome
    }
    let results = cells.indices.map { cell in
      let own = runs[(cell * seeds.count)..<((cell + 1) * seeds.count)]
      let first = own.first?.observation
      return CellResult(
        strategy: cells[cell].strategy, layout: cells[cell].layout,
        scores: own.map(\.score),
        firstObservation: first ?? Self.emptyObservation,
        label: label(ofCell: cell))
    }
    return ComparisonResult(seeds: seeds, cells: results)
  }

  /// The row label of a cell: the strategy, and the layout when the
  /// grid compares layouts (`best-fit @ all-balanced`).
  public func label(ofCell cell: Int) -> String {
    let strategy = cells[cell].strategy.rawValue
    return comparesLayouts
      ? "\(strategy) @ \(cells[cell].layout)" : strategy
  }

  /// Simulates and scores one run; keeps the observation of the first
  /// seed only.
  func runOne(cell: Int, seedIndex: Int) -> (
    score: RunScore, observation: RunObservation?
  ) {
    let scenario = cells[cell].scenario
    let observation = Self.observe(
      input(ofCell: cell, seed: seeds[seedIndex]), demand: scenario.demand,
      waitTargetSeconds: waitTargetSeconds)
    let score = RunScore(
      observation,
      coefficients: ContentionCoefficients(scenario.simulation.interference),
      security: scenario.security.map(SecurityScenario.init))
    return (score, seedIndex == 0 ? observation : nil)
  }

  /// The observation of one simulated run; a setup the simulator refuses
  /// (checked when the grid was built) gives an empty run.
  static func observe(
    _ input: SimulationInput, demand: Demand,
    waitTargetSeconds: [WorkloadKind: Int]
  ) -> RunObservation {
    guard let simulation = try? ClusterSimulation(input) else {
      return emptyObservation
    }
    return RunObservation(
      record: simulation.run(), demand: demand,
      waitTargetSeconds: waitTargetSeconds)
  }

  /// A run of one second with nothing in it.
  static let emptyObservation = RunObservation(
    horizonSeconds: 1, tenants: [], nodes: [], jobs: [], allocations: [])
}

/// Counts finished runs across threads.
private final class ProgressCounter: Sendable {
  private let done = Mutex(0)

  func increment() -> Int {
    done.withLock {
      $0 += 1
      return $0
    }
  }
}
