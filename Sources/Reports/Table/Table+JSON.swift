import Scenarios

extension Table {
  /// The table as an array of objects, one per row, keyed by column name
  /// in column order; empty cells are `null`, numbers keep the value
  /// rounded to the cell's decimals.
  public var outputValue: OutputValue {
    .sequence(
      rows.map { row in
        .mapping(
          zip(columns, row).map { column, cell in
            OutputValue.Member(column.name, cell.outputValue)
          })
      })
  }

  /// The table as JSON text (see ``outputValue``), ending with a newline.
  ///
  /// - Complexity: O(cells).
  public func renderJSON() -> String {
    JSONWriter.write(outputValue)
  }

  /// The table in `format`.
  public func render(as format: OutputFormat) -> String {
    switch format {
    case .table: return renderText()
    case .csv: return renderCSV()
    case .json: return renderJSON()
    }
  }
}

extension Cell {
  /// The cell as a JSON or YAML value.
  public var outputValue: OutputValue {
    switch self {
    case .text(let value): return .string(value)
    case .integer(let value): return .integer(value)
    case .number(let value, let decimals):
      guard value.isFinite else { return .null }
      var scale = 1.0
      for _ in 0..<decimals { scale *= 10 }
      return .number((value * scale).rounded(.toNearestOrAwayFromZero) / scale)
    case .boolean(let value): return .bool(value)
    case .empty: return .null
    }
  }
}
