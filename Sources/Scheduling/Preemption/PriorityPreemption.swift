/// Priority preemption as kube-scheduler's default preemption does it
/// [S30][S31][S32], over a node-fit oracle supplied by the caller.
///
/// The oracle answers "would the preemptor fit on `node` if these pods
/// were removed?"; this type never looks at resources itself, so it works
/// with any placement model. Pod disruption budgets are not modelled, so
/// the PDB steps of the rules are skipped (every victim counts as not
/// violating one).
public struct PriorityPreemption: Sendable {
  /// The preemptor's priority.
  public var priority: Int
  /// Whether the preemptor may evict (`preemptionPolicy` other than
  /// `Never`).
  public var mayPreempt: Bool

  /// Creates a preemption problem for one pod.
  ///
  /// - Parameters:
  ///   - priority: The preemptor's priority.
  ///   - mayPreempt: `false` for `preemptionPolicy: Never`.
  public init(priority: Int, mayPreempt: Bool = true) {
    self.priority = priority
    self.mayPreempt = mayPreempt
  }

  /// How many nodes kube-scheduler examines before it stops: 10 % of the
  /// nodes, at least 100, at most all of them [S32].
  ///
  /// - Parameter nodeCount: Nodes in the cluster.
  public static func candidateLimit(nodeCount: Int) -> Int {
    min(nodeCount, max(nodeCount / 10, 100))
  }

  /// Chooses a node and the fewest-impact victims on it.
  ///
  /// Per node: if the preemptor fits with nothing removed, the node wins
  /// at once. Otherwise every pod of strictly lower priority is removed;
  /// if the preemptor still does not fit, the node is out. The removed
  /// pods are then added back from the most important (priority
  /// descending, then earlier start), each kept if the preemptor still
  /// fits; the rest are the victims. Among nodes with victims the choice
  /// is, in order: lowest highest-victim priority; smallest sum of victim
  /// priorities (each offset by 2³¹ as kube-scheduler does); fewest
  /// victims; latest start among the highest-priority victims; the first
  /// in `nodes` order.
  ///
  /// - Parameters:
  ///   - nodes: Candidate nodes in the order to examine them (the caller
  ///     leaves out nodes refused for unresolvable reasons, such as taints
  ///     or node affinity, and picks the starting offset).
  ///   - limit: Stop after this many nodes where preemption works, `nil`
  ///     for all; see `candidateLimit(nodeCount:)`.
  ///   - fits: Whether the preemptor fits on a node with the given pods
  ///     removed.
  /// - Returns: The chosen node and victims, or why there is none.
  /// - Complexity: O(Σ over nodes of *p* log *p*) plus *p* + 2 oracle
  ///   calls per node for *p* pods on it.
  public func choose(
    among nodes: [PreemptionNode], limit: Int? = nil,
    fits: (_ node: Int, _ removing: [Int]) -> Bool
  ) -> PreemptionOutcome {
    guard mayPreempt else {
      return .refused(
        PreemptionRefusal(
          cause: .preemptionPolicyNever, nodesExamined: 0,
          nodesWithoutLowerPriorityPods: 0))
    }
    var best: (choice: PreemptionChoice, rank: VictimRank)?
    var examined = 0
    var nothingLower = 0
    var found = 0
    for candidate in nodes {
      if let limit, found >= limit { break }
      examined += 1
      if fits(candidate.node, []) {
        return .chosen(PreemptionChoice(node: candidate.node, victims: []))
      }
      let lower = candidate.pods.filter { $0.priority < priority }
      if lower.isEmpty {
        nothingLower += 1
        continue
      }
      guard let victims = minimalVictims(on: candidate.node, lower, fits)
      else { continue }
      found += 1
      let rank = VictimRank(victims)
      if best.map({ rank < $0.rank }) ?? true {
        let choice = PreemptionChoice(node: candidate.node, victims: victims)
        best = (choice, rank)
      }
    }
    if let best { return .chosen(best.choice) }
    return .refused(
      PreemptionRefusal(
        cause: nodes.isEmpty ? .noCandidateNodes : .noNodeFitsAfterRemoval,
        nodesExamined: examined,
        nodesWithoutLowerPriorityPods: nothingLower))
  }

  // MARK: - Internals

  /// The victims on one node, most important first, or `nil` when
  /// removing all of `lower` is not enough.
  func minimalVictims(
    on node: Int, _ lower: [RunningPod],
    _ fits: (_ node: Int, _ removing: [Int]) -> Bool
  ) -> [RunningPod]? {
    let ordered = lower.sorted(by: Self.isMoreImportant)
    var removing = ordered.map(\.id)
    guard fits(node, removing) else { return nil }
    var victims: [RunningPod] = []
    for pod in ordered {
      let without = removing.filter { $0 != pod.id }
      if fits(node, without) {
        removing = without
      } else {
        victims.append(pod)
      }
    }
    return victims
  }

  /// Priority descending, then earlier start, then smaller id.
  static func isMoreImportant(_ a: RunningPod, _ b: RunningPod) -> Bool {
    if a.priority != b.priority { return a.priority > b.priority }
    if a.startedAt != b.startedAt { return a.startedAt < b.startedAt }
    return a.id < b.id
  }
}

/// How costly a node's victim set is; smaller is better [S31].
struct VictimRank: Comparable {
  /// The highest victim priority.
  var highest: Int
  /// Σ (priority + 2³¹) over victims.
  var offsetSum: Int
  /// The number of victims.
  var count: Int
  /// The earliest start among the highest-priority victims, negated so
  /// that a later start ranks smaller.
  var negatedEarliestTop: Int

  /// Ranks a non-empty victim set.
  init(_ victims: [RunningPod]) {
    precondition(!victims.isEmpty, "a victim set to rank is not empty")
    let top = victims.map(\.priority).max() ?? 0
    highest = top
    offsetSum = victims.reduce(0) { $0 + $1.priority + (1 << 31) }
    count = victims.count
    let earliest =
      victims.filter { $0.priority == top }
      .map(\.startedAt).min() ?? 0
    negatedEarliestTop = -earliest
  }

  static func < (a: VictimRank, b: VictimRank) -> Bool {
    (a.highest, a.offsetSum, a.count, a.negatedEarliestTop)
      < (b.highest, b.offsetSum, b.count, b.negatedEarliestTop)
  }
}
