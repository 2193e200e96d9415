extension NodeReader {
  /// Reads any non-null scalar as text, exactly as written (so `1.10`
  /// stays `1.10`).
  ///
  /// Messages: `found a mapping, expected a string`;
  /// `found string "", expected a non-empty string`.
  ///
  /// - Parameter nonEmpty: Whether the empty string is refused.
  /// - Returns: The text, or `nil` after recording a mistake.
  public func string(nonEmpty: Bool = false) -> String? {
    guard let text = node.scalarText else {
      typeMismatch(expected: nonEmpty ? "a non-empty string" : "a string")
      return nil
    }
    if nonEmpty && text.isEmpty {
      typeMismatch(expected: "a non-empty string")
      return nil
    }
    return text
  }

  /// Reads an unquoted decimal integer (`42`, `-3`, `+7`).
  ///
  /// A quoted `"42"` is a string and is refused. Messages:
  /// `found "abc", expected an integer`;
  /// `found integer 300, expected an integer from 0 to 100`;
  /// `… expected an integer of at least 1`; `… of at most 5`.
  ///
  /// - Parameters:
  ///   - min: The smallest accepted value, if any.
  ///   - max: The largest accepted value, if any.
  /// - Returns: The value, or `nil` after recording a mistake.
  public func int(min: Int? = nil, max: Int? = nil) -> Int? {
    let expected = "an integer" + Bounds.phrase(min: min, max: max)
    guard case .scalar(let text, quoted: false) = node.value,
      PlainScalar.isDecimalInteger(text)
    else {
      typeMismatch(expected: expected)
      return nil
    }
    let digits = text.hasPrefix("+") ? String(text.dropFirst()) : text
    guard let value = Int(digits) else {
      typeMismatch(expected: "an integer that fits in 64 bits")
      return nil
    }
    guard Bounds.contains(value, min: min, max: max) else {
      typeMismatch(expected: expected)
      return nil
    }
    return value
  }

  /// Reads an unquoted finite decimal number (`1`, `0.25`, `2.5e-3`).
  ///
  /// Messages: `found "fast", expected a number`;
  /// `found number -0.5, expected a number of at least 0`;
  /// `… expected a number greater than 0` when `excludingMin` is set.
  ///
  /// - Parameters:
  ///   - min: The smallest accepted value, if any.
  ///   - max: The largest accepted value, if any.
  ///   - excludingMin: Whether `min` itself is refused.
  /// - Returns: The value, or `nil` after recording a mistake.
  public func double(
    min: Double? = nil, max: Double? = nil, excludingMin: Bool = false
  ) -> Double? {
    let expected =
      "a number"
      + Bounds.phrase(min: min, max: max, excludingMin: excludingMin)
    guard case .scalar(let text, quoted: false) = node.value,
      PlainScalar.classify(text) == .integer
        || PlainScalar.classify(text) == .number,
      let value = Double(text), value.isFinite
    else {
      typeMismatch(expected: expected)
      return nil
    }
    if let min, value < min || (excludingMin && value == min) {
      typeMismatch(expected: expected)
      return nil
    }
    if let max, value > max {
      typeMismatch(expected: expected)
      return nil
    }
    return value
  }

  /// Reads an unquoted `true` or `false` (also `True`, `TRUE`, `False`,
  /// `FALSE`, as YAML 1.2 spells them).
  ///
  /// YAML 1.1's `yes`, `no`, `on`, `off`, `y` and `n` are refused, because
  /// different tools read them differently. Messages:
  /// `found "maybe", expected true or false`;
  /// `found "yes", expected true or false (yes, no, on and off are not
  /// booleans here)`.
  ///
  /// - Returns: The value, or `nil` after recording a mistake.
  public func bool() -> Bool? {
    if case .scalar(let text, quoted: false) = node.value,
      case .bool(let value) = PlainScalar.classify(text)
    {
      return value
    }
    let legacy: Set<String> = ["yes", "no", "on", "off", "y", "n"]
    if case .scalar(let text, quoted: false) = node.value,
      legacy.contains(text.lowercased())
    {
      typeMismatch(
        expected:
          "true or false (yes, no, on and off are not booleans here)")
    } else {
      typeMismatch(expected: "true or false")
    }
    return nil
  }

  /// Reads a scalar that must be one of `allowed` (case matters; quoted
  /// or not).
  ///
  /// Messages: `found "Evict", expected one of: NoSchedule,
  /// PreferNoSchedule, NoExecute`, followed by `; did you mean
  /// 'NoExecute'?` when one of two or more spellings is close.
  ///
  /// - Parameter allowed: The accepted spellings, in the order to list.
  /// - Returns: The matching spelling, or `nil` after recording a mistake.
  /// - Complexity: O(*k* · *l*²) for *k* spellings of length *l* when the
  ///   value is wrong.
  public func oneOf(_ allowed: [String]) -> String? {
    if let text = node.scalarText, allowed.contains(text) { return text }
    var message = "one of: " + allowed.joined(separator: ", ")
    if allowed.count > 1, let text = node.scalarText,
      let near = KeySuggestion.nearest(to: text, among: allowed)
    {
      message += "; did you mean '\(near)'?"
    }
    typeMismatch(expected: message)
    return nil
  }

  /// Reads a scalar that must be the raw value of a case of `type`; the
  /// message lists the cases in declaration order.
  ///
  /// - Parameter type: A string-backed enumeration.
  /// - Returns: The case, or `nil` after recording a mistake.
  public func oneOf<E: RawRepresentable & CaseIterable>(
    _ type: E.Type
  ) -> E? where E.RawValue == String {
    oneOf(type.allCases.map(\.rawValue)).flatMap(E.init(rawValue:))
  }
}

/// Wording of numeric bounds in messages.
enum Bounds {
  static func contains<T: Comparable>(_ v: T, min: T?, max: T?) -> Bool {
    if let min, v < min { return false }
    if let max, v > max { return false }
    return true
  }

  /// ` from 0 to 100`, ` of at least 1`, ` of at most 5`, or empty.
  static func phrase<T>(
    min: T?, max: T?, unit: String = "", excludingMin: Bool = false
  ) -> String {
    let lo = min.map { show($0) + unit }
    let hi = max.map { show($0) + unit }
    switch (lo, hi) {
    case (let lo?, let hi?) where excludingMin:
      return " greater than \(lo) and at most \(hi)"
    case (let lo?, let hi?): return " from \(lo) to \(hi)"
    case (let lo?, nil) where excludingMin: return " greater than \(lo)"
    case (let lo?, nil): return " of at least \(lo)"
    case (nil, let hi?): return " of at most \(hi)"
    case (nil, nil): return ""
    }
  }

  private static func show<T>(_ value: T) -> String {
    if let d = value as? Double, d.rounded() == d, abs(d) < 1e15 {
      return String(Int(d))
    }
    return "\(value)"
  }
}
