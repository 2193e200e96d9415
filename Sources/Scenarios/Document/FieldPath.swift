/// How field paths are spelled in error messages.
enum FieldPath {
  /// `path.key`, or `path["key"]` when the key holds characters other than
  /// letters, digits, `-` and `_` (or is empty).
  static func appending(key: String, to path: String) -> String {
    let simple =
      !key.isEmpty
      && key.unicodeScalars.allSatisfy {
        $0.properties.isAlphabetic || ("0"..."9").contains($0)
          || $0 == "-" || $0 == "_"
      }
    if simple { return path.isEmpty ? key : "\(path).\(key)" }
    return "\(path)[\(quoted(key))]"
  }

  /// The text in double quotes, with quotes and backslashes escaped.
  static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
