/// Writes an `OutputValue` as JSON: two-space indentation, keys in the
/// given order, one member or element per line, a final newline.
///
/// Empty objects and arrays are written `{}` and `[]`. Strings escape `"`,
/// `\` and control characters; other characters are written as UTF-8.
public enum JSONWriter {
  /// The JSON text of `value`.
  ///
  /// - Parameter value: The tree; its numbers must be finite
  ///   (precondition).
  /// - Returns: The text, ending with a newline.
  /// - Complexity: O(*n*) for *n* nodes and characters.
  public static func write(_ value: OutputValue) -> String {
    var out = ""
    write(value, indent: "", into: &out)
    return out + "\n"
  }

  private static func write(
    _ value: OutputValue, indent: String, into out: inout String
  ) {
    switch value {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .integer(let i): out += String(i)
    case .number(let d):
      precondition(d.isFinite, "JSON cannot hold \(d)")
      out += d.description
    case .string(let s): out += quoted(s)
    case .sequence(let items):
      if items.isEmpty {
        out += "[]"
        return
      }
      out += "[\n"
      for (i, item) in items.enumerated() {
        out += indent + "  "
        write(item, indent: indent + "  ", into: &out)
        out += i == items.count - 1 ? "\n" : ",\n"
      }
      out += indent + "]"
    case .mapping(let members):
      if members.isEmpty {
        out += "{}"
        return
      }
      out += "{\n"
      for (i, member) in members.enumerated() {
        out += indent + "  " + quoted(member.key) + ": "
        write(member.value, indent: indent + "  ", into: &out)
        out += i == members.count - 1 ? "\n" : ",\n"
      }
      out += indent + "}"
    }
  }

  /// `text` as a JSON string literal.
  ///
  /// - Complexity: O(*n*) for *n* characters.
  public static func quoted(_ text: String) -> String {
    var out = "\""
    for s in text.unicodeScalars {
      switch s {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      case _ where s.value < 0x20:
        let hex = String(s.value, radix: 16, uppercase: true)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(s)
      }
    }
    return out + "\""
  }
}
