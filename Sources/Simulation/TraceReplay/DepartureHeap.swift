import Scheduling

/// A binary min-heap of departures ordered by (time, sequence), so equal
/// times leave in the order they were scheduled.
struct DepartureHeap {
  struct Departure {
    var time: Int
    var sequence: Int
    var pod: Int
    var node: Int
    var assignment: FractionalAssignment
  }

  private var items: [Departure] = []

  var isEmpty: Bool { items.isEmpty }
  var nextTime: Int? { items.first?.time }

  /// - Complexity: O(log n).
  mutating func push(_ item: Departure) {
    items.append(item)
    var child = items.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard Self.before(items[child], items[parent]) else { break }
      items.swapAt(child, parent)
      child = parent
    }
  }

  /// - Complexity: O(log n).
  mutating func pop() -> Departure? {
    guard !items.isEmpty else { return nil }
    items.swapAt(0, items.count - 1)
    let top = items.removeLast()
    var parent = 0
    while true {
      let left = 2 * parent + 1
      let right = left + 1
      var smallest = parent
      if left < items.count, Self.before(items[left], items[smallest]) {
        smallest = left
      }
      if right < items.count, Self.before(items[right], items[smallest]) {
        smallest = right
      }
      if smallest == parent { break }
      items.swapAt(parent, smallest)
      parent = smallest
    }
    return top
  }

  private static func before(_ a: Departure, _ b: Departure) -> Bool {
    (a.time, a.sequence) < (b.time, b.sequence)
  }
}
