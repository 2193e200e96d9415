// MARK: - Invariants

extension EventQueue {
  /// Checks the whole structure when the `MIGSIM_CHECK_INVARIANTS`
  /// compilation condition is set; does nothing otherwise.
  ///
  /// - Complexity: O(n) when checking, O(1) otherwise.
  @inlinable
  func checkInvariants() {
    #if MIGSIM_CHECK_INVARIANTS
      if let violation = invariantViolation() {
        preconditionFailure(violation)
      }
    #endif
  }

  /// A description of the first broken invariant, or `nil` when the heap
  /// order holds, the top is pending, and the tombstone count matches.
  ///
  /// - Complexity: O(n).
  @usableFromInline
  func invariantViolation() -> String? {
    for index in slots.indices.dropFirst() {
      let parent = (index - 1) / Self.arity
      if slots[index].precedes(slots[parent]) {
        return "slot \(index) precedes its parent \(parent)"
      }
    }
    if let top = slots.first,
      !pending.contains(top.order & Slot.sequenceMask)
    {
      return "the top slot is cancelled"
    }
    let cancelled = slots.count {
      !pending.contains($0.order & Slot.sequenceMask)
    }
    if cancelled != tombstoneCount {
      return "\(cancelled) cancelled slots, tombstoneCount \(tombstoneCount)"
    }
    if slots.count - cancelled > Int(nextSequenceNumber) {
      return "more pending slots than events scheduled"
    }
    return nil
  }
}
