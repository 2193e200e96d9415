extension ComparisonTable {
  /// The rows a table marks as best in `metric`: those whose mean,
  /// rounded to the metric's decimals, equals the best rounded mean, so
  /// that two cells that read the same are marked alike. None when fewer
  /// than two rows have the metric, or when they all tie: then no row is
  /// better than another.
  ///
  /// - Parameter metric: The column.
  /// - Returns: Row indices, ascending.
  /// - Complexity: O(rows).
  public func markedRows(for metric: HeadlineMetric) -> [Int] {
    var scale = 1.0
    for _ in 0..<metric.decimals { scale *= 10 }
    func rounded(_ value: Double) -> Double {
      (value * scale).rounded(.toNearestOrAwayFromZero) / scale
    }
    let means = rows.map { $0.cells[metric].map { rounded($0.mean) } }
    var best: Double?
    for case let mean? in means {
      if let current = best, !metric.direction.prefers(mean, over: current) {
        continue
      }
      best = mean
    }
    guard let best else { return [] }
    let marked = means.indices.filter { means[$0] == best }
    let defined = means.compactMap { $0 }.count
    return defined < 2 || marked.count == defined ? [] : marked
  }
}
