/// A binary min-heap in an array: the smallest element on top.
struct MinHeap<Element: Comparable & Sendable>: Sendable {
  /// The elements in heap order.
  private(set) var storage: [Element] = []

  /// Whether the heap is empty.
  var isEmpty: Bool { storage.isEmpty }

  /// The number of elements.
  var count: Int { storage.count }

  /// The smallest element.
  var min: Element? { storage.first }

  /// Adds an element.
  ///
  /// - Complexity: O(log *n*).
  mutating func insert(_ element: Element) {
    storage.append(element)
    var child = storage.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard storage[child] < storage[parent] else { break }
      storage.swapAt(child, parent)
      child = parent
    }
  }

  /// Removes and returns the smallest element.
  ///
  /// - Complexity: O(log *n*).
  @discardableResult
  mutating func removeMin() -> Element? {
    guard !storage.isEmpty else { return nil }
    storage.swapAt(0, storage.count - 1)
    let top = storage.removeLast()
    var parent = 0
    while true {
      let left = 2 * parent + 1
      guard left < storage.count else { break }
      let right = left + 1
      var child = left
      if right < storage.count, storage[right] < storage[left] {
        child = right
      }
      guard storage[child] < storage[parent] else { break }
      storage.swapAt(child, parent)
      parent = child
    }
    return top
  }

  /// Creates a heap from arbitrary elements.
  ///
  /// - Complexity: O(*n* log *n*).
  init<S: Sequence>(_ elements: S) where S.Element == Element {
    storage = elements.sorted()
  }

  /// Creates an empty heap.
  init() {}
}
