import Scoring

/// One strategy (or layout) of a comparison: its scores over seeds and
/// one run to draw time series and heat maps from.
public struct StrategyResult: Sendable {
  /// The strategy or layout name.
  public var label: String
  /// One score per seed.
  public var scores: [RunScore]
  /// A representative run (for example the first seed's).
  public var observation: RunObservation

  /// Creates a result.
  ///
  /// - Parameters:
  ///   - label: The name.
  ///   - scores: The scores, one per seed; not empty.
  ///   - observation: The run drawn in time series and heat maps.
  public init(label: String, scores: [RunScore], observation: RunObservation)
  {
    precondition(!scores.isEmpty, "at least one seed")
    self.label = label
    self.scores = scores
    self.observation = observation
  }
}

extension HTMLReport {
  /// The standard comparison page: the table, allocation over time, wait
  /// distributions, a tenant exposure heat map per strategy, utilization
  /// against isolation with the Pareto front, then `extraSections` (such
  /// as trace-study curves).
  ///
  /// - Parameters:
  ///   - title: The page title.
  ///   - summary: The scenario summary.
  ///   - strategies: The strategies, in table order.
  ///   - extraSections: Sections appended at the end; none by default.
  /// - Returns: The report.
  /// - Complexity: O(strategies × (seeds + jobs log jobs + tenants²)).
  public static func comparison(
    title: String, summary: [(label: String, value: String)],
    strategies: [StrategyResult],
    extraSections: [(heading: String, section: Section)] = []
  ) -> HTMLReport {
    var sections: [(heading: String, section: Section)] = []
    sections.append((
      "Comparison",
      .comparison(ComparisonTable(
        runs: strategies.map { ($0.label, $0.scores) }))))

    sections.append((
      "Allocation over time",
      .lines(LineChart(
        title: "Allocated GPU capacity (first seed, 60 bins)",
        xLabel: "time (hours)", yLabel: "allocated GPUs (%)",
        series: mergingIdentical(strategies.map { strategy in
          let horizon = strategy.observation.horizonSeconds
          let points = strategy.scores[0].utilization
            .allocationTimeline(bins: 60, horizonSeconds: horizon)
          return LineChart.Series(
            name: strategy.label,
            points: points.map { ($0.seconds / 3600, 100 * $0.share) })
        }),
        yDomain: (0, 100), size: (960, 340)))))

    let waits = strategies.map { strategy in
      let jobs = strategy.observation.jobs
      let started = jobs.compactMap { job in
        job.startSeconds.map { Double($0 - job.arrivalSeconds) }
      }
      return (
        label: strategy.label, started: started.count,
        waited: started.filter { $0 > 0 })
    }
    let longest = waits.flatMap(\.waited).max() ?? 0
    let unit: (name: String, seconds: Double) =
      longest >= 3 * 3600 ? ("hours", 3600)
      : longest >= 600 ? ("minutes", 60) : ("seconds", 1)
    sections.append((
      "Wait-time distribution",
      .boxes(BoxPlotChart(
        title: "Waits of the jobs that waited (first seed): "
          + "p5, p25, p50, p75, p95",
        valueLabel: "wait (\(unit.name))",
        groups: waits.map { wait in
          BoxPlotChart.Group(
            name: wait.label, values: wait.waited.map { $0 / unit.seconds })
        }))))
    sections.append((
      "Who waited",
      .note(
        "Jobs that waited before their first start, of the jobs that "
          + "started (first seed): "
          + waits.map { "\($0.label) \($0.waited.count) of \($0.started)" }
          .joined(separator: "; ") + ".")))

    // Identical maps (strategies that placed tenants alike) are drawn
    // once, titled with every row they stand for.
    var maps: [(labels: [String], tenants: [String], values: [[Double?]])] =
      []
    for strategy in strategies {
      let observation = strategy.observation
      let matrix = strategy.scores[0].isolation.exposureMatrix(
        horizonSeconds: observation.horizonSeconds)
      let values: [[Double?]] = matrix.enumerated().map { row, line in
        line.enumerated().map { $0.offset == row ? nil : $0.element }
      }
      let tenants = observation.tenants.map(\.name)
      if let index = maps.firstIndex(where: {
        $0.tenants == tenants && $0.values == values
      }) {
        maps[index].labels.append(strategy.label)
      } else {
        maps.append(([strategy.label], tenants, values))
      }
    }
    sections.append((
      "Tenant exposure",
      .heatMaps(maps.map { map in
        HeatMap(
          title: map.labels.joined(separator: ", ") + " (first seed)",
          labels: map.tenants, values: map.values,
          legend: "exposure-weighted shared seconds / run length")
      })))

    sections.append((
      "Utilization against isolation",
      .scatter(ScatterChart(
        title: "Utilization against isolation (means over seeds)",
        xLabel: "allocated GPUs (%)", yLabel: "isolation score",
        points: strategies.map { strategy in
          let count = Double(strategy.scores.count)
          return ScatterChart.Point(
            label: strategy.label,
            x: strategy.scores.reduce(0) {
              $0 + 100 * $1.utilization.gpuAllocation
            } / count,
            y: strategy.scores.reduce(0) {
              $0 + $1.isolation.isolationScore
            } / count)
        },
        yDomain: 0...1))))

    return HTMLReport(
      title: title, summary: summary, sections: sections + extraSections)
  }

  /// The series with identical points merged into one, named after all
  /// of them (`a = b = c`, or `a = … (n identical)` when that is long),
  /// so that lines drawn on top of each other are not mistaken for one.
  ///
  /// - Complexity: O(series² × points).
  static func mergingIdentical(_ series: [LineChart.Series])
    -> [LineChart.Series]
  {
    var groups: [(series: LineChart.Series, names: [String])] = []
    for line in series {
      if let index = groups.firstIndex(where: {
        $0.series.xs == line.xs && $0.series.ys == line.ys
      }) {
        groups[index].names.append(line.name)
      } else {
        groups.append((line, [line.name]))
      }
    }
    return groups.map { group in
      var merged = group.series
      let joined = group.names.joined(separator: " = ")
      merged.name =
        joined.count <= 40
        ? joined : "\(group.names[0]) = … (\(group.names.count) identical)"
      return merged
    }
  }
}
