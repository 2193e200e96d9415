/// Headline metrics of several strategies (or layouts), each over seeds:
/// mean ± 95% confidence interval per cell, the best mean per column
/// marked.
public struct ComparisonTable: Hashable, Sendable {
  /// One strategy's summaries.
  public struct Row: Hashable, Sendable {
    /// The strategy or layout name.
    public var label: String
    /// The summary per metric; missing where no run defined the metric.
    public var cells: [HeadlineMetric: SummaryStatistic]
  }

  /// The columns, in order.
  public var metrics: [HeadlineMetric]
  /// The rows, in the order given.
  public var rows: [Row]

  /// Summarises runs per strategy.
  ///
  /// - Parameters:
  ///   - runs: Per strategy, its label and one score per seed.
  ///   - metrics: The columns; every headline metric by default.
  /// - Complexity: O(strategies × seeds × metrics).
  public init(
    runs: [(label: String, scores: [RunScore])],
    metrics: [HeadlineMetric] = HeadlineMetric.allCases
  ) {
    self.metrics = metrics
    rows = runs.map { run in
      var cells: [HeadlineMetric: SummaryStatistic] = [:]
      for metric in metrics {
        cells[metric] = SummaryStatistic(
          run.scores.compactMap { $0.value(of: metric) })
      }
      return Row(label: run.label, cells: cells)
    }
  }

  /// Summarises given values per strategy.
  ///
  /// - Parameters:
  ///   - metrics: The columns.
  ///   - rows: The rows.
  public init(metrics: [HeadlineMetric], rows: [Row]) {
    self.metrics = metrics
    self.rows = rows
  }

  /// The rows whose mean is best in `metric` (all tied rows), by the
  /// metric's direction; empty when no row has the metric.
  ///
  /// - Parameter metric: The column.
  /// - Complexity: O(rows).
  public func bestRows(for metric: HeadlineMetric) -> [Int] {
    var best: [Int] = []
    var bestMean: Double?
    for (index, row) in rows.enumerated() {
      guard let mean = row.cells[metric]?.mean else { continue }
      if let current = bestMean,
        !metric.direction.prefers(mean, over: current)
      {
        if mean == current { best.append(index) }
        continue
      }
      best = [index]
      bestMean = mean
    }
    return best
  }
}
