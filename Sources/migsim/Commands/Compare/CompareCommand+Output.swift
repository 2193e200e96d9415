import ClusterModel
import Reports
import Scenarios
import Scoring
import Sweeps

extension CompareCommand {
  // MARK: - Terminal table

  /// The metrics at least one row defines, in column order.
  static func shownMetrics(_ table: ComparisonTable) -> [HeadlineMetric] {
    table.metrics.filter { metric in
      table.rows.contains { $0.cells[metric] != nil }
    }
  }

  /// `mean ± half-width`, in the metric's decimals.
  static func interval(_ cell: SummaryStatistic, _ metric: HeadlineMetric)
    -> String
  {
    var text = formatFixed(cell.mean, decimals: metric.decimals)
    if let half = cell.halfWidth {
      text += " ± " + formatFixed(half, decimals: metric.decimals)
    }
    return text
  }

  /// The terminal's column groups, so that each table fits about 100
  /// columns: capacity and waiting first, then fairness, isolation and
  /// risk.
  static let textGroups: [[HeadlineMetric]] = [
    [
      .gpuAllocation, .allocatedIdle, .fractionalFragmentation,
      .migFragmentation, .waitP95, .sloAttainment,
    ],
    [.jainIndex, .isolationScore, .slowdownP95, .exposurePerIncident],
  ]

  /// One row per cell, `mean ± half-width` per metric of `metrics` that
  /// some row defines, `*` on the best mean of each column; `nil` when
  /// no row defines any of them.
  static func outputTable(
    _ result: ComparisonResult, table: ComparisonTable,
    grid: ComparisonGrid, metrics wanted: [HeadlineMetric]
  ) -> Table? {
    let metrics = shownMetrics(table).filter(wanted.contains)
    guard !metrics.isEmpty else { return nil }
    var columns: [Table.Column] = [.init("strategy")]
    if grid.comparesLayouts { columns.append(.init("layout")) }
    for metric in metrics {
      let arrow = metric.direction == .higherIsBetter ? "↑" : "↓"
      columns.append(.init("\(metric.title) \(arrow)", rightAligned: true))
    }
    var output = Table(columns: columns)
    let best = metrics.map { Set(table.markedRows(for: $0)) }
    for (index, cell) in result.cells.enumerated() {
      var row: [Cell] = [.text(cell.strategy.rawValue)]
      if grid.comparesLayouts { row.append(.text(cell.layout.description)) }
      for (column, metric) in metrics.enumerated() {
        guard let value = table.rows[index].cells[metric] else {
          row.append(.text("–  "))
          continue
        }
        let mark = best[column].contains(index) ? " *" : "  "
        row.append(.text(interval(value, metric) + mark))
      }
      output.append(row)
    }
    return output
  }

  /// `+m ± h` of a paired difference, with its sign.
  static func signedInterval(
    _ cell: SummaryStatistic, _ metric: HeadlineMetric
  ) -> String {
    var text = formatFixed(cell.mean, decimals: metric.decimals)
    if !text.hasPrefix("-"), text.contains(where: { $0 != "0" && $0 != "." }) {
      text = "+" + text
    }
    if let half = cell.halfWidth {
      text += " ± " + formatFixed(half, decimals: metric.decimals)
    }
    return text
  }

  /// Each row's difference from the first row, seed by seed, in the
  /// trade-off metrics; `nil` with fewer than two rows or no metric.
  static func pairedTable(_ result: ComparisonResult, grid: ComparisonGrid)
    -> Table?
  {
    guard result.cells.count > 1 else { return nil }
    let differences = ComparisonResult.pairedMetrics.map {
      (metric: $0, values: result.pairedDifferences(in: $0))
    }.filter { $0.values.contains { $0 != nil } }
    guard !differences.isEmpty else { return nil }
    var columns: [Table.Column] = [.init("strategy")]
    if grid.comparesLayouts { columns.append(.init("layout")) }
    for difference in differences {
      columns.append(.init("Δ \(difference.metric.title)", rightAligned: true))
    }
    var output = Table(columns: columns)
    for (index, cell) in result.cells.enumerated() where index > 0 {
      var row: [Cell] = [.text(cell.strategy.rawValue)]
      if grid.comparesLayouts { row.append(.text(cell.layout.description)) }
      for difference in differences {
        row.append(
          .text(
            difference.values[index].map {
              signedInterval($0, difference.metric)
            } ?? "–"))
      }
      output.append(row)
    }
    return output
  }

  /// The terminal output: one table per column group, then the legend.
  static func text(
    _ result: ComparisonResult, table: ComparisonTable, grid: ComparisonGrid
  ) -> String {
    var parts = textGroups.compactMap {
      outputTable(result, table: table, grid: grid, metrics: $0)?
        .renderText()
    }
    if let paired = pairedTable(result, grid: grid) {
      parts.append(
        "difference from \(result.cells[0].label), seed by seed (the same "
          + "arrivals):\n" + paired.renderText())
    }
    return parts.joined(separator: "\n") + legend(result, table: table)
  }

  /// The lines under the terminal table: what the numbers are.
  static func legend(_ result: ComparisonResult, table: ComparisonTable)
    -> String
  {
    let seeds = result.seeds
    // A run of consecutive ascending seeds reads as a range.
    let consecutive = zip(seeds, seeds.dropFirst()).allSatisfy {
      $0 < UInt64.max && $1 == $0 + 1
    }
    let list =
      seeds.count > 1 && consecutive
      ? "\(seeds[0])-\(seeds[seeds.count - 1])"
      : seeds.map(String.init).joined(separator: ",")
    return "\nmean ± half-width of the 95% confidence interval (Student t) "
      + "over \(seeds.count) seed\(seeds.count == 1 ? "" : "s") (\(list)), "
      + "the same arrivals in every row;\n* best mean per column (none when all tie); ↑ higher "
      + "is better, ↓ lower is better; definitions: docs/compare.md\n"
  }

  // MARK: - CSV and JSON

  /// One row per cell: strategy, layout, seeds, then per headline metric
  /// its mean, 95% half-width and whether it is the column's best, then
  /// per trade-off metric the paired difference from the first row (mean
  /// and half-width, empty on the first row). Every metric has its
  /// columns, empty where no run defines it.
  static func machineTable(
    _ result: ComparisonResult, table: ComparisonTable, grid: ComparisonGrid
  ) -> Table {
    var columns: [Table.Column] = [
      .init("strategy"), .init("layout"), .init("seeds", rightAligned: true),
    ]
    for metric in table.metrics {
      let key = metric.rawValue
      columns += [
        .init("\(key)Mean", rightAligned: true),
        .init("\(key)CI95", rightAligned: true), .init("\(key)Best"),
      ]
    }
    let paired = ComparisonResult.pairedMetrics
    for metric in paired {
      columns += [
        .init("\(metric.rawValue)DiffMean", rightAligned: true),
        .init("\(metric.rawValue)DiffCI95", rightAligned: true),
      ]
    }
    var output = Table(columns: columns)
    let best = table.metrics.map { Set(table.markedRows(for: $0)) }
    let differences = paired.map { result.pairedDifferences(in: $0) }
    for (index, cell) in result.cells.enumerated() {
      var row: [Cell] = [
        .text(cell.strategy.rawValue), .text(cell.layout.description),
        .integer(cell.scores.count),
      ]
      for (column, metric) in table.metrics.enumerated() {
        guard let value = table.rows[index].cells[metric] else {
          row += [.empty, .empty, .empty]
          continue
        }
        row += [
          .number(value.mean, decimals: 4),
          value.halfWidth.map { .number($0, decimals: 4) } ?? .empty,
          .boolean(best[column].contains(index)),
        ]
      }
      for values in differences {
        let value = values[index]
        row += [
          value.map { .number($0.mean, decimals: 4) } ?? .empty,
          value?.halfWidth.map { .number($0, decimals: 4) } ?? .empty,
        ]
      }
      output.append(row)
    }
    return output
  }
}
