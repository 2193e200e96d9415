/// A priority queue of simulation events ordered by (time, class, sequence
/// number).
///
/// Events due earlier come first; among events due at the same second, the
/// lower `EventClass` rank comes first; among events of equal time and
/// class, the one scheduled first comes first. Every event gets a sequence
/// number when it is scheduled, so no two events compare equal and the
/// order never depends on the heap's internal layout: a run is repeatable.
///
/// The queue is an array-backed 4-ary min-heap. Cancelled events stay in
/// the heap as tombstones and are discarded when they reach the top; when
/// tombstones make up more than half of the heap, it is rebuilt without
/// them.
///
/// Times are integer seconds of simulated time.
public struct EventQueue<Event> {
  /// The heap, in 4-ary heap order; may hold cancelled events.
  @usableFromInline var slots: [Slot] = []

  /// The sequence numbers of the events that are neither handed out nor
  /// cancelled.
  @usableFromInline var pending = PendingSet()

  /// The number of cancelled events still held in `slots`.
  @usableFromInline var tombstoneCount = 0

  /// The sequence number of the next event to be scheduled.
  @usableFromInline var nextSequenceNumber: UInt64 = 0

  /// An empty queue.
  @inlinable
  public init() {}
}

extension EventQueue: Sendable where Event: Sendable {}
extension EventQueue.Entry: Sendable where Event: Sendable {}

// MARK: - API

extension EventQueue {
  /// An event taken from the queue, with the key it was ordered by.
  public struct Entry {
    /// When the event is due, in seconds of simulated time.
    public let time: Int64

    /// The event's class.
    public let eventClass: EventClass

    /// The handle returned when the event was scheduled.
    public let handle: EventHandle

    /// The event.
    public let event: Event

    @inlinable
    init(_ slot: Slot) {
      time = slot.time
      eventClass = EventClass(rank: UInt8(truncatingIfNeeded: slot.order >> 56))
      handle = EventHandle(sequenceNumber: slot.order & Slot.sequenceMask)
      event = slot.event
    }
  }

  /// The number of events scheduled and neither taken nor cancelled.
  @inlinable
  public var count: Int { slots.count - tombstoneCount }

  /// Whether no event is pending.
  @inlinable
  public var isEmpty: Bool { count == 0 }

  /// The time of the first pending event, in seconds, or `nil` when the
  /// queue is empty.
  @inlinable
  public var nextTime: Int64? { slots.first?.time }

  /// The first pending event, without removing it, or `nil` when the queue
  /// is empty.
  @inlinable
  public func peek() -> Entry? {
    slots.first.map(Entry.init)
  }

  /// Adds `event`, due at `time`, in class `eventClass`.
  ///
  /// - Parameters:
  ///   - event: the event.
  ///   - time: when it is due, in seconds of simulated time.
  ///   - eventClass: its class, ordering it among events due at `time`.
  /// - Returns: a handle with which the event can be cancelled.
  /// - Precondition: fewer than 2^56 events were scheduled on this queue.
  /// - Complexity: O(log n) where n is the number of events held,
  ///   amortised.
  @inlinable
  @discardableResult
  public mutating func schedule(
    _ event: Event, at time: Int64, class eventClass: EventClass
  ) -> EventHandle {
    let sequenceNumber = nextSequenceNumber
    precondition(
      sequenceNumber <= Slot.sequenceMask, "sequence numbers exhausted")
    nextSequenceNumber += 1
    let order = UInt64(eventClass.rank) << 56 | sequenceNumber

    slots.append(Slot(time: time, order: order, event: event))
    siftUp(from: slots.count - 1)
    pending.insert(sequenceNumber)

    checkInvariants()
    return EventHandle(sequenceNumber: sequenceNumber)
  }

  /// Removes and returns the first pending event, or `nil` when the queue
  /// is empty.
  ///
  /// - Complexity: O(log n) where n is the number of events held,
  ///   amortised over the tombstones discarded.
  @inlinable
  public mutating func popNext() -> Entry? {
    guard !slots.isEmpty else { return nil }
    let top = removeTop()
    pending.remove(top.order & Slot.sequenceMask)

    discardTombstonesAtTop()
    checkInvariants()
    return Entry(top)
  }

  /// Cancels the pending event identified by `handle`.
  ///
  /// The event stays in the heap as a tombstone, costing its slot until it
  /// reaches the top or the heap is rebuilt; the rebuild happens when
  /// tombstones exceed half of the heap and takes O(n).
  ///
  /// - Parameter handle: a handle returned by `schedule` on this queue.
  /// - Returns: `true` if the event was pending and is now cancelled;
  ///   `false` if it had already been taken or cancelled.
  /// - Complexity: O(log n) amortised.
  @inlinable
  @discardableResult
  public mutating func cancel(_ handle: EventHandle) -> Bool {
    guard pending.contains(handle.sequenceNumber) else { return false }
    pending.remove(handle.sequenceNumber)
    tombstoneCount += 1

    if tombstoneCount * 2 > slots.count {
      rebuildWithoutTombstones()
    } else {
      discardTombstonesAtTop()
    }
    checkInvariants()
    return true
  }

  /// Reserves storage for `capacity` events held at once.
  ///
  /// - Complexity: O(n) for n events held.
  public mutating func reserveCapacity(_ capacity: Int) {
    slots.reserveCapacity(capacity)
  }

  /// Whether the event identified by `handle` is still pending.
  @inlinable
  public func isPending(_ handle: EventHandle) -> Bool {
    pending.contains(handle.sequenceNumber)
  }
}
