extension NodeReader {
  /// Reads a duration as whole seconds: a plain integer (seconds), or one
  /// or more `<integer><unit>` parts with units `s`, `m`, `h`, `d`, such
  /// as `90s`, `5m`, `2h`, `1d`, `1h30m`. Quoted or not.
  ///
  /// Messages: `found "5x", expected a duration such as 90s, 5m, 2h, 1d
  /// or 1h30m`; `found "0s", expected a duration of at least 1s`.
  ///
  /// - Parameters:
  ///   - min: The shortest accepted duration in seconds, if any.
  ///   - max: The longest accepted duration in seconds, if any.
  /// - Returns: Seconds, or `nil` after recording a mistake.
  public func durationSeconds(min: Int? = nil, max: Int? = nil) -> Int? {
    let bounds = Bounds.phrase(min: min, max: max, unit: "s")
    let example = " such as 90s, 5m, 2h, 1d or 1h30m"
    guard let text = node.scalarText,
      let seconds = Quantity.seconds(text)
    else {
      typeMismatch(expected: "a duration" + (bounds.isEmpty ? example : bounds))
      return nil
    }
    guard Bounds.contains(seconds, min: min, max: max) else {
      typeMismatch(expected: "a duration" + bounds)
      return nil
    }
    return seconds
  }

  /// Reads a memory quantity as MiB (2²⁰ bytes), Kubernetes style: a
  /// non-negative decimal number followed by `Ki`, `Mi`, `Gi`, `Ti`, `Pi`
  /// (powers of 1024), `k`, `M`, `G`, `T`, `P` (powers of 1000), or
  /// nothing (bytes), such as `512Mi`, `16Gi`, `1.5Gi`, `40G`. A result
  /// that is not a whole number of MiB is rounded up. Quoted or not.
  ///
  /// Messages: `found "16GB", expected a memory quantity such as 512Mi or
  /// 16Gi`; `found "0Mi", expected a memory quantity of at least 1 MiB`.
  ///
  /// - Parameters:
  ///   - min: The smallest accepted amount in MiB, if any.
  ///   - max: The largest accepted amount in MiB, if any.
  /// - Returns: MiB, or `nil` after recording a mistake.
  public func memoryMiB(min: Int? = nil, max: Int? = nil) -> Int? {
    let bounds = Bounds.phrase(min: min, max: max, unit: " MiB")
    guard let text = node.scalarText, let mib = Quantity.mebibytes(text)
    else {
      typeMismatch(
        expected: "a memory quantity"
          + (bounds.isEmpty ? " such as 512Mi or 16Gi" : bounds))
      return nil
    }
    guard Bounds.contains(mib, min: min, max: max) else {
      typeMismatch(expected: "a memory quantity" + bounds)
      return nil
    }
    return mib
  }

  /// Reads a CPU quantity as milli-CPU, Kubernetes style: `500m`
  /// (milli-CPU) or a decimal number of CPUs (`2`, `0.5`, `1.25`). Finer
  /// than 1m is refused. Quoted or not.
  ///
  /// Messages: `found "2 cores", expected a CPU quantity such as 500m or
  /// 2`; `found "0.0005", expected a CPU quantity in whole milli-CPU
  /// such as 500m or 2`.
  ///
  /// - Parameters:
  ///   - min: The smallest accepted amount in milli-CPU, if any.
  ///   - max: The largest accepted amount in milli-CPU, if any.
  /// - Returns: Milli-CPU, or `nil` after recording a mistake.
  public func milliCPU(min: Int? = nil, max: Int? = nil) -> Int? {
    let bounds = Bounds.phrase(min: min, max: max, unit: "m")
    guard let text = node.scalarText, let milli = Quantity.milliCPU(text)
    else {
      typeMismatch(
        expected: "a CPU quantity"
          + (bounds.isEmpty ? " such as 500m or 2" : bounds))
      return nil
    }
    guard Bounds.contains(milli, min: min, max: max) else {
      typeMismatch(expected: "a CPU quantity" + bounds)
      return nil
    }
    return milli
  }

  /// Reads a percentage written with a percent sign, such as `50%` or
  /// `12.5%`, as a number of percent (`50`, `12.5`). A bare number is
  /// refused, because `0.5` could mean a half or half a percent.
  ///
  /// Messages: `found number 0.5, expected a percentage such as 50%`;
  /// `found "150%", expected a percentage from 0% to 100%`.
  ///
  /// - Parameters:
  ///   - min: The smallest accepted percentage (default 0).
  ///   - max: The largest accepted percentage (default 100).
  /// - Returns: Percent, or `nil` after recording a mistake.
  public func percent(min: Double = 0, max: Double = 100) -> Double? {
    let bounds = Bounds.phrase(min: min, max: max, unit: "%")
    guard let text = node.scalarText, text.hasSuffix("%"),
      case let number = String(text.dropLast()),
      PlainScalar.classify(number) == .integer
        || PlainScalar.classify(number) == .number,
      let value = Double(number), value.isFinite
    else {
      typeMismatch(expected: "a percentage such as 50%")
      return nil
    }
    guard Bounds.contains(value, min: min, max: max) else {
      typeMismatch(expected: "a percentage" + bounds)
      return nil
    }
    return value
  }
}

/// Exact parsing of durations and Kubernetes-style quantities.
public enum Quantity {
  /// Seconds in `90`, `90s`, `5m`, `2h`, `1d`, `1h30m`; `nil` when
  /// malformed, negative or too large.
  public static func seconds(_ text: String) -> Int? {
    if PlainScalar.isDecimalInteger(text), !text.hasPrefix("-") {
      return Int(text.hasPrefix("+") ? String(text.dropFirst()) : text)
    }
    let units: [Unicode.Scalar: Int] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
    var total = 0
    var number: Int?
    for scalar in text.unicodeScalars {
      if PlainScalar.isDigit(scalar) {
        let digit = Int(scalar.value - 48)
        let (times, o1) = (number ?? 0).multipliedReportingOverflow(by: 10)
        let (next, o2) = times.addingReportingOverflow(digit)
        if o1 || o2 { return nil }
        number = next
      } else if let unit = units[scalar], let n = number {
        let (part, o1) = n.multipliedReportingOverflow(by: unit)
        let (sum, o2) = total.addingReportingOverflow(part)
        if o1 || o2 { return nil }
        total = sum
        number = nil
      } else {
        return nil
      }
    }
    guard number == nil, !text.isEmpty else { return nil }
    return total
  }

  /// MiB, rounded up, in a Kubernetes memory quantity; `nil` when
  /// malformed or too large.
  static func mebibytes(_ text: String) -> Int? {
    let suffixes: [(String, Int)] = [
      ("Ki", 1 << 10), ("Mi", 1 << 20), ("Gi", 1 << 30), ("Ti", 1 << 40),
      ("Pi", 1 << 50), ("k", 1_000), ("M", 1_000_000),
      ("G", 1_000_000_000), ("T", 1_000_000_000_000),
      ("P", 1_000_000_000_000_000),
    ]
    var number = Substring(text)
    var multiplier = 1
    for (suffix, factor) in suffixes where text.hasSuffix(suffix) {
      number = number.dropLast(suffix.count)
      multiplier = factor
      break
    }
    guard let (mantissa, scale) = decimal(number) else { return nil }
    let (bytesTimesScale, o) = mantissa.multipliedReportingOverflow(
      by: multiplier)
    guard !o, let tenPower = power(10, scale) else { return nil }
    let (denominator, o2) = tenPower.multipliedReportingOverflow(by: 1 << 20)
    guard !o2 else { return nil }
    return ceilingDivide(bytesTimesScale, denominator)
  }

  /// Milli-CPU in `500m`, `2`, `0.5`; `nil` when malformed, finer than
  /// 1m, or too large.
  static func milliCPU(_ text: String) -> Int? {
    if text.hasSuffix("m") {
      let digits = text.dropLast()
      guard !digits.isEmpty,
        digits.unicodeScalars.allSatisfy(PlainScalar.isDigit)
      else { return nil }
      return Int(digits)
    }
    guard let (mantissa, scale) = decimal(Substring(text)), scale <= 3,
      let factor = power(10, 3 - scale)
    else { return nil }
    let (milli, o) = mantissa.multipliedReportingOverflow(by: factor)
    return o ? nil : milli
  }

  /// `digits[.digits]` as mantissa and number of fraction digits; trailing
  /// fraction zeros are dropped.
  static func decimal(_ text: Substring) -> (mantissa: Int, scale: Int)? {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2, let whole = parts.first, !whole.isEmpty,
      whole.unicodeScalars.allSatisfy(PlainScalar.isDigit)
    else { return nil }
    var fraction = parts.count == 2 ? parts[1] : ""
    guard parts.count == 1 || !fraction.isEmpty,
      fraction.unicodeScalars.allSatisfy(PlainScalar.isDigit)
    else { return nil }
    while fraction.hasSuffix("0") { fraction = fraction.dropLast() }
    guard let mantissa = Int(whole + fraction) else { return nil }
    return (mantissa, fraction.count)
  }

  static func power(_ base: Int, _ exponent: Int) -> Int? {
    var result = 1
    for _ in 0..<exponent {
      let (next, o) = result.multipliedReportingOverflow(by: base)
      if o { return nil }
      result = next
    }
    return result
  }

  static func ceilingDivide(_ a: Int, _ b: Int) -> Int {
    a / b + (a % b == 0 ? 0 : 1)
  }
}
