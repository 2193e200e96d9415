extension Table {
  /// The table as CSV (RFC 4180): a header row, then one row per table
  /// row; fields with a comma, quote or line break are quoted, quotes
  /// doubled; lines end with `\n`.
  ///
  /// - Complexity: O(cells).
  public func renderCSV() -> String {
    var lines = [columns.map { csvField($0.name) }.joined(separator: ",")]
    for row in rows {
      lines.append(row.map { csvField($0.text) }.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

/// `text` as one CSV field, quoted when it must be.
public func csvField(_ text: String) -> String {
  let special = text.unicodeScalars.contains {
    $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r"
  }
  guard special else { return text }
  var quoted = "\""
  for character in text {
    if character == "\"" { quoted.append("\"") }
    quoted.append(character)
  }
  return quoted + "\""
}
