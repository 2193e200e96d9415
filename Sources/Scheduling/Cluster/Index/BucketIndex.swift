/// The nodes of one pool grouped by a free-capacity value, so that the
/// tightest or loosest node with enough capacity is found by walking a few
/// buckets instead of every node.
///
/// Values `0...maximum` map to at most `bucketLimit` buckets: value 0 has
/// bucket 0 of its own and positive values share the rest evenly, so a
/// search for at least one unit never visits nodes with none.
struct BucketIndex: Hashable, Sendable {
  /// The most buckets an index uses.
  static let bucketLimit = 65

  private(set) var buckets: [NodeBitset]
  private var bucketOfNode: [Int16]
  private let maximum: Int

  /// An index over `nodeCount` nodes whose values lie in `0...maximum`.
  init(nodeCount: Int, maximum: Int) {
    self.maximum = max(maximum, 1)
    let count = min(self.maximum + 1, Self.bucketLimit)
    buckets = Array(repeating: NodeBitset(count: nodeCount), count: count)
    bucketOfNode = Array(repeating: -1, count: nodeCount)
  }

  /// The number of buckets.
  var bucketCount: Int { buckets.count }

  /// The bucket of `value` (values above the maximum share the last one).
  func bucket(of value: Int) -> Int {
    if value <= 0 { return 0 }
    let positive = buckets.count - 1
    if maximum <= positive { return min(value, positive) }
    return 1 + min(value - 1, maximum - 1) * (positive - 1) / (maximum - 1)
  }

  /// Files node `node` under `value`, or removes it when `value` is `nil`.
  ///
  /// - Complexity: O(1).
  mutating func set(_ node: Int, to value: Int?) {
    let old = Int(bucketOfNode[node])
    let new = value.map { bucket(of: $0) } ?? -1
    guard old != new else { return }
    if old >= 0 { buckets[old].remove(node) }
    if new >= 0 { buckets[new].insert(node) }
    bucketOfNode[node] = Int16(new)
  }

  /// The bucket node `node` is filed under, or `nil`.
  func currentBucket(of node: Int) -> Int? {
    bucketOfNode[node] >= 0 ? Int(bucketOfNode[node]) : nil
  }
}
