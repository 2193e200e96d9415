/// The class of an event: a small rank that orders events due at the same
/// second.
///
/// Among events with equal times, the one with the lower rank is handled
/// first; among events with equal times and equal ranks, the one scheduled
/// first is handled first. The layers above define the ranks they need as
/// static members, for example
/// `extension EventClass { static let completion = EventClass(rank: 0) }`,
/// so that a job finishing at a second frees capacity before arrivals of
/// that second are placed.
public struct EventClass: Hashable, Comparable, Sendable {
  /// The rank; lower ranks are handled first.
  public let rank: UInt8

  /// The class with rank `rank`.
  @inlinable
  public init(rank: UInt8) {
    self.rank = rank
  }

  /// Whether `lhs` is handled before `rhs` when both are due at one second.
  @inlinable
  public static func < (lhs: EventClass, rhs: EventClass) -> Bool {
    lhs.rank < rhs.rank
  }
}
