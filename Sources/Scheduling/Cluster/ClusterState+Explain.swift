/// Why a request fits no node: refusals counted per pool and filter, and
/// the refusal of the node that passed the most filters.
public struct PlacementExplanation: Hashable, Sendable, CustomStringConvertible {
  /// Per pool, in pool order: its name and its nodes counted by reason.
  public var pools: [(name: String, nodesByReason: [PlacementRefusal.Reason: Int])]
  /// The whole cluster's counts and closest refusal.
  public var failure: PlacementFailure
  /// The closest node's name, or `nil` when some node fits or the cluster
  /// is empty.
  public var closestNode: String?

  public static func == (a: Self, b: Self) -> Bool {
    a.failure == b.failure && a.closestNode == b.closestNode
      && a.pools.map(\.name) == b.pools.map(\.name)
      && a.pools.map(\.nodesByReason) == b.pools.map(\.nodesByReason)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(failure)
    hasher.combine(closestNode)
  }

  /// The Kubernetes-style summary, one line per pool, then the closest
  /// node's refusal.
  public var description: String {
    var lines = [failure.description]
    for pool in pools {
      let parts = pool.nodesByReason.sorted { $0.key < $1.key }
        .map { "\($0.value) \($0.key)" }
      lines.append("  \(pool.name): " + parts.joined(separator: ", "))
    }
    if let closestNode, let closest = failure.closest {
      lines.append("  closest: \(closestNode): \(closest)")
    }
    return lines.joined(separator: "\n")
  }
}

extension ClusterState {
  /// Every node's first refusal of the request, counted per pool and per
  /// filter, with the node that came closest (latest stage, first in
  /// priority order). Nodes that fit are counted under nothing.
  ///
  /// - Complexity: O(nodes × GPUs × instances).
  public mutating func explain(_ request: PodRequest) -> PlacementExplanation {
    var request = request
    intern(&request)
    var total: [PlacementRefusal.Reason: Int] = [:]
    var perPool: [(String, [PlacementRefusal.Reason: Int])] = []
    var closest: (refusal: PlacementRefusal, node: Int)?
    for pool in pools {
      var counts: [PlacementRefusal.Reason: Int] = [:]
      for node in pool.firstNode..<(pool.firstNode + pool.nodeCount) {
        guard let refusal = refusal(for: request, onNode: node) else {
          continue
        }
        counts[refusal.reason, default: 0] += 1
        total[refusal.reason, default: 0] += 1
        if closest.map({ refusal.reason.stage > $0.refusal.reason.stage })
          ?? true
        {
          closest = (refusal, node)
        }
      }
      perPool.append((pool.spec.name, counts))
    }
    return PlacementExplanation(
      pools: perPool,
      failure: PlacementFailure(
        nodeCount: nodes.count, nodesByReason: total,
        closest: closest?.refusal),
      closestNode: closest.map { nodeName($0.node) })
  }
}
