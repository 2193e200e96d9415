import Testing

@testable import Scoring

@Suite struct SummaryTests {
  @Test func confidenceIntervalOfASmallSample() {
    // mean 2, s = 1, half-width t(2) × 1 / √3 = 4.303 / 1.7320…
    let summary = SummaryStatistic([1, 2, 3])
    #expect(summary?.mean == 2)
    #expect(close(summary?.standardDeviation, 1))
    #expect(close(summary?.halfWidth, 4.303 / 3.0.squareRoot()))
    #expect(SummaryStatistic([5])?.halfWidth == nil)
    #expect(SummaryStatistic([]) == nil)
  }

  @Test func halfWidthShrinksWithMoreSeeds() {
    // The same alternating values, more of them: s barely moves, t and
    // 1/√n fall.
    var previous = Double.infinity
    for seeds in [2, 4, 8, 16, 32, 64] {
      let values = (0..<seeds).map { $0 % 2 == 0 ? 1.0 : 3.0 }
      let width = SummaryStatistic(values)!.halfWidth!
      #expect(width < previous)
      previous = width
    }
  }

  @Test func tQuantilesComeFromTheTable() {
    #expect(StudentT.quantile975(degreesOfFreedom: 1) == 12.706)
    #expect(StudentT.quantile975(degreesOfFreedom: 9) == 2.262)
    #expect(StudentT.quantile975(degreesOfFreedom: 30) == 2.042)
    // Between rows, the row with fewer degrees of freedom.
    #expect(StudentT.quantile975(degreesOfFreedom: 39) == 2.042)
    #expect(StudentT.quantile975(degreesOfFreedom: 45) == 2.021)
    #expect(StudentT.quantile975(degreesOfFreedom: 500) == 1.980)
    #expect(StudentT.quantile975(degreesOfFreedom: 5000) == 1.960)
  }

  @Test func bestRowFollowsEachMetricsDirection() {
    func row(_ label: String, _ wait: Double, _ isolation: Double)
      -> ComparisonTable.Row
    {
      ComparisonTable.Row(label: label, cells: [
        .waitP95: SummaryStatistic([wait])!,
        .isolationScore: SummaryStatistic([isolation])!,
      ])
    }
    let table = ComparisonTable(
      metrics: [.waitP95, .isolationScore],
      rows: [row("pack", 10, 0.4), row("spread", 30, 0.9),
        row("tie", 10, 0.1)])
    #expect(table.bestRows(for: .waitP95) == [0, 2])
    #expect(table.bestRows(for: .isolationScore) == [1])
    #expect(table.bestRows(for: .jainIndex) == [])
  }

  @Test func marksFollowTheShownDecimalsAndSkipAllRowTies() {
    func row(_ isolation: Double, _ wait: Double) -> ComparisonTable.Row {
      ComparisonTable.Row(label: "r", cells: [
        .isolationScore: SummaryStatistic([isolation])!,
        .waitP95: SummaryStatistic([wait])!,
      ])
    }
    // 0.9501 and 0.9499 both read 0.950 (3 decimals): both marked, the
    // raw best alone would be row 0. Waits all read 12.0: nobody marked.
    let table = ComparisonTable(
      metrics: [.isolationScore, .waitP95],
      rows: [row(0.9501, 12.04), row(0.9499, 11.96), row(0.9, 12.0)])
    #expect(table.bestRows(for: .isolationScore) == [0])
    #expect(table.markedRows(for: .isolationScore) == [0, 1])
    #expect(table.markedRows(for: .waitP95) == [])
    #expect(table.markedRows(for: .jainIndex) == [])
    let single = ComparisonTable(metrics: [.waitP95], rows: [row(1, 5)])
    #expect(single.markedRows(for: .waitP95) == [])
  }

  @Test func runScoreFeedsTheTable() {
    let runs = (1...3 as ClosedRange<UInt64>).map { seed in
      RunScore(randomObservation(seed: seed) { _, random in
        random.nextInt(below: 6)
      })
    }
    let table = ComparisonTable(runs: [("random", runs)])
    let allocation = table.rows[0].cells[.gpuAllocation]
    #expect(allocation?.count == 3)
    let mean = runs.map { 100 * $0.utilization.gpuAllocation }
      .reduce(0, +) / 3
    #expect(close(allocation?.mean, mean))
    #expect(table.rows[0].cells[.exposurePerIncident] == nil)
  }
}
