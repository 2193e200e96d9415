import Foundation
import Scoring
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

@testable import Reports

@Suite struct HTMLReportTests {
  private func sampleReport() -> HTMLReport {
    let curve = LineChart(
      title: "Trace study: allocation against arrived workload",
      xLabel: "arrived workload (% of capacity)", yLabel: "allocation (%)",
      series: [
        .init(name: "BestFit", points: [(0, 0), (50, 49), (100, 92.9)]),
        .init(name: "FGD", points: [(0, 0), (50, 50), (100, 95.2)]),
      ],
      yDomain: (0, 100))
    return HTMLReport.comparison(
      title: "Agents beside training <test> & \"quotes\"",
      summary: [("scenario", "sample.yaml"), ("seeds", "3"),
        ("tenants", "agents, training, serving, batch <&>")],
      strategies: sampleStrategies(),
      extraSections: [("Trace study", .lines(curve))])
  }

  /// Parses `text` as XML; returns the parser's error, if any, and the
  /// element names seen.
  private func parse(_ text: String) -> (error: Error?, elements: [String]) {
    final class Collector: NSObject, XMLParserDelegate {
      var elements: [String] = []
      func parser(
        _ parser: XMLParser, didStartElement name: String,
        namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
      ) { elements.append(name) }
    }
    let parser = XMLParser(data: Data(text.utf8))
    let collector = Collector()
    parser.delegate = collector
    let parsed = parser.parse()
    return (parsed ? nil : parser.parserError, collector.elements)
  }

  @Test func reportIsWellFormedAndSelfContained() {
    let html = sampleReport().render()
    let result = parse(html)
    #expect(result.error == nil)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(!html.contains("<script"))
    #expect(!html.contains("http://") || !html.contains("src="))
    #expect(!html.contains("@import") && !html.contains("url("))
    #expect(!html.contains("<link"))
  }

  @Test func everyChartIsPresent() {
    let html = sampleReport().render()
    let elements = parse(html).elements
    #expect(elements.filter { $0 == "table" }.count == 1)
    // allocation, waits, three heat maps, scatter, trace curve
    #expect(elements.filter { $0 == "svg" }.count == 7)
    for heading in [
      "Comparison", "Allocation over time", "Wait-time distribution",
      "Tenant exposure", "Utilization against isolation",
      "Trace study",
    ] {
      #expect(html.contains("<h2>\(heading)</h2>"))
    }
    #expect(elements.filter { $0 == "polyline" }.count >= 3 + 2)
  }

  @Test func userStringsAreEscaped() {
    let html = sampleReport().render()
    #expect(html.contains(
      "<title>Agents beside training &lt;test&gt; &amp; &quot;quotes&quot;"
        + "</title>"))
    #expect(html.contains("batch &lt;&amp;&gt; &quot;x&quot;"))
    #expect(!html.contains("<test>"))
    #expect(!html.contains("batch <&>"))
    #expect(htmlEscaped("a'b") == "a&#39;b")
  }

  @Test func renderingIsDeterministic() {
    #expect(sampleReport().render() == sampleReport().render())
  }

  @Test func bestCellsAreMarked() {
    let strategies = sampleStrategies()
    let table = ComparisonTable(
      runs: strategies.map { ($0.label, $0.scores) })
    // Dedicated nodes never share a node: the best isolation.
    #expect(table.bestRows(for: .isolationScore) == [0])
    let html = HTMLReport(
      title: "t", sections: [("Comparison", .comparison(table))]
    ).render()
    let marked = table.metrics.reduce(0) {
      $0 + table.markedRows(for: $1).count
    }
    #expect(html.components(separatedBy: "<td class=\"best\">★").count - 1
      == marked)
    let dedicated = html.components(separatedBy: "\n")
      .first { $0.hasPrefix("<tr><th scope=\"row\">dedicated") } ?? ""
    let cells = dedicated.components(separatedBy: "<td")
    let isolationColumn = 1 + table.metrics.filter { metric in
      table.rows.contains { $0.cells[metric] != nil }
    }.firstIndex(of: .isolationScore)!
    #expect(cells[isolationColumn].hasPrefix(" class=\"best\""))
  }

  @Test func writesTheSampleReportWhenAsked() throws {
    // scripts/render-report.sh --sample sets this to get a page to draw.
    guard let path = ProcessInfo.processInfo
      .environment["MIGSIM_SAMPLE_REPORT"]
    else { return }
    try sampleReport().render().write(
      toFile: path, atomically: true, encoding: .utf8)
  }
}
