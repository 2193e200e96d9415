import Scoring

extension ComparisonResult {
  /// The metrics whose paired differences a comparison shows: the
  /// trade-off between utilization, waiting, isolation and risk.
  public static let pairedMetrics: [HeadlineMetric] = [
    .gpuAllocation, .waitP95, .isolationScore, .slowdownP95,
    .exposurePerIncident,
  ]

  /// Each cell's difference from cell `baseline` in `metric`, seed by
  /// seed (common random numbers pair the runs): the mean and 95%
  /// confidence interval of value(cell, s) − value(baseline, s) over the
  /// seeds where both define the metric; `nil` where none does, and for
  /// the baseline itself.
  ///
  /// Because both runs of a pair saw the same arrivals, the interval of
  /// the difference is usually far narrower than either cell's own.
  ///
  /// - Parameters:
  ///   - metric: The metric.
  ///   - baseline: The baseline cell's index; 0 by default.
  /// - Returns: One summary per cell, in cell order.
  /// - Complexity: O(cells × seeds).
  public func pairedDifferences(
    in metric: HeadlineMetric, from baseline: Int = 0
  ) -> [SummaryStatistic?] {
    precondition(cells.indices.contains(baseline), "no such cell")
    let base = cells[baseline].scores.map { $0.value(of: metric) }
    return cells.indices.map { index in
      guard index != baseline else { return nil }
      let own = cells[index].scores.map { $0.value(of: metric) }
      let differences = zip(own, base).compactMap { pair -> Double? in
        guard let value = pair.0, let reference = pair.1 else { return nil }
        return value - reference
      }
      return SummaryStatistic(differences)
    }
  }
}
