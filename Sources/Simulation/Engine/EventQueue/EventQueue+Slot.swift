// MARK: - Internals

extension EventQueue {
  /// One heap slot: an event with its packed ordering key.
  @usableFromInline
  struct Slot {
    /// Bits of `order` holding the sequence number; the top 8 hold the
    /// class rank.
    @usableFromInline static var sequenceMask: UInt64 { (1 << 56) - 1 }

    @usableFromInline var time: Int64
    /// The class rank in the top 8 bits, the sequence number below.
    @usableFromInline var order: UInt64
    @usableFromInline var event: Event

    @inlinable
    init(time: Int64, order: UInt64, event: Event) {
      self.time = time
      self.order = order
      self.event = event
    }

    /// Whether `self` is handled before `other`.
    @inlinable
    func precedes(_ other: Slot) -> Bool {
      time < other.time || (time == other.time && order < other.order)
    }
  }
}

extension EventQueue.Slot: Sendable where Event: Sendable {}
