/// The seeds of a comparison: a count from a first seed, a range or a
/// list.
public enum SeedList {
  /// The largest number of seeds one list may hold.
  public static let maximumCount = 10_000

  /// Reads `--seeds`: a bare number N is N seeds counted up from
  /// `firstSeed`; `42-51` is a closed range; `1,5,9` is a list (items may
  /// be ranges). Duplicates are kept once, in first-seen order.
  ///
  /// - Parameters:
  ///   - text: The option's value.
  ///   - firstSeed: Where a count starts (the scenario's seed).
  /// - Returns: The seeds, at least one.
  /// - Throws: `SeedListError` naming the forms accepted.
  /// - Complexity: O(seeds).
  public static func parse(_ text: String, firstSeed: UInt64)
    throws(SeedListError) -> [UInt64]
  {
    let trimmed = text.trimmingSpaces
    if !trimmed.contains(","), !trimmed.contains("-") {
      guard let count = Int(trimmed), count >= 1, count <= maximumCount,
        firstSeed <= UInt64.max - UInt64(count - 1)
      else { throw SeedListError(found: text) }
      return (0..<count).map { firstSeed + UInt64($0) }
    }
    var seeds: [UInt64] = []
    var seen: Set<UInt64> = []
    for part in trimmed.split(separator: ",", omittingEmptySubsequences: false)
    {
      let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
      var range: ClosedRange<UInt64>
      if bounds.count == 1, let seed = UInt64(bounds[0]) {
        range = seed...seed
      } else if bounds.count == 2, let low = UInt64(bounds[0]),
        let high = UInt64(bounds[1]), low <= high,
        high - low < UInt64(maximumCount)
      {
        range = low...high
      } else {
        throw SeedListError(found: text)
      }
      for seed in range where seen.insert(seed).inserted {
        seeds.append(seed)
        guard seeds.count <= maximumCount else {
          throw SeedListError(found: text)
        }
      }
    }
    guard !seeds.isEmpty else { throw SeedListError(found: text) }
    return seeds
  }
}

/// A `--seeds` value that is not a count, range or list.
public struct SeedListError: Error, Hashable, Sendable,
  CustomStringConvertible
{
  /// The text given.
  public var found: String

  /// What was found and what is accepted.
  public var description: String {
    "seeds '\(found)' are not a count such as 10, a range such as 42-51 "
      + "or a list such as 1,5,9 (at most \(SeedList.maximumCount) seeds)"
  }
}

extension String {
  /// The text without leading and trailing spaces.
  fileprivate var trimmingSpaces: String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
