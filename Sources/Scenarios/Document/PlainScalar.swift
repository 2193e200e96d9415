/// How an unquoted scalar is understood, following the YAML 1.2 core
/// schema (which JSON's literals also fit).
enum PlainScalar: Equatable {
  case null
  case bool(Bool)
  case integer
  case number
  case text

  /// Classifies unquoted scalar text.
  static func classify(_ text: String) -> PlainScalar {
    switch text {
    case "", "~", "null", "Null", "NULL": return .null
    case "true", "True", "TRUE": return .bool(true)
    case "false", "False", "FALSE": return .bool(false)
    default: break
    }
    if isDecimalInteger(text) { return .integer }
    if isDecimalNumber(text) { return .number }
    return .text
  }

  /// `[-+]?[0-9]+`.
  static func isDecimalInteger(_ text: String) -> Bool {
    var scalars = Substring(text).unicodeScalars[...]
    if let first = scalars.first, first == "-" || first == "+" {
      scalars = scalars.dropFirst()
    }
    return !scalars.isEmpty && scalars.allSatisfy(isDigit)
  }

  /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, or `.inf`,
  /// `.nan` in their core-schema spellings.
  static func isDecimalNumber(_ text: String) -> Bool {
    let special: Set<String> = [
      ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf",
      "-.INF", ".nan", ".NaN", ".NAN",
    ]
    if special.contains(text) { return true }
    var s = Array(text.unicodeScalars)[...]
    if let first = s.first, first == "-" || first == "+" { s = s.dropFirst() }
    let whole = s.prefix(while: isDigit).count
    s = s.dropFirst(whole)
    var fraction = 0
    if s.first == "." {
      s = s.dropFirst()
      fraction = s.prefix(while: isDigit).count
      s = s.dropFirst(fraction)
    }
    guard whole > 0 || fraction > 0 else { return false }
    if let e = s.first, e == "e" || e == "E" {
      s = s.dropFirst()
      if let sign = s.first, sign == "-" || sign == "+" { s = s.dropFirst() }
      let digits = s.prefix(while: isDigit).count
      guard digits > 0 else { return false }
      s = s.dropFirst(digits)
    }
    return s.isEmpty
  }

  static func isDigit(_ s: Unicode.Scalar) -> Bool {
    ("0"..."9").contains(s)
  }
}
