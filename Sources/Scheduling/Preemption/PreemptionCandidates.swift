/// A running pod that priority preemption may evict.
public struct RunningPod: Hashable, Sendable {
  /// The pod's identifier.
  public var id: Int
  /// The pod's priority; higher is more important.
  public var priority: Int
  /// When the pod started, in simulated seconds.
  public var startedAt: Int

  /// Creates a running pod.
  ///
  /// - Parameters:
  ///   - id: The identifier.
  ///   - priority: The priority.
  ///   - startedAt: Start time, simulated seconds.
  public init(id: Int, priority: Int, startedAt: Int) {
    self.id = id
    self.priority = priority
    self.startedAt = startedAt
  }
}

/// A node on which priority preemption may make room, with its pods.
public struct PreemptionNode: Hashable, Sendable {
  /// The node's identifier, passed back to the fit oracle.
  public var node: Int
  /// The pods running on it.
  public var pods: [RunningPod]

  /// Creates a candidate node.
  ///
  /// - Parameters:
  ///   - node: The node's identifier.
  ///   - pods: Its running pods.
  public init(node: Int, pods: [RunningPod]) {
    self.node = node
    self.pods = pods
  }
}

/// The node and pods priority preemption chose.
public struct PreemptionChoice: Hashable, Sendable {
  /// The node the preemptor is nominated to.
  public var node: Int
  /// The pods to evict, most important first.
  public var victims: [RunningPod]

  /// Creates a choice.
  ///
  /// - Parameters:
  ///   - node: The node.
  ///   - victims: The victims.
  public init(node: Int, victims: [RunningPod]) {
    self.node = node
    self.victims = victims
  }
}

/// Why priority preemption found no node, with counts a person can check.
public struct PreemptionRefusal: Hashable, Sendable, CustomStringConvertible {
  /// The main reason.
  public enum Cause: String, Hashable, Sendable, CaseIterable {
    /// The preemptor's `preemptionPolicy` is `Never`.
    case preemptionPolicyNever
    /// No candidate node was given.
    case noCandidateNodes
    /// On every node, removing all lower-priority pods is not enough.
    case noNodeFitsAfterRemoval
  }

  /// The main reason.
  public var cause: Cause
  /// Nodes examined.
  public var nodesExamined: Int
  /// Nodes without any pod of lower priority than the preemptor.
  public var nodesWithoutLowerPriorityPods: Int

  /// Creates a refusal.
  ///
  /// - Parameters:
  ///   - cause: The reason.
  ///   - nodesExamined: Nodes examined.
  ///   - nodesWithoutLowerPriorityPods: Nodes with nothing to evict.
  public init(
    cause: Cause, nodesExamined: Int, nodesWithoutLowerPriorityPods: Int
  ) {
    self.cause = cause
    self.nodesExamined = nodesExamined
    self.nodesWithoutLowerPriorityPods = nodesWithoutLowerPriorityPods
  }

  /// `preemption (noNodeFitsAfterRemoval): 12 nodes examined, 3 without
  /// lower-priority pods`.
  public var description: String {
    "preemption (\(cause.rawValue)): \(nodesExamined) nodes examined, "
      + "\(nodesWithoutLowerPriorityPods) without lower-priority pods"
  }
}

/// What priority preemption decided for one pod.
public enum PreemptionOutcome: Hashable, Sendable {
  /// Evict `victims` on `node` (none when the pod fits there as it is).
  case chosen(PreemptionChoice)
  /// No node can make room.
  case refused(PreemptionRefusal)

  /// The choice, `nil` when refused.
  public var choice: PreemptionChoice? {
    if case .chosen(let choice) = self { return choice }
    return nil
  }
}
