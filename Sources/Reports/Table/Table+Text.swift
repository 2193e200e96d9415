extension Table {
  /// The table as aligned columns separated by two spaces, with a header
  /// line; trailing spaces are trimmed.
  ///
  /// - Complexity: O(cells).
  public func renderText() -> String {
    let texts = rows.map { $0.map(\.text) }
    var widths = columns.map(\.name.count)
    for row in texts {
      for (index, cell) in row.enumerated() {
        widths[index] = max(widths[index], cell.count)
      }
    }
    func line(_ cells: [String]) -> String {
      var parts: [String] = []
      for (index, cell) in cells.enumerated() {
        let padding = String(repeating: " ", count: widths[index] - cell.count)
        parts.append(
          columns[index].isRightAligned ? padding + cell : cell + padding)
      }
      var result = parts.joined(separator: "  ")
      while result.last == " " { result.removeLast() }
      return result
    }
    var lines = [line(columns.map(\.name))]
    lines += texts.map(line)
    return lines.joined(separator: "\n") + "\n"
  }
}
