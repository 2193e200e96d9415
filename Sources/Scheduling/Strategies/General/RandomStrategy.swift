import RandomStreams

/// Random: a fitting node drawn uniformly from a seeded stream (named
/// `placement/random`), on the lowest-index devices.
///
/// A draw picks a node uniformly among all nodes of the open pools and
/// keeps it if it fits; after 64 misses it lists every fitting node and
/// draws among them. Both steps are uniform over the fitting nodes.
public struct RandomStrategy: ClusterPlacementStrategy {
  private var stream: RandomStream

  /// The attempts before listing every fitting node.
  public static let drawsBeforeListing = 64

  /// Creates the strategy with the run seed.
  public init(seed: UInt64) {
    stream = RandomStream(seed: seed, name: "placement/random")
  }

  /// `random`.
  public var name: StrategyName { .random }

  /// A uniformly random fitting node.
  ///
  /// - Complexity: O(1) expected draws when a fair share of nodes fits;
  ///   O(fitting nodes × log nodes) after 64 misses.
  public mutating func selectNode(
    for request: PodRequest, amongPools pools: [Int], in state: ClusterState
  ) -> Int? {
    let sizes = pools.map { state.pools[$0].nodeCount }
    let total = sizes.reduce(0, +)
    guard total > 0 else { return nil }
    for _ in 0..<Self.drawsBeforeListing {
      var draw = stream.nextInt(below: total)
      for (k, pool) in pools.enumerated() {
        if draw < sizes[k] {
          let node = state.pools[pool].firstNode + draw
          if state.fits(request, onNode: node) { return node }
          break
        }
        draw -= sizes[k]
      }
    }
    let fitting = pools.flatMap {
      state.fittingNodes(for: request, inPool: $0)
    }
    guard !fitting.isEmpty else { return nil }
    return fitting[stream.nextInt(below: fitting.count)]
  }

  /// Every option ranks equal: lowest GPU index, then lowest start.
  public func deviceKey(
    _ candidate: DeviceCandidate, for request: PodRequest, onNode node: Int,
    in state: ClusterState
  ) -> Int { 0 }
}
