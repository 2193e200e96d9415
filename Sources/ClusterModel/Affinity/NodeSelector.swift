/// How a node selector requirement tests a node label.
public enum NodeSelectorOperator: String, CaseIterable, Hashable, Sendable {
  /// The label is present and its value is one of `values`.
  case `in` = "In"
  /// The label is absent, or its value is none of `values`.
  case notIn = "NotIn"
  /// The label is present; `values` must be empty.
  case exists = "Exists"
  /// The label is absent; `values` must be empty.
  case doesNotExist = "DoesNotExist"
  /// The label is present, it and the single value parse as 64-bit
  /// integers, and the label's is greater.
  case greaterThan = "Gt"
  /// The label is present, it and the single value parse as 64-bit
  /// integers, and the label's is smaller.
  case lessThan = "Lt"
}

/// One `matchExpressions` entry of a node selector term.
public struct NodeSelectorRequirement: Hashable, Sendable {
  /// The label key.
  public var key: String
  /// The test.
  public var `operator`: NodeSelectorOperator
  /// The values: non-empty for `In`/`NotIn`, empty for `Exists` /
  /// `DoesNotExist`, exactly one integer for `Gt`/`Lt`.
  public var values: [String]

  /// Creates a requirement.
  ///
  /// - Parameters:
  ///   - key: The label key.
  ///   - operator: The test.
  ///   - values: The values, empty by default.
  public init(
    key: String, operator: NodeSelectorOperator, values: [String] = []
  ) {
    self.key = key
    self.operator = `operator`
    self.values = values
  }

  /// Whether a node with `labels` satisfies this requirement.
  ///
  /// - Complexity: O(*v*) for *v* values.
  public func matches(_ labels: [String: String]) -> Bool {
    let label = labels[key]
    switch `operator` {
    case .in:
      guard let label else { return false }
      return values.contains(label)
    case .notIn:
      guard let label else { return true }
      return !values.contains(label)
    case .exists:
      return label != nil
    case .doesNotExist:
      return label == nil
    case .greaterThan, .lessThan:
      guard values.count == 1, let label, let mine = Int64(label),
        let bound = Int64(values[0])
      else { return false }
      return `operator` == .greaterThan ? mine > bound : mine < bound
    }
  }
}

/// One `nodeSelectorTerms` entry: its requirements are AND-ed.
public struct NodeSelectorTerm: Hashable, Sendable {
  /// The requirements, all of which must hold.
  public var matchExpressions: [NodeSelectorRequirement]

  /// Creates a term.
  ///
  /// - Parameter matchExpressions: The requirements.
  public init(matchExpressions: [NodeSelectorRequirement]) {
    self.matchExpressions = matchExpressions
  }

  /// Whether a node with `labels` satisfies every requirement. A term with
  /// no requirements matches no node, as in Kubernetes.
  ///
  /// - Complexity: O(total values of the requirements).
  public func matches(_ labels: [String: String]) -> Bool {
    !matchExpressions.isEmpty && matchExpressions.allSatisfy {
      $0.matches(labels)
    }
  }
}

/// Required node affinity
/// (`requiredDuringSchedulingIgnoredDuringExecution`): its terms are OR-ed.
public struct NodeSelector: Hashable, Sendable {
  /// The terms, one of which must hold; never empty once validated.
  public var terms: [NodeSelectorTerm]

  /// Creates a required node affinity.
  ///
  /// - Parameter terms: The terms.
  public init(terms: [NodeSelectorTerm]) {
    self.terms = terms
  }

  /// Whether a node with `labels` satisfies some term.
  ///
  /// - Complexity: O(total values of all requirements).
  public func matches(_ labels: [String: String]) -> Bool {
    terms.contains { $0.matches(labels) }
  }
}

/// Where a pod may land by node labels: a `nodeSelector` map and an
/// optional required node affinity, both of which must hold.
///
/// Label changes after binding never evict a running pod
/// ("IgnoredDuringExecution").
public struct NodePlacement: Hashable, Sendable {
  /// Labels every matching node carries with exactly these values.
  public var nodeSelector: [String: String]
  /// Required node affinity, or `nil` for none.
  public var requiredAffinity: NodeSelector?

  /// Creates a placement rule; by default it matches every node.
  ///
  /// - Parameters:
  ///   - nodeSelector: Required labels, empty by default.
  ///   - requiredAffinity: Required node affinity, `nil` by default.
  public init(
    nodeSelector: [String: String] = [:],
    requiredAffinity: NodeSelector? = nil
  ) {
    self.nodeSelector = nodeSelector
    self.requiredAffinity = requiredAffinity
  }

  /// Whether a node with `labels` satisfies both the node selector and the
  /// required affinity.
  ///
  /// - Complexity: O(selector size + affinity size).
  public func matches(_ labels: [String: String]) -> Bool {
    nodeSelector.allSatisfy { labels[$0.key] == $0.value }
      && (requiredAffinity?.matches(labels) ?? true)
  }
}
