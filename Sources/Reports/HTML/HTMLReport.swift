import Scoring

/// One self-contained HTML page: a title, the scenario's summary, then
/// sections of tables and inline SVG charts. No scripts, no external
/// fonts, styles or images; every user string is escaped.
public struct HTMLReport: Sendable {
  /// One part of the page, under its own heading.
  public enum Section: Sendable {
    /// The strategies' headline metrics, mean ± 95% CI, best marked.
    case comparison(ComparisonTable)
    /// A line chart.
    case lines(LineChart)
    /// Box plots.
    case boxes(BoxPlotChart)
    /// Heat maps side by side, wrapping when the page is narrow.
    case heatMaps([HeatMap])
    /// A scatter chart with its Pareto front.
    case scatter(ScatterChart)
    /// A paragraph of plain text.
    case note(String)
    /// A plain table of results, as the terminal shows it.
    case table(Table)
  }

  /// The page title.
  public var title: String
  /// The scenario summary as label–value pairs, shown first.
  public var summary: [(label: String, value: String)]
  /// The sections, in page order, each with a heading.
  public var sections: [(heading: String, section: Section)]

  /// Creates a report.
  ///
  /// - Parameters:
  ///   - title: The page title.
  ///   - summary: Label–value pairs describing the scenario.
  ///   - sections: Headed sections.
  public init(
    title: String, summary: [(label: String, value: String)] = [],
    sections: [(heading: String, section: Section)] = []
  ) {
    self.title = title
    self.summary = summary
    self.sections = sections
  }

  /// The page as one HTML document, well-formed as XML as well.
  ///
  /// - Complexity: O(size of the charts).
  public func render() -> String {
    var html = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8"/>
      <meta name="viewport" content="width=device-width, initial-scale=1"/>
      <title>\(htmlEscaped(title))</title>
      <style>\(HTMLReport.style)</style>
      </head>
      <body>
      <h1>\(htmlEscaped(title))</h1>

      """
    if !summary.isEmpty {
      html += "<dl class=\"summary\">\n"
      for item in summary {
        html += "<dt>\(htmlEscaped(item.label))</dt>"
          + "<dd>\(htmlEscaped(item.value))</dd>\n"
      }
      html += "</dl>\n"
    }
    var counter = 0
    for (heading, section) in sections {
      counter += 1
      html += "<section>\n<h2>\(htmlEscaped(heading))</h2>\n"
      html += body(of: section, id: "section-\(counter)")
      html += "\n</section>\n"
    }
    html += "</body>\n</html>\n"
    return html
  }

  private func body(of section: Section, id: String) -> String {
    switch section {
    case .comparison(let table): HTMLReport.tableHTML(table, id: id)
    case .lines(let chart): chart.svg(id: id)
    case .boxes(let chart): chart.svg(id: id)
    case .heatMaps(let charts):
      "<div class=\"row\">\n"
        + charts.enumerated().map { chart in
          chart.element.svg(id: "\(id)-\(chart.offset + 1)")
        }.joined(separator: "\n") + "\n</div>"
    case .scatter(let chart): chart.svg(id: id)
    case .note(let text): "<p>\(htmlEscaped(text))</p>"
    case .table(let table): HTMLReport.tableHTML(table, id: id)
    }
  }

  /// A plain results table; right-aligned columns keep that alignment.
  static func tableHTML(_ table: Table, id: String) -> String {
    var html = "<table id=\"\(htmlEscaped(id))\" class=\"comparison\">\n"
    html += "<thead><tr>"
    for column in table.columns {
      html += "<th>\(htmlEscaped(column.name))</th>"
    }
    html += "</tr></thead>\n<tbody>\n"
    for row in table.rows {
      html += "<tr>"
      for (column, cell) in zip(table.columns, row) {
        let align = column.isRightAligned ? "" : " class=\"text\""
        html += "<td\(align)>\(htmlEscaped(cell.text))</td>"
      }
      html += "</tr>\n"
    }
    return html + "</tbody>\n</table>\n"
  }

  /// The comparison table: metrics without any value are left out; the
  /// best mean per column is bold with a star.
  static func tableHTML(_ table: ComparisonTable, id: String) -> String {
    let metrics = table.metrics.filter { metric in
      table.rows.contains { $0.cells[metric] != nil }
    }
    var html = "<table id=\"\(htmlEscaped(id))\" class=\"comparison\">\n"
    html += "<thead><tr><th>strategy</th>"
    for metric in metrics {
      let arrow = metric.direction == .higherIsBetter ? "↑" : "↓"
      html += "<th title=\"\(metric.direction == .higherIsBetter ? "higher" : "lower") is better\">"
        + "\(htmlEscaped(metric.title)) \(arrow)</th>"
    }
    html += "</tr></thead>\n<tbody>\n"
    let best = Dictionary(
      uniqueKeysWithValues: metrics.map {
        ($0, Set(table.markedRows(for: $0)))
      })
    for (index, row) in table.rows.enumerated() {
      html += "<tr><th scope=\"row\">\(htmlEscaped(row.label))</th>"
      for metric in metrics {
        guard let cell = row.cells[metric] else {
          html += "<td class=\"missing\">–</td>"
          continue
        }
        var text = formatted(cell.mean, decimals: metric.decimals)
        if let half = cell.halfWidth {
          text += " ± " + formatted(half, decimals: metric.decimals)
        }
        if best[metric]?.contains(index) == true {
          html += "<td class=\"best\">★ \(text)</td>"
        } else {
          html += "<td>\(text)</td>"
        }
      }
      html += "</tr>\n"
    }
    html += "</tbody>\n</table>\n"
    html += "<p class=\"caption\">Mean ± half-width of the 95% confidence"
      + " interval (Student t) over seeds; ★ marks the best mean per"
      + " column as shown (none when every row ties); ↑ higher is better,"
      + " ↓ lower is better.</p>"
    return html
  }

  static let style = """

    body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif;
      margin: 24px auto; max-width: 1200px; color: #222; }
    h1 { font-size: 24px; margin-bottom: 8px; }
    h2 { font-size: 18px; border-bottom: 1px solid #ddd;
      padding-bottom: 4px; margin-top: 28px; }
    dl.summary { display: grid; grid-template-columns: max-content auto;
      gap: 2px 16px; font-size: 14px; }
    dl.summary dt { font-weight: bold; }
    dl.summary dd { margin: 0; }
    table.comparison { border-collapse: collapse; font-size: 13px; }
    table.comparison { font-size: 12px; }
    table.comparison th, table.comparison td { border: 1px solid #ccc;
      padding: 4px 6px; text-align: right; white-space: nowrap; }
    table.comparison thead th { white-space: normal; vertical-align: bottom;
      max-width: 90px; }
    table.comparison th[scope=row] { text-align: left; }
    table.comparison thead th { background: #f2f2f2; }
    td.best { font-weight: bold; background: #e8f1fa; }
    td.missing { color: #999; }
    table.comparison td.text { text-align: left; }
    p.caption { font-size: 12px; color: #555; }
    svg.chart { display: block; margin: 8px 0; }
    div.row { display: flex; flex-wrap: wrap; gap: 16px; }

    """
}
