/// A segment tree over the nodes of one pool, in priority order, holding
/// for each subtree the maximum of every capacity dimension (free CPU,
/// free memory, emptiness, free GPU units per kind). It answers "the first
/// node at or after a position whose every needed dimension is large
/// enough" by descending only into subtrees whose maxima allow it.
///
/// A maximum is a necessary condition, not a sufficient one: a subtree may
/// pass with its CPU maximum on one node and its GPU maximum on another,
/// so a search may descend and come back empty; leaves are exact.
struct CapacityTree: Hashable, Sendable {
  /// Dimensions per tree node.
  let dimensions: Int
  /// Leaves: the smallest power of two ≥ the node count.
  private let size: Int
  private var values: [Int32]

  /// A tree over `nodeCount` leaves of `dimensions` values each, all -1
  /// (absent).
  init(nodeCount: Int, dimensions: Int) {
    self.dimensions = dimensions
    var size = 1
    while size < max(nodeCount, 1) { size <<= 1 }
    self.size = size
    values = Array(repeating: -1, count: 2 * size * dimensions)
  }

  /// The values of leaf `leaf`.
  func leaf(_ leaf: Int, dimension: Int) -> Int32 {
    values[(size + leaf) * dimensions + dimension]
  }

  /// Replaces the values of leaf `leaf` and restores the maxima above it.
  ///
  /// - Complexity: O(dimensions × log nodes).
  mutating func update(_ leaf: Int, with new: [Int32]) {
    precondition(new.count == dimensions, "one value per dimension")
    var node = size + leaf
    for d in 0..<dimensions { values[node * dimensions + d] = new[d] }
    node >>= 1
    while node >= 1 {
      let base = node * dimensions
      let left = 2 * node * dimensions
      let right = left + dimensions
      var changed = false
      for d in 0..<dimensions {
        let m = max(values[left + d], values[right + d])
        if values[base + d] != m {
          values[base + d] = m
          changed = true
        }
      }
      if !changed { break }
      node >>= 1
    }
  }

  /// Whether tree node `node` may hold a leaf meeting every need.
  @inline(__always)
  private func allows(_ node: Int, _ needs: CapacityNeeds) -> Bool {
    let base = node * dimensions
    for k in 0..<needs.dimensions.count
    where values[base + needs.dimensions[k]] < needs.amounts[k] {
      return false
    }
    return true
  }

  /// The first leaf at or after `start` whose values meet every need.
  ///
  /// - Complexity: O(log nodes) when the maxima lead straight to a leaf;
  ///   more when maxima of different dimensions sit on different nodes.
  func first(from start: Int, meeting needs: CapacityNeeds) -> Int? {
    guard start < size else { return nil }
    return search(1, low: 0, high: size, start: start, needs)
  }

  private func search(
    _ node: Int, low: Int, high: Int, start: Int, _ needs: CapacityNeeds
  ) -> Int? {
    if high <= start || !allows(node, needs) { return nil }
    if high - low == 1 { return low }
    let middle = (low + high) >> 1
    if let found = search(
      2 * node, low: low, high: middle, start: start, needs)
    {
      return found
    }
    return search(2 * node + 1, low: middle, high: high, start: start, needs)
  }
}

/// The amounts a request needs in some dimensions of a `CapacityTree`.
struct CapacityNeeds: Hashable, Sendable {
  /// The dimension indices.
  var dimensions: [Int]
  /// The amount needed in each, parallel to `dimensions`.
  var amounts: [Int32]
}
