import ClusterModel
import Reports
import Scenarios
import Scoring
import Sweeps

extension CompareCommand {
  /// The HTML report: the scenario's summary, the comparison table,
  /// allocation over time, wait distributions, tenant exposure heat maps,
  /// utilization against isolation, then utilization against exposure.
  static func report(
    _ result: ComparisonResult, table: ComparisonTable, scenario: Scenario,
    path: String, grid: ComparisonGrid
  ) -> HTMLReport {
    let strategies = result.cells.map {
      StrategyResult(
        label: $0.label, scores: $0.scores, observation: $0.firstObservation)
    }
    return HTMLReport.comparison(
      title: "Comparison: \(scenario.name)",
      summary: summary(result, scenario: scenario, path: path, grid: grid),
      strategies: strategies,
      extraSections: [
        ("Definitions", .note(definitions))
      ])
  }

  /// Label–value pairs describing the scenario and the runs.
  static func summary(
    _ result: ComparisonResult, scenario: Scenario, path: String,
    grid: ComparisonGrid
  ) -> [(label: String, value: String)] {
    let counts = scenario.summary
    func list(_ items: [ScenarioSummary.Count]) -> String {
      items.isEmpty
        ? "none" : items.map { "\($0.name) × \($0.count)" }
          .joined(separator: ", ")
    }
    let seeds = result.seeds
    let jobs = result.cells.first?.firstObservation.jobs.count ?? 0
    var items: [(label: String, value: String)] = [
      ("scenario", "\(scenario.name) (\(path))")
    ]
    if !scenario.description.isEmpty {
      items.append(("description", scenario.description))
    }
    items += [
      ("cluster",
       "\(counts.nodeCount) nodes, \(counts.gpuCount) GPUs: "
         + list(counts.gpusByModel)),
      ("pools", counts.pools.joined(separator: ", ")),
      ("MIG instances", list(counts.migInstancesByProfile)),
      ("tenants", counts.tenants.joined(separator: ", ")),
      ("horizon",
       formatFixed(
         Double(scenario.simulation.horizonSeconds) / 3600, decimals: 1)
         + " h per run"),
      ("seeds",
       "\(seeds.count): "
         + seeds.prefix(12).map(String.init).joined(separator: ", ")
         + (seeds.count > 12 ? ", …" : "")),
      ("runs",
       "\(result.cells.count) cells × \(seeds.count) seeds; "
         + "\(jobs) jobs arrived in the first seed's run, the same in "
         + "every cell"),
    ]
    return items
  }

  static let definitions =
    "Each row ran on the same seeds, and seed s gives every row the same "
    + "arrivals (common random numbers). GPU alloc % is the time-weighted "
    + "share of GPU capacity allocated; isolation is 1 − exposure-weighted "
    + "shared time over running time (1 = no tenant ever shared a GPU, "
    + "node or reachable network); slowdown p95 is the 95th percentile of "
    + "jobs' expected runtime multiplier from neighbours; exposure is the "
    + "expected other-tenant seconds one compromised pod reaches before "
    + "detection. Formulas and hand-checked examples: docs/compare.md and "
    + "docs/metrics.md."
}
