import Scheduling
import Scoring

/// What one cell of a comparison produced over its seeds.
public struct CellResult: Sendable {
  /// The strategy.
  public var strategy: StrategyName
  /// The layout.
  public var layout: LayoutChoice
  /// One score per seed, in seed order.
  public var scores: [RunScore]
  /// The first seed's run, drawn in time series and heat maps.
  public var firstObservation: RunObservation
  /// The row label: the strategy, and the layout when layouts differ.
  public var label: String
}

/// Every cell's results, in grid order, and the seeds they ran.
public struct ComparisonResult: Sendable {
  /// The seeds, in order.
  public var seeds: [UInt64]
  /// The cells, in grid order.
  public var cells: [CellResult]

  /// Mean and 95% confidence interval of each headline metric per cell,
  /// the best mean per column marked.
  ///
  /// - Parameter metrics: The columns; all headline metrics by default.
  /// - Complexity: O(cells × seeds × metrics).
  public func table(metrics: [HeadlineMetric] = HeadlineMetric.allCases)
    -> ComparisonTable
  {
    ComparisonTable(
      runs: cells.map { ($0.label, $0.scores) }, metrics: metrics)
  }
}
