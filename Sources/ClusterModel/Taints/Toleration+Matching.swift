// MARK: - One toleration, one taint

extension Toleration {
  /// Whether this toleration matches `taint`.
  ///
  /// The rule of Kubernetes' `Toleration.ToleratesTaint`: a set effect must
  /// equal the taint's effect; a non-empty key must equal the taint's key;
  /// then `Equal` compares values, `Exists` accepts any value, and `Lt` /
  /// `Gt` compare both values as 64-bit integers (an unparsable value never
  /// matches). An empty key with `Equal` is refused by validation; were it
  /// used, it would match every key whose value is equal.
  ///
  /// - Parameter taint: The taint to test.
  /// - Returns: `true` when the toleration matches.
  public func tolerates(_ taint: Taint) -> Bool {
    if let effect, effect != taint.effect { return false }
    if !key.isEmpty, key != taint.key { return false }
    switch `operator` {
    case .equal:
      return value == taint.value
    case .exists:
      return true
    case .lessThan, .greaterThan:
      guard let mine = Int64(value), let theirs = Int64(taint.value) else {
        return false
      }
      return `operator` == .lessThan ? theirs < mine : theirs > mine
    }
  }
}

// MARK: - A pod's tolerations against a node's taints

/// What happens to a running pod when a node carries `NoExecute` taints.
public enum NoExecuteOutcome: Hashable, Sendable {
  /// Every `NoExecute` taint is tolerated with no time limit.
  case stays
  /// Every `NoExecute` taint is tolerated, the shortest limit applies.
  case evictedAfter(seconds: Int)
  /// Some `NoExecute` taint is untolerated, or a limit is zero or less.
  case evictedNow
}

extension Sequence where Element == Toleration {
  /// Whether some toleration of the sequence matches `taint`.
  ///
  /// - Complexity: O(*n*) for *n* tolerations.
  public func tolerate(_ taint: Taint) -> Bool {
    contains { $0.tolerates(taint) }
  }

  /// The first taint among `taints` whose effect is in `effects` and that
  /// no toleration matches, or `nil` when all such taints are tolerated.
  ///
  /// The scheduler's filter uses `[.noSchedule, .noExecute]`: the first
  /// untolerated one rejects the node and is named in the reason.
  ///
  /// - Parameters:
  ///   - taints: The node's taints, in the node's order.
  ///   - effects: The effects that count; others are ignored.
  /// - Complexity: O(*t* × *n*) for *t* taints and *n* tolerations.
  public func firstUntolerated(
    in taints: [Taint],
    effects: Set<TaintEffect> = [.noSchedule, .noExecute]
  ) -> Taint? {
    taints.first { effects.contains($0.effect) && !tolerate($0) }
  }

  /// Whether every taint among `taints` whose effect is in `effects` is
  /// tolerated.
  ///
  /// - Parameters:
  ///   - taints: The node's taints.
  ///   - effects: The effects that count; `NoSchedule` and `NoExecute` by
  ///     default, the scheduler filter's choice.
  /// - Complexity: O(*t* × *n*) for *t* taints and *n* tolerations.
  public func tolerateAll(
    _ taints: [Taint],
    effects: Set<TaintEffect> = [.noSchedule, .noExecute]
  ) -> Bool {
    firstUntolerated(in: taints, effects: effects) == nil
  }

  /// The number of `PreferNoSchedule` taints among `taints` not tolerated,
  /// the raw score of the scheduler's TaintToleration scorer (lower is
  /// better).
  ///
  /// Only tolerations whose effect is `PreferNoSchedule` or unset count: a
  /// `NoSchedule` toleration does not cover a `PreferNoSchedule` taint.
  ///
  /// - Complexity: O(*t* × *n*) for *t* taints and *n* tolerations.
  public func untoleratedPreferNoScheduleCount(in taints: [Taint]) -> Int {
    let scoring = filter { $0.effect == nil || $0.effect == .preferNoSchedule }
    return taints.count {
      $0.effect == .preferNoSchedule && !scoring.tolerate($0)
    }
  }

  /// What the taint-eviction controller does to a running pod with these
  /// tolerations on a node with `taints`.
  ///
  /// Only `NoExecute` taints count. An untolerated one evicts at once.
  /// Otherwise take, for each `NoExecute` taint, the first toleration (in
  /// the pod's order) that matches it, as Kubernetes'
  /// `GetMatchingTolerations` does: if none of those sets
  /// `tolerationSeconds` the pod stays; if any sets a value of zero or less
  /// it is evicted at once; else after the smallest value.
  ///
  /// - Complexity: O(*t* × *n*) for *t* taints and *n* tolerations.
  public func noExecuteOutcome(on taints: [Taint]) -> NoExecuteOutcome {
    let executing = taints.filter { $0.effect == .noExecute }
    var matching: [Toleration] = []
    for taint in executing {
      guard let first = first(where: { $0.tolerates(taint) }) else {
        return .evictedNow
      }
      matching.append(first)
    }
    let limits = matching.compactMap(\.tolerationSeconds)
    guard let shortest = limits.min() else { return .stays }
    return shortest <= 0 ? .evictedNow : .evictedAfter(seconds: shortest)
  }
}
