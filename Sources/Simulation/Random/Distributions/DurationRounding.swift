/// How a real number of seconds becomes a whole-second duration.
public enum DurationRounding {
  /// The longest duration produced, 2^53 seconds (about 285 million
  /// years): every integer up to it is exact as a `Double`.
  public static let maximumSeconds: Int64 = 1 << 53

  /// Rounds `seconds` half up, then raises it to at least 1 s and caps it
  /// at `maximumSeconds`.
  ///
  /// For example 0.2 → 1, 1.49 → 1, 1.5 → 2, 2.5 → 3. Infinity and NaN
  /// give `maximumSeconds`.
  ///
  /// - Parameter seconds: a real number of seconds.
  /// - Returns: whole seconds in `1...maximumSeconds`.
  @inlinable
  public static func seconds(_ seconds: Double) -> Int64 {
    let rounded = (seconds + 0.5).rounded(.down)
    guard rounded < Double(maximumSeconds) else { return maximumSeconds }
    guard rounded >= 1 else { return 1 }
    return Int64(rounded)
  }
}
