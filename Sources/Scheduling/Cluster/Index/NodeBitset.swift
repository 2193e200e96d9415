/// A set of node positions `0..<count` as a two-level bitset: one bit per
/// node and one summary bit per non-empty word, so the first member at or
/// after a position is found in O(count / 4096) word tests.
struct NodeBitset: Hashable, Sendable {
  private var words: [UInt64]
  private var summary: [UInt64]

  /// An empty set for positions `0..<count`.
  init(count: Int) {
    let wordCount = (count + 63) >> 6
    words = Array(repeating: 0, count: wordCount)
    summary = Array(repeating: 0, count: (wordCount + 63) >> 6)
  }

  /// Whether `position` is a member.
  func contains(_ position: Int) -> Bool {
    words[position >> 6] & (1 << UInt64(position & 63)) != 0
  }

  /// Adds `position`.
  mutating func insert(_ position: Int) {
    let w = position >> 6
    words[w] |= 1 << UInt64(position & 63)
    summary[w >> 6] |= 1 << UInt64(w & 63)
  }

  /// Removes `position`.
  mutating func remove(_ position: Int) {
    let w = position >> 6
    words[w] &= ~(1 << UInt64(position & 63))
    if words[w] == 0 { summary[w >> 6] &= ~(1 << UInt64(w & 63)) }
  }

  /// Whether the set has no member.
  var isEmpty: Bool { summary.allSatisfy { $0 == 0 } }

  /// The smallest member at or after `position`, or `nil`.
  ///
  /// - Complexity: O(1 + count / 4096).
  func first(from position: Int) -> Int? {
    var w = position >> 6
    guard w < words.count else { return nil }
    let here = words[w] & (~0 << UInt64(position & 63))
    if here != 0 { return (w << 6) + here.trailingZeroBitCount }
    w += 1
    guard w < words.count else { return nil }
    var s = w >> 6
    var bits = summary[s] & (~0 << UInt64(w & 63))
    while true {
      if bits != 0 {
        let word = (s << 6) + bits.trailingZeroBitCount
        return (word << 6) + words[word].trailingZeroBitCount
      }
      s += 1
      guard s < summary.count else { return nil }
      bits = summary[s]
    }
  }
}
