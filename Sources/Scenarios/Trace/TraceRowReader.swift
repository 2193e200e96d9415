/// Reads typed fields of one CSV row by column name, collecting mistakes.
///
/// A reader is made once per row; each accessor records an `InputError`
/// with the file, line, column and column name when the field is not what
/// the format expects, and returns a neutral value so reading goes on.
struct TraceRowReader {
  let file: String
  let columns: [String: Int]
  let row: CSVTable.Row
  private(set) var errors: [InputError] = []

  init(file: String, columns: [String: Int], row: CSVTable.Row) {
    self.file = file
    self.columns = columns
    self.row = row
  }

  /// The location of column `name` in this row.
  func location(of name: String) -> SourceLocation {
    let column = columns[name].map { row.fields[$0].column } ?? 1
    return SourceLocation(file: file, line: row.line, column: column)
  }

  /// The raw text of column `name`, trimmed of spaces; empty when the
  /// column is not in the file.
  func text(_ name: String) -> Substring {
    guard let index = columns[name] else { return "" }
    return trimmed(row.fields[index].text)
  }

  /// Records a mistake in column `name`.
  mutating func fail(_ name: String, _ message: String) {
    errors.append(InputError(at: location(of: name), path: name, message))
  }

  /// A required whole number in `range`, or `nil` after recording a
  /// mistake.
  mutating func integer(
    _ name: String, in range: ClosedRange<Int>, unit: String
  ) -> Int? {
    let field = text(name)
    guard let value = Int(field) else {
      let found = field.isEmpty ? "an empty field" : "\"\(field)\""
      fail(name, "found \(found); expected a whole number of \(unit)")
      return nil
    }
    guard range.contains(value) else {
      fail(
        name,
        "found \(value); expected \(unit) from \(range.lowerBound) to "
          + "\(range.upperBound)")
      return nil
    }
    return value
  }

  /// An optional whole number: `nil` when the field is empty or absent.
  mutating func optionalInteger(_ name: String, unit: String) -> Int? {
    let field = text(name)
    if field.isEmpty { return nil }
    guard let value = Int(field) else {
      fail(name, "found \"\(field)\"; expected a whole number of \(unit) "
        + "or an empty field")
      return nil
    }
    return value
  }

  private func trimmed(_ text: Substring) -> Substring {
    var text = text
    while text.first == " " || text.first == "\t" { text = text.dropFirst() }
    while text.last == " " || text.last == "\t" { text = text.dropLast() }
    return text
  }
}
