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
    var report = HTMLReport.comparison(
      title: "Comparison: \(scenario.name)",
      summary: summary(result, scenario: scenario, path: path, grid: grid),
      strategies: strategies,
      extraSections: riskSections(result)
        + (detailsTable(result).map {
          [("Incidents, worst pair and refusals", .table($0))]
        } ?? []) + [("Definitions", .note(definitions))])
    report.sections.insert(
      ("At a glance", .note(glance(table))),
      at: min(1, report.sections.count))
    if let paired = pairedTable(result, grid: grid) {
      report.sections.insert(
        (
          "Difference from \(result.cells[0].label), seed by seed",
          .table(paired)
        ),
        at: min(2, report.sections.count))
      report.sections.insert(
        ("Reading the differences", .note(pairedNote)),
        at: min(3, report.sections.count))
    }
    return report
  }

  /// One sentence per trade-off metric: which rows are best and at what
  /// mean, or that every row ties.
  static func glance(_ table: ComparisonTable) -> String {
    let metrics: [(HeadlineMetric, String)] = [
      (.gpuAllocation, "Highest GPU allocation"),
      (.isolationScore, "best isolation"),
      (.exposurePerIncident, "least exposure per incident"),
      (.slowdownP95, "least noisy-neighbour slowdown (p95)"),
      (.waitP95, "shortest wait p95"),
    ]
    var parts: [String] = []
    for (metric, phrase) in metrics {
      let defined = table.rows.indices.filter {
        table.rows[$0].cells[metric] != nil
      }
      guard let first = defined.first,
        let anyMean = table.rows[first].cells[metric]?.mean
      else { continue }
      let marked = table.markedRows(for: metric)
      let unit = metric.title
      if marked.isEmpty {
        parts.append(
          "\(phrase): every row ties at "
            + "\(formatFixed(anyMean, decimals: metric.decimals)) (\(unit))")
        continue
      }
      let names = marked.map { table.rows[$0].label }.joined(separator: ", ")
      let mean = table.rows[marked[0]].cells[metric]?.mean ?? anyMean
      parts.append(
        "\(phrase): \(names) at "
          + "\(formatFixed(mean, decimals: metric.decimals)) (\(unit))")
    }
    return parts.joined(separator: "; ") + ". Means over seeds; the "
      + "charts below show what each row trades for it."
  }

  /// Per cell: expected incidents per run, the worst tenant pair of the
  /// first seed, and rejections per run by reason (means over seeds);
  /// `nil` when no cell has any of them.
  static func detailsTable(_ result: ComparisonResult) -> Table? {
    var reasons: Set<String> = []
    for cell in result.cells {
      for score in cell.scores {
        reasons.formUnion(score.waiting.rejectionsByReason.keys)
      }
    }
    let ordered = reasons.sorted()
    let hasSecurity = result.cells.contains {
      $0.scores.contains { $0.securityExposure != nil }
    }
    guard hasSecurity || !ordered.isEmpty else { return nil }
    var columns: [Table.Column] = [.init("row")]
    if hasSecurity {
      columns += [
        .init("incidents per run", rightAligned: true),
        .init("worst pair (first seed)"),
      ]
    }
    columns += ordered.map { .init("rejected: \($0)", rightAligned: true) }
    var table = Table(columns: columns)
    for cell in result.cells {
      let seeds = Double(max(cell.scores.count, 1))
      var row: [Cell] = [.text(cell.label)]
      if hasSecurity {
        let incidents = cell.scores.reduce(0.0) {
          $0 + ($1.securityExposure?.expectedIncidents ?? 0)
        }
        row.append(.number(incidents / seeds, decimals: 3))
        let tenants = cell.firstObservation.tenants.map(\.name)
        if let worst = cell.scores.first?.securityExposure?.worstPair,
          tenants.indices.contains(worst.source),
          tenants.indices.contains(worst.target)
        {
          row.append(
            .text(
              "\(tenants[worst.source]) → \(tenants[worst.target]): "
                + formatFixed(worst.seconds, decimals: 1) + " s"))
        } else {
          row.append(.text("none"))
        }
      }
      for reason in ordered {
        let total = cell.scores.reduce(0) {
          $0 + ($1.waiting.rejectionsByReason[reason] ?? 0)
        }
        row.append(.number(Double(total) / seeds, decimals: 1))
      }
      table.append(row)
    }
    return table
  }

  /// Allocation against exposure and against slowdown, when some cell
  /// defines them: the risk each cell takes for its utilization.
  static func riskSections(_ result: ComparisonResult)
    -> [(heading: String, section: HTMLReport.Section)]
  {
    func mean(_ cell: CellResult, _ metric: HeadlineMetric) -> Double? {
      let values = cell.scores.compactMap { $0.value(of: metric) }
      return values.isEmpty
        ? nil : values.reduce(0, +) / Double(values.count)
    }
    func chart(_ metric: HeadlineMetric, title: String, yLabel: String)
      -> ScatterChart?
    {
      let points = result.cells.compactMap { cell -> ScatterChart.Point? in
        guard let x = mean(cell, .gpuAllocation), let y = mean(cell, metric)
        else { return nil }
        return ScatterChart.Point(label: cell.label, x: x, y: y)
      }
      guard !points.isEmpty else { return nil }
      return ScatterChart(
        title: title, xLabel: "allocated GPUs (%)", yLabel: yLabel,
        points: points, lowerYIsBetter: true)
    }
    var sections: [(heading: String, section: HTMLReport.Section)] = []
    if let exposure = chart(
      .exposurePerIncident,
      title: "Utilization against exposure (means over seeds; lower is safer)",
      yLabel: "exposed tenant-seconds per incident")
    {
      sections.append(("Utilization against exposure", .scatter(exposure)))
    }
    if let slowdown = chart(
      .slowdownP95,
      title: "Utilization against noisy-neighbour slowdown (means over seeds)",
      yLabel: "slowdown p95 (× runtime alone)")
    {
      sections.append(("Utilization against slowdown", .scatter(slowdown)))
    }
    return sections
  }

  /// Label–value pairs describing the scenario and the runs.
  static func summary(
    _ result: ComparisonResult, scenario: Scenario, path: String,
    grid: ComparisonGrid
  ) -> [(label: String, value: String)] {
    let counts = scenario.summary
    func list(_ items: [ScenarioSummary.Count]) -> String {
      items.isEmpty
        ? "none"
        : items.map { "\($0.name) × \($0.count)" }
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
      (
        "cluster",
        "\(counts.nodeCount) nodes, \(counts.gpuCount) GPUs: "
          + list(counts.gpusByModel)
      ),
      ("pools", counts.pools.joined(separator: ", ")),
      ("MIG instances", list(counts.migInstancesByProfile)),
      ("tenants", counts.tenants.joined(separator: ", ")),
      (
        "horizon",
        formatFixed(
          Double(scenario.simulation.horizonSeconds) / 3600, decimals: 1)
          + " h per run"
      ),
      (
        "seeds",
        "\(seeds.count): "
          + seeds.prefix(12).map(String.init).joined(separator: ", ")
          + (seeds.count > 12 ? ", …" : "")
      ),
      (
        "runs",
        "\(result.cells.count) cells × \(seeds.count) seeds; "
          + "\(jobs) jobs arrived in the first seed's run, the same in "
          + "every cell"
      ),
    ]
    return items
  }

  static let pairedNote =
    "Mean ± 95% half-width over seeds of (row − first row), each seed's "
    + "two runs having seen the same arrivals; an interval that excludes 0 "
    + "is a difference the seeds agree on, even where the rows' own "
    + "intervals above overlap."

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
