/// Finds the allowed key a user probably meant.
public enum KeySuggestion {
  /// The message for an unknown key: with the nearest allowed key when one
  /// is close, otherwise with the list of allowed keys.
  public static func unknownKeyMessage(
    _ key: String, allowed: [String]
  ) -> String {
    if let near = nearest(to: key, among: allowed) {
      return "unknown key '\(key)'; did you mean '\(near)'?"
    }
    if allowed.isEmpty { return "unknown key '\(key)'; expected no keys" }
    let list = allowed.sorted().joined(separator: ", ")
    return "unknown key '\(key)'; expected one of: \(list)"
  }

  /// The allowed key at the smallest edit distance from `key`, if that
  /// distance is at most half the longer of the two (and at least 2 is
  /// always allowed); ties go to the alphabetically first key. A key that
  /// differs only in letter case always matches.
  ///
  /// - Complexity: O(*k* · *l*²) for *k* keys of length *l*.
  public static func nearest(to key: String, among allowed: [String]) -> String? {
    var best: (distance: Int, key: String)?
    for candidate in allowed {
      let d =
        candidate.lowercased() == key.lowercased()
        ? 0 : distance(key, candidate)
      let longer = max(key.count, candidate.count)
      guard d <= max(2, longer / 2), d < longer else { continue }
      if let current = best,
        (current.distance, current.key) <= (d, candidate)
      {
        continue
      }
      best = (d, candidate)
    }
    return best?.key
  }

  /// The optimal string alignment distance: insertions, deletions,
  /// substitutions and swaps of neighbours each cost 1.
  ///
  /// - Complexity: O(*m* · *n*) time and space.
  public static func distance(_ a: String, _ b: String) -> Int {
    let x = Array(a.unicodeScalars)
    let y = Array(b.unicodeScalars)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    let width = y.count + 1
    var d = [Int](repeating: 0, count: (x.count + 1) * width)
    for i in 0...x.count { d[i * width] = i }
    for j in 0...y.count { d[j] = j }
    for i in 1...x.count {
      for j in 1...y.count {
        let cost = x[i - 1] == y[j - 1] ? 0 : 1
        var best = min(
          d[(i - 1) * width + j] + 1, d[i * width + j - 1] + 1,
          d[(i - 1) * width + j - 1] + cost)
        if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
          best = min(best, d[(i - 2) * width + j - 2] + 1)
        }
        d[i * width + j] = best
      }
    }
    return d[x.count * width + y.count]
  }
}
