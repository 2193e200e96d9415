/// Writes an `OutputValue` as block-style YAML: two-space indentation,
/// keys in the given order, a final newline.
///
/// Rules, so that reading the text back gives the same tree:
/// - a string is written plain only when it is made of letters, digits,
///   spaces and `_ . / + ( ) = ~ -`, does not start with `-`, `.`, `=`
///   or a space, does not end with a space, and would not read as null,
///   a boolean (including YAML 1.1's `yes`, `no`, `on`, `off`, `y`, `n`)
///   or a number (including hexadecimal, octal and `1_000` forms); every
///   other string, the empty one included, is double-quoted with escapes;
/// - a sequence of scalars that fits in 80 columns is written in flow
///   style, `[0, 1]`; empty collections are `[]` and `{}`;
/// - sequence items sit two columns deeper than their key, as in
///   `mig-configs` files;
/// - keys longer than 1,000 characters use the explicit `? key` form,
///   because YAML limits implicit keys to 1,024 characters.
public enum YAMLWriter {
  /// The YAML text of `value`.
  ///
  /// - Parameter value: The tree.
  /// - Returns: The text, ending with a newline.
  /// - Complexity: O(*n*) for *n* nodes and characters.
  public static func write(_ value: OutputValue) -> String {
    var lines: [String] = []
    if let line = inline(value, column: 0) {
      lines.append(line)
    } else {
      block(value, indent: 0, into: &lines)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The one-line form of a scalar, an empty collection, or a short
  /// sequence of scalars starting at `column`; `nil` for the rest.
  private static func inline(_ value: OutputValue, column: Int) -> String? {
    switch value {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .integer(let i): return String(i)
    case .number(let d):
      if d.isNaN { return ".nan" }
      if d.isInfinite { return d < 0 ? "-.inf" : ".inf" }
      return d.description
    case .string(let s): return scalar(s)
    case .sequence(let items):
      if items.isEmpty { return "[]" }
      var parts: [String] = []
      for item in items {
        switch item {
        case .sequence, .mapping: return nil
        default: parts.append(inline(item, column: 0) ?? "null")
        }
      }
      let flow = "[" + parts.joined(separator: ", ") + "]"
      return column + flow.count <= 80 ? flow : nil
    case .mapping(let members):
      return members.isEmpty ? "{}" : nil
    }
  }

  private static func block(
    _ value: OutputValue, indent: Int, into lines: inout [String]
  ) {
    let pad = String(repeating: " ", count: indent)
    switch value {
    case .mapping(let members):
      for entry in members {
        let key = scalar(entry.key)
        if key.count > 1_000 {
          lines.append(pad + "? " + key)
          writeMember(
            entry.value, prefix: pad + ":", indent: indent, into: &lines)
        } else {
          writeMember(
            entry.value, prefix: pad + key + ":", indent: indent,
            into: &lines)
        }
      }
    case .sequence(let items):
      for item in items {
        if let line = inline(item, column: indent + 2) {
          lines.append(pad + "- " + line)
          continue
        }
        var nested: [String] = []
        block(item, indent: indent + 2, into: &nested)
        nested[0] = pad + "- " + nested[0].dropFirst(indent + 2)
        lines += nested
      }
    default:
      lines.append(pad + (inline(value, column: indent) ?? "null"))
    }
  }

  private static func writeMember(
    _ value: OutputValue, prefix: String, indent: Int,
    into lines: inout [String]
  ) {
    if let line = inline(value, column: prefix.count + 1) {
      lines.append(prefix + " " + line)
    } else {
      lines.append(prefix)
      block(value, indent: indent + 2, into: &lines)
    }
  }

  /// A string as a plain or double-quoted scalar.
  ///
  /// - Complexity: O(*n*) for *n* characters.
  static func scalar(_ text: String) -> String {
    isSafePlain(text) ? text : doubleQuoted(text)
  }

  static func isSafePlain(_ text: String) -> Bool {
    let scalars = Array(text.unicodeScalars)
    guard let first = scalars.first, let last = scalars.last,
      !" -.=".unicodeScalars.contains(first), last != " "
    else { return false }
    let punctuation = " _./+()=~-".unicodeScalars
    for s in scalars {
      if s.isASCII {
        let ok =
          ("a"..."z").contains(s) || ("A"..."Z").contains(s)
          || PlainScalar.isDigit(s) || punctuation.contains(s)
        if !ok { return false }
      } else if !(s.properties.isAlphabetic || s.properties.numericType != nil)
      {
        return false
      }
    }
    guard PlainScalar.classify(text) == .text else { return false }
    let legacyBooleans: Set<String> = ["y", "n", "yes", "no", "on", "off"]
    if legacyBooleans.contains(text.lowercased()) { return false }
    let numberLike = "0123456789abcdefABCDEFxXoObB_.+-".unicodeScalars
    if PlainScalar.isDigit(first) || first == "+",
      scalars.allSatisfy(numberLike.contains)
    {
      return false
    }
    return true
  }

  /// A double-quoted YAML scalar with every non-printable or line-breaking
  /// character escaped.
  static func doubleQuoted(_ text: String) -> String {
    var out = "\""
    for s in text.unicodeScalars {
      switch s.value {
      case 0x22: out += "\\\""
      case 0x5C: out += "\\\\"
      case 0x00: out += "\\0"
      case 0x09: out += "\\t"
      case 0x0A: out += "\\n"
      case 0x0D: out += "\\r"
      case 0x85: out += "\\N"
      case 0x2028: out += "\\L"
      case 0x2029: out += "\\P"
      case 0x01...0x1F, 0x7F...0x9F:
        out += "\\x" + hex(s.value, width: 2)
      case 0xFEFF, 0xFFFE, 0xFFFF:
        out += "\\u" + hex(s.value, width: 4)
      default: out.unicodeScalars.append(s)
      }
    }
    return out + "\""
  }

  private static func hex(_ value: UInt32, width: Int) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
