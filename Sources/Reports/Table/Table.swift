/// A table of results: named columns and rows of typed cells, rendered as
/// aligned text for people, CSV or JSON for machines.
///
/// Every command that prints results builds one `Table` (or a few) and lets
/// the chosen ``OutputFormat`` render it, so the three forms always carry
/// the same data.
public struct Table: Sendable, Equatable {
  /// One column: its header and how its cells are aligned in text.
  public struct Column: Sendable, Equatable {
    /// The header, also the JSON key and the CSV header.
    public var name: String
    /// Whether text output right-aligns the column (numbers do).
    public var isRightAligned: Bool

    /// Creates a column; numbers are usually right-aligned.
    public init(_ name: String, rightAligned: Bool = false) {
      self.name = name
      self.isRightAligned = rightAligned
    }
  }

  /// The columns, in order.
  public var columns: [Column]
  /// The rows; each has exactly one cell per column.
  public private(set) var rows: [[Cell]] = []

  /// Creates an empty table with these columns.
  public init(columns: [Column]) {
    self.columns = columns
  }

  /// Appends a row.
  ///
  /// - Precondition: the row has one cell per column.
  public mutating func append(_ row: [Cell]) {
    precondition(
      row.count == columns.count,
      "row has \(row.count) cells, table has \(columns.count) columns")
    rows.append(row)
  }
}
