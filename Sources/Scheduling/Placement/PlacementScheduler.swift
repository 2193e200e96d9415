/// Runs a placement strategy over a cluster: filter, pre-score, score,
/// normalise, choose (ties to priority order), then pick devices.
///
/// The scheduler remembers scores per (score class, node) together with
/// the node's version, and reuses them while the node has not changed and
/// the strategy allows it; so a run scores each changed node once per
/// request class instead of every node for every pod. Use one scheduler
/// with one cluster.
public struct PlacementScheduler<Strategy: PlacementStrategy>: Sendable {
  /// The strategy, which may carry random streams.
  public var strategy: Strategy

  /// Remembered scores: slot per score class, then node.
  @usableFromInline var cachedScores: [Int] = []
  /// The node version each remembered score was computed at (0 = none).
  @usableFromInline var cachedVersions: [UInt32] = []
  /// The slot of each score class.
  @usableFromInline var slotByClass: [Int: Int] = [:]
  /// Scratch buffers reused between decisions.
  @usableFromInline var feasible: [Int] = []
  @usableFromInline var scores: [Int] = []

  /// Creates a scheduler around a strategy.
  public init(strategy: Strategy) {
    self.strategy = strategy
  }

  /// Chooses a node and devices for `request`, without binding.
  ///
  /// - Returns: the node, devices and winning score, or the refusals.
  /// - Complexity: O(nodes) filter checks plus one score per feasible node
  ///   whose score is not remembered.
  @inlinable
  public mutating func decide(
    _ request: Strategy.Node.Request,
    in cluster: PlacementCluster<Strategy.Node>
  ) -> PlacementDecision<Strategy.Node.Assignment> {
    feasible.removeAll(keepingCapacity: true)
    for index in cluster.priorityOrder
    where cluster.nodes[index].fits(request) {
      feasible.append(index)
    }
    if feasible.isEmpty {
      return .refused(Self.failure(of: request, in: cluster))
    }

    strategy.prepareScores(for: request, feasible: feasible, in: cluster)
    scoreFeasibleNodes(request, in: cluster)
    strategy.normalize(&scores)

    var best = 0
    for position in 1..<scores.count where scores[position] > scores[best] {
      best = position
    }
    let node = feasible[best]
    let assignment = strategy.assignment(
      for: request, on: cluster.nodes[node])
    return .placed(node: node, assignment: assignment, score: scores[best])
  }

  /// Decides and, when a node is found, binds the request there.
  ///
  /// - Returns: the decision.
  /// - Complexity: as `decide`.
  @inlinable
  public mutating func place(
    _ request: Strategy.Node.Request,
    in cluster: inout PlacementCluster<Strategy.Node>
  ) -> PlacementDecision<Strategy.Node.Assignment> {
    let decision = decide(request, in: cluster)
    if case .placed(let node, let assignment, _) = decision {
      cluster.bind(request, to: assignment, onNode: node)
    }
    return decision
  }

  /// Fills `scores` for the `feasible` nodes, reusing remembered scores.
  @inlinable
  mutating func scoreFeasibleNodes(
    _ request: Strategy.Node.Request,
    in cluster: PlacementCluster<Strategy.Node>
  ) {
    scores.removeAll(keepingCapacity: true)
    guard strategy.reusesScores, let scoreClass = request.scoreClass else {
      for index in feasible {
        scores.append(
          strategy.score(request, on: cluster.nodes[index], at: index))
      }
      return
    }
    let nodeCount = cluster.nodes.count
    let base: Int
    if let slot = slotByClass[scoreClass] {
      base = slot * nodeCount
    } else {
      base = cachedScores.count
      precondition(base % max(nodeCount, 1) == 0,
        "a scheduler must be used with one cluster")
      slotByClass[scoreClass] = base / max(nodeCount, 1)
      cachedScores.append(contentsOf: repeatElement(0, count: nodeCount))
      cachedVersions.append(contentsOf: repeatElement(0, count: nodeCount))
    }
    for index in feasible {
      let version = cluster.versions[index]
      if cachedVersions[base + index] != version {
        cachedScores[base + index] =
          strategy.score(request, on: cluster.nodes[index], at: index)
        cachedVersions[base + index] = version
      }
      scores.append(cachedScores[base + index])
    }
  }

  /// Collects every node's refusal.
  @usableFromInline
  static func failure(
    of request: Strategy.Node.Request,
    in cluster: PlacementCluster<Strategy.Node>
  ) -> PlacementFailure {
    // Few distinct reasons occur, so a short list beats hashing.
    var tally: [(reason: PlacementRefusal.Reason, nodes: Int)] = []
    var closest: PlacementRefusal?
    for index in cluster.priorityOrder {
      guard let refusal = cluster.nodes[index].refusal(for: request) else {
        preconditionFailure("fits and refusal(for:) disagree")
      }
      if let position = tally.firstIndex(where: {
        $0.reason.stage == refusal.reason.stage
          && $0.reason == refusal.reason
      }) {
        tally[position].nodes += 1
      } else {
        tally.append((refusal.reason, 1))
      }
      if closest.map({ refusal.reason.stage > $0.reason.stage }) ?? true {
        closest = refusal
      }
    }
    var counts: [PlacementRefusal.Reason: Int] = [:]
    for entry in tally { counts[entry.reason, default: 0] += entry.nodes }
    return PlacementFailure(
      nodeCount: cluster.nodes.count, nodesByReason: counts,
      closest: closest)
  }
}
