/// Identifies one scheduled event of an `EventQueue`, so that it can be
/// cancelled.
///
/// A handle carries the event's sequence number: the number of events the
/// queue had accepted before it. A handle is meaningful only for the queue
/// that issued it.
public struct EventHandle: Hashable, Comparable, Sendable {
  /// The number of events the issuing queue accepted before this one.
  public let sequenceNumber: UInt64

  /// The handle of the event with sequence number `sequenceNumber`.
  @inlinable
  public init(sequenceNumber: UInt64) {
    self.sequenceNumber = sequenceNumber
  }

  /// Whether `lhs` was scheduled before `rhs`.
  @inlinable
  public static func < (lhs: EventHandle, rhs: EventHandle) -> Bool {
    lhs.sequenceNumber < rhs.sequenceNumber
  }
}
