/// The sequence numbers of an event queue's pending events, as a bit set.
///
/// Sequence numbers are inserted in increasing order, one bit per number.
/// Leading words whose bits are all clear are dropped once they make up
/// more than half of the storage, so the memory held is one bit per
/// sequence number issued since the oldest pending event, amortised.
@usableFromInline
struct PendingSet: Sendable {
  /// The bit words; bit `b` of `words[i]` stands for sequence number
  /// `64 * (firstWord + i) + b`.
  @usableFromInline var words: [UInt64] = []

  /// The word number of `words[0]`.
  @usableFromInline var firstWord: UInt64 = 0

  /// The index in `words` below which every word is zero.
  @usableFromInline var clearPrefix: Int = 0

  @inlinable
  init() {}

  /// Marks `sequenceNumber` as pending; numbers arrive in increasing order.
  @inlinable
  mutating func insert(_ sequenceNumber: UInt64) {
    let word = Int(truncatingIfNeeded: (sequenceNumber >> 6) &- firstWord)
    if word == words.count {
      words.append(0)
    }
    assert(word == words.count - 1, "sequence numbers must increase by one")
    words[word] |= 1 &<< (sequenceNumber & 63)
  }

  /// Whether `sequenceNumber` is pending.
  @inlinable
  func contains(_ sequenceNumber: UInt64) -> Bool {
    let wordNumber = sequenceNumber >> 6
    guard wordNumber >= firstWord else { return false }
    let word = Int(truncatingIfNeeded: wordNumber &- firstWord)
    guard word < words.count else { return false }
    return words[word] & (1 &<< (sequenceNumber & 63)) != 0
  }

  /// Clears `sequenceNumber`, which must be pending.
  @inlinable
  mutating func remove(_ sequenceNumber: UInt64) {
    let word = Int(truncatingIfNeeded: (sequenceNumber >> 6) &- firstWord)
    words[word] &= ~(1 &<< (sequenceNumber & 63))
    if words[clearPrefix] == 0 {
      advanceClearPrefix()
    }
  }

  /// Moves `clearPrefix` past zero words (never past the last word, which
  /// receives new numbers) and drops the prefix when it dominates.
  @usableFromInline
  mutating func advanceClearPrefix() {
    while clearPrefix < words.count - 1 && words[clearPrefix] == 0 {
      clearPrefix += 1
    }
    if clearPrefix >= 1024 && clearPrefix * 2 >= words.count {
      words.removeFirst(clearPrefix)
      firstWord += UInt64(clearPrefix)
      clearPrefix = 0
    }
  }
}
