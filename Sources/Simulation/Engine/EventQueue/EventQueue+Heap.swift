// MARK: - Internals

extension EventQueue {
  /// The number of children of each heap node.
  @usableFromInline static var arity: Int { 4 }

  /// Restores heap order after the slot at `index` may have become
  /// smaller than its parent.
  ///
  /// - Complexity: O(log n).
  @inlinable
  mutating func siftUp(from index: Int) {
    slots.withUnsafeMutableBufferPointer { heap in
      let moving = heap[index]
      var hole = index
      while hole > 0 {
        let parent = (hole - 1) / Self.arity
        guard moving.precedes(heap[parent]) else { break }
        heap[hole] = heap[parent]
        hole = parent
      }
      heap[hole] = moving
    }
  }

  /// Restores heap order after the slot at `index` may have become
  /// larger than one of its children.
  ///
  /// - Complexity: O(log n) comparisons, `arity` per level.
  @inlinable
  mutating func siftDown(from index: Int) {
    slots.withUnsafeMutableBufferPointer { heap in
      let count = heap.count
      let moving = heap[index]
      var hole = index
      while true {
        let first = hole * Self.arity + 1
        guard first < count else { break }
        var best = first
        let end = min(first + Self.arity, count)
        var child = first + 1
        while child < end {
          if heap[child].precedes(heap[best]) { best = child }
          child += 1
        }
        guard heap[best].precedes(moving) else { break }
        heap[hole] = heap[best]
        hole = best
      }
      heap[hole] = moving
    }
  }

  /// Removes and returns the top slot, live or not.
  ///
  /// - Complexity: O(log n).
  @inlinable
  mutating func removeTop() -> Slot {
    let last = slots.removeLast()
    guard !slots.isEmpty else { return last }
    let top = slots[0]
    slots[0] = last
    siftDown(from: 0)
    return top
  }

  /// Pops cancelled slots off the top until the top is pending.
  ///
  /// - Complexity: O(k log n) for k tombstones discarded.
  @inlinable
  mutating func discardTombstonesAtTop() {
    while tombstoneCount > 0, let top = slots.first,
      !pending.contains(top.order & Slot.sequenceMask)
    {
      _ = removeTop()
      tombstoneCount -= 1
    }
  }

  /// Drops every cancelled slot and rebuilds the heap bottom-up.
  ///
  /// - Complexity: O(n).
  @usableFromInline
  mutating func rebuildWithoutTombstones() {
    slots.removeAll { !pending.contains($0.order & Slot.sequenceMask) }
    tombstoneCount = 0
    guard slots.count > 1 else { return }
    var index = (slots.count - 2) / Self.arity
    while index >= 0 {
      siftDown(from: index)
      index -= 1
    }
  }
}
