/// A set of memory slices as bits: bit i set means slice i is taken.
struct SliceMask: Hashable, Sendable {
  var bits: UInt32 = 0

  /// The slices of `range`.
  init(_ range: Range<Int>) {
    precondition(range.lowerBound >= 0 && range.upperBound <= 32)
    let width = (UInt32(1) << UInt32(range.count)) &- 1
    bits = range.isEmpty ? 0 : width << UInt32(range.lowerBound)
  }

  /// No slices.
  init() {}

  /// Whether no slice is in both sets.
  func isDisjoint(with other: SliceMask) -> Bool { bits & other.bits == 0 }

  /// Adds the slices of `other`.
  mutating func formUnion(_ other: SliceMask) { bits |= other.bits }
}
