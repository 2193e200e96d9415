import Foundation

/// A comma-separated file split into a header and rows, each field with the
/// line and column where it starts.
///
/// Fields may be wrapped in double quotes (a doubled quote inside stands
/// for one); quoted fields may not span lines. Blank lines are skipped; lines
/// end at `\n`, `\r\n` or `\r`.
struct CSVTable {
  /// One field of a row: its text and the column (in Unicode scalars,
  /// from 1) where it starts.
  struct Field {
    var text: Substring
    var column: Int
  }

  /// One data row with its line number (from 1).
  struct Row {
    var line: Int
    var fields: [Field]
  }

  /// The file path as the user gave it.
  var file: String
  /// The header fields, or `nil` for an empty file.
  var header: Row?
  /// The data rows, in file order.
  var rows: [Row]

  /// Splits `text` into header and rows.
  ///
  /// - Parameters:
  ///   - text: the whole file.
  ///   - file: the path to report in errors.
  /// - Returns: the table and the syntax errors found (an unterminated
  ///   quote), which do not stop the split.
  /// - Complexity: O(length of `text`).
  static func split(_ text: String, file: String) -> (CSVTable, [InputError]) {
    var table = CSVTable(file: file, header: nil, rows: [])
    var errors: [InputError] = []
    var lineNumber = 0
    // "\r\n" is one Character in Swift, so split on any line break.
    for line in text.split(
      omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    {
      lineNumber += 1
      if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
      let (fields, problem) = splitFields(line)
      if let problem {
        errors.append(
          InputError(
            at: SourceLocation(file: file, line: lineNumber, column: problem),
            path: "", "unterminated quoted field; expected a closing \""))
      }
      let row = Row(line: lineNumber, fields: fields)
      if table.header == nil {
        table.header = row
      } else {
        table.rows.append(row)
      }
    }
    return (table, errors)
  }

  /// Splits one line at commas outside quotes.
  ///
  /// - Returns: the fields, and the column of an unterminated quote if any.
  private static func splitFields(_ line: Substring) -> ([Field], Int?) {
    var fields: [Field] = []
    var index = line.startIndex
    var column = 1
    while true {
      let start = index
      let startColumn = column
      if index < line.endIndex, line[index] == "\"" {
        // A quoted field: read to the closing quote, unescaping "".
        var text = ""
        index = line.index(after: index)
        column += 1
        var closed = false
        while index < line.endIndex {
          let character = line[index]
          index = line.index(after: index)
          column += character.unicodeScalars.count
          if character == "\"" {
            if index < line.endIndex, line[index] == "\"" {
              text.append("\"")
              index = line.index(after: index)
              column += 1
            } else {
              closed = true
              break
            }
          } else {
            text.append(character)
          }
        }
        fields.append(Field(text: Substring(text), column: startColumn))
        if !closed { return (fields, startColumn) }
        while index < line.endIndex, line[index] != "," {
          index = line.index(after: index)
          column += 1
        }
      } else {
        while index < line.endIndex, line[index] != "," {
          column += line[index].unicodeScalars.count
          index = line.index(after: index)
        }
        fields.append(Field(text: line[start..<index], column: startColumn))
      }
      if index == line.endIndex { return (fields, nil) }
      index = line.index(after: index)
      column += 1
    }
  }
}
