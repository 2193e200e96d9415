import ClusterModel
import Foundation
import Scenarios
import Scheduling
import Scoring
import Simulation
import Sweeps

/// Times `migsim compare` on the shipped agents-beside-training scenario:
/// every strategy × 10 seeds, serial and on every core, and, for one run,
/// the simulation, the record-to-observation adapter and each metric.
///
/// Figures: wall seconds and runs per second serially and in parallel,
/// the speed-up, whether both gave the same scores; then milliseconds per
/// step of one run (best of three) with each step's share of the run.
func benchmarkCompare() {
  let path = "scenarios/agents-beside-training.yaml"
  print("== Compare: \(path), all strategies x 10 seeds ==")
  let scenario: Scenario
  do {
    scenario = try Scenario.load(path: path)
  } catch {
    print("cannot load \(path) (run from the package root): \(error)")
    return
  }
  let grid: ComparisonGrid
  do {
    grid = try ComparisonGrid(
      scenario: scenario, strategies: StrategyName.allCases,
      seeds: (0..<10).map { scenario.simulation.seed + UInt64($0) })
  } catch {
    print("cannot build the grid: \(error)")
    return
  }
  let runs = grid.cells.count * grid.seeds.count
  let cores = max(ProcessInfo.processInfo.activeProcessorCount, 1)
  let clock = ContinuousClock()

  var start = clock.now
  let serial = grid.run(threads: 1)
  let serialSeconds = seconds(clock.now - start)
  start = clock.now
  let parallel = grid.run(threads: cores)
  let parallelSeconds = seconds(clock.now - start)
  let same = serial.cells.map(\.scores) == parallel.cells.map(\.scores)
  print(
    "runs: \(runs) (\(grid.cells.count) cells x \(grid.seeds.count) seeds)"
      + ", horizon \(scenario.simulation.horizonSeconds / 86_400) d")
  // A speed-up needs idle cores: the load says whether there were any.
  let load =
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?
    .split(separator: " ").first.map(String.init) ?? "unknown"
  print("cores: \(cores), load average (1 min) at the end: \(load)")
  print(
    "serial (1 thread): \(shown(serialSeconds)) s, "
      + "\(shown(Double(runs) / serialSeconds)) runs/s")
  print(
    "parallel (\(cores) threads): \(shown(parallelSeconds)) s, "
      + "\(shown(Double(runs) / parallelSeconds)) runs/s, speed-up "
      + "\(shown(serialSeconds / parallelSeconds))x, same scores: \(same)")

  // One run, step by step.
  let input = grid.input(ofCell: 1, seed: grid.seeds[0])
  var record: SimulationRecord?
  let simulate = best {
    record = try? ClusterSimulation(input).run()
  }
  guard let record else {
    print("the simulation could not be set up")
    return
  }
  var observation: RunObservation?
  let adapt = best {
    observation = RunObservation(record: record, demand: scenario.demand)
  }
  guard let observation else { return }
  let coefficients = ContentionCoefficients(scenario.simulation.interference)
  let security = scenario.security.map(SecurityScenario.init)
  let metrics: [(String, () -> Void)] = [
    ("utilization", { _ = observation.utilization() }),
    ("fragmentation", { _ = observation.fragmentation() }),
    ("waiting", { _ = observation.waiting() }),
    ("fairness", { _ = observation.fairness() }),
    ("isolation", { _ = observation.isolation() }),
    (
      "noisy neighbours",
      {
        _ = observation.noisyNeighbours(coefficients: coefficients)
      }
    ),
    (
      "security exposure",
      {
        if let security { _ = observation.securityExposure(security) }
      }
    ),
  ]
  let timed = metrics.map { ($0.0, best($0.1)) }
  let scoring = timed.reduce(0) { $0 + $1.1 }
  let total = simulate + adapt + scoring
  print(
    "one run (best-fit, seed \(grid.seeds[0])): \(record.jobs.count) jobs"
      + ", \(record.intervals.count) intervals, "
      + "\(observation.allocations.count) allocations")
  func line(_ name: String, _ value: Double) {
    print(
      "  \(name): \(shown(value * 1000)) ms "
        + "(\(shown(100 * value / total)) % of the run)")
  }
  line("simulation", simulate)
  line("adapter", adapt)
  line("scoring, all metrics", scoring)
  for (name, value) in timed { line("  \(name)", value) }
}

/// The best of three timings of `body`, seconds.
private func best(_ body: () -> Void) -> Double {
  let clock = ContinuousClock()
  var fastest = Double.infinity
  for _ in 0..<3 {
    let start = clock.now
    body()
    fastest = min(fastest, seconds(clock.now - start))
  }
  return fastest
}

private func seconds(_ duration: Duration) -> Double {
  Double(duration.components.seconds)
    + Double(duration.components.attoseconds) / 1e18
}

/// Three significant decimals at most.
private func shown(_ value: Double) -> String {
  String((value * 1000).rounded() / 1000)
}
