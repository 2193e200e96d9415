/// The start or end of one allocation interval, in sweep order.
struct AllocationEvent: Hashable, Sendable {
  /// When, seconds.
  var time: Int
  /// Whether the interval starts (else ends) here.
  var isStart: Bool
  /// Index into `RunObservation.allocations`.
  var allocation: Int
}

extension RunObservation {
  /// The starts and ends of every allocation, clipped to [0, horizon],
  /// ordered by time, ends before starts at one instant, then by index.
  /// Intervals empty after clipping give no events.
  ///
  /// - Complexity: O(*a* log *a*) for *a* allocations.
  func sweepEvents() -> [AllocationEvent] {
    var events: [AllocationEvent] = []
    events.reserveCapacity(allocations.count * 2)
    for (index, allocation) in allocations.enumerated() {
      let range = clipped(allocation)
      guard range.lowerBound < range.upperBound else { continue }
      events.append(.init(time: range.lowerBound, isStart: true,
        allocation: index))
      events.append(.init(time: range.upperBound, isStart: false,
        allocation: index))
    }
    events.sort {
      ($0.time, $0.isStart ? 1 : 0, $0.allocation)
        < ($1.time, $1.isStart ? 1 : 0, $1.allocation)
    }
    return events
  }

  /// An allocation's time clipped to [0, horizon], seconds.
  func clipped(_ allocation: AllocationInterval) -> Range<Int> {
    let start = min(max(allocation.startSeconds, 0), horizonSeconds)
    let end = min(max(allocation.endSeconds, start), horizonSeconds)
    return start..<end
  }
}

/// The integral over time of a quantity that changes in steps.
struct StepIntegral: Hashable, Sendable {
  /// The current value.
  private(set) var value: Double = 0
  /// When the value last changed, seconds.
  private(set) var since: Int = 0
  /// ∫ value dt up to `since`, value × seconds.
  private(set) var area: Double = 0

  /// Sets the value from `time` on, adding the previous value's area.
  mutating func set(_ newValue: Double, at time: Int) {
    precondition(time >= since, "time runs forward")
    area += value * Double(time - since)
    since = time
    value = newValue
  }

  /// The integral up to `time`, value × seconds.
  func area(upTo time: Int) -> Double {
    area + value * Double(time - since)
  }
}
