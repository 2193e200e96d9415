import Testing

@testable import Reports

@Suite struct HTMLChartTests {
  @Test func niceStepsAreOneTwoOrFiveTimesAPowerOfTen() {
    #expect(LinearScale.niceStep(0.13) == 0.1)
    #expect(LinearScale.niceStep(3) == 2)
    #expect(LinearScale.niceStep(4) == 5)
    #expect(LinearScale.niceStep(7.5) == 10)
    #expect(LinearScale.niceStep(20) == 20)
    #expect(LinearScale.niceStep(0.001) == 0.001)
  }

  @Test func ticksCoverTheNiceDomain() {
    let scale = LinearScale(domain: (0, 93), range: (0, 500)).nice()
    #expect(scale.domain.lower == 0 && scale.domain.upper == 100)
    let ticks = scale.ticks()
    #expect(ticks.values == [0, 20, 40, 60, 80, 100])
    #expect(scale(50) == 250)
    let flat = LinearScale(domain: (3, 3), range: (0, 10))
    #expect(flat.domain.lower == 2 && flat.domain.upper == 4)
  }

  @Test func tickDecimalsShowTheStep() {
    #expect(LinearScale.decimals(forStep: 5) == 0)
    #expect(LinearScale.decimals(forStep: 0.2) == 1)
    #expect(LinearScale.decimals(forStep: 0.05) == 2)
  }

  @Test func paretoFrontKeepsUndominatedPoints() {
    let chart = ScatterChart(
      title: "t", xLabel: "x", yLabel: "y",
      points: [
        .init(label: "a", x: 1, y: 5), .init(label: "b", x: 2, y: 4),
        .init(label: "c", x: 1.5, y: 3), .init(label: "d", x: 3, y: 1),
        .init(label: "e", x: 3, y: 0.5),
      ])
    #expect(chart.paretoFront == [0, 1, 3])
  }

  @Test func paretoFrontPrefersSmallYWhenLowerIsBetter() {
    // Exposure against allocation: more allocation and less exposure win.
    let chart = ScatterChart(
      title: "t", xLabel: "x", yLabel: "y",
      points: [
        .init(label: "a", x: 1, y: 5), .init(label: "b", x: 2, y: 4),
        .init(label: "c", x: 1.5, y: 3), .init(label: "d", x: 3, y: 6),
        .init(label: "e", x: 1, y: 2),
      ], lowerYIsBetter: true)
    #expect(chart.paretoFront == [4, 2, 1, 3])
  }

  @Test func coincidentPointsShareOneMarkAndOneLabel() {
    let chart = ScatterChart(
      title: "t", xLabel: "x", yLabel: "y",
      points: [
        .init(label: "a", x: 24.78, y: 0.95), .init(label: "b", x: 24.78,
          y: 0.95), .init(label: "c", x: 30, y: 0.5),
      ], yDomain: 0...1)
    let svg = chart.svg(id: "s")
    #expect(svg.components(separatedBy: "<circle").count - 1 == 2)
    #expect(svg.contains(">a ★</text>") && svg.contains(">b ★</text>"))
    #expect(svg.contains("<title>a ★, b ★: 24.78, 0.950</title>"))
  }

  @Test func identicalLinesMergeUnderAllTheirNames() {
    let merged = HTMLReport.mergingIdentical([
      .init(name: "a", points: [(0, 1), (1, 2)]),
      .init(name: "b", points: [(0, 1), (1, 3)]),
      .init(name: "c", points: [(0, 1), (1, 2)]),
    ])
    #expect(merged.map(\.name) == ["a = c", "b"])
  }

  @Test func longBoxPlotNamesBreakIntoTwoLines() {
    #expect(BoxPlotChart.lines(of: "spread", width: 110) == ["spread"])
    #expect(
      BoxPlotChart.lines(of: "best-fit @ agents=exclusive", width: 110)
        == ["best-fit", "@ agents=exclusive"])
    #expect(
      BoxPlotChart.lines(of: "a very long group name", width: 60)
        == ["a very long", "group name"])
  }

  @Test func boxPlotAxisEndsAtTheLargestWhisker() {
    // 100 values 1...100 and one of 10,000: p95 is 95 (nearest rank of
    // 101), so the axis stops at 100, not 10,000.
    let chart = BoxPlotChart(
      title: "w", valueLabel: "s",
      groups: [.init(name: "a", values: (1...100).map(Double.init) + [1e4])])
    let svg = chart.svg(id: "w")
    #expect(svg.contains(">100</text>"))
    #expect(!svg.contains(">10000</text>"))
  }

  @Test func paletteIsStableAndSequentialRunsLightToDark() {
    #expect(Palette.color(0) == "#0072B2")
    #expect(Palette.color(8) == Palette.color(0))
    #expect(Palette.sequential(0) == "#f7fbff")
    #expect(Palette.sequential(1) == "#08306b")
    #expect(Palette.sequential(2) == Palette.sequential(1))
  }

  @Test func boxPlotShowsNoDataForEmptyGroups() {
    let chart = BoxPlotChart(
      title: "w", valueLabel: "s",
      groups: [.init(name: "a", values: [1, 2, 3]),
        .init(name: "b", values: [])])
    let svg = chart.svg(id: "w")
    #expect(svg.contains(">no data</text>"))
    #expect(svg.contains("a: n = 3"))
  }

  @Test func heatMapCellsCarryTheirValues() {
    let map = HeatMap(
      title: "h", labels: ["x", "y"], values: [[nil, 0.25], [0.25, nil]],
      legend: "l")
    let svg = map.svg(id: "h")
    #expect(svg.contains(">0.25</text>"))
    #expect(svg.contains("<title>x / y: 0.250</title>"))
  }
}
