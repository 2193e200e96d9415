/// The outcome of scheduling one pod: a node and the devices inside it,
/// or the reasons no node fits.
public enum PlacementDecision<Assignment: Hashable & Sendable>: Hashable,
  Sendable
{
  /// The pod goes to node `node` (an index into the cluster's nodes) on
  /// the devices of `assignment`; `score` is the winning score after
  /// normalisation.
  case placed(node: Int, assignment: Assignment, score: Int)
  /// No node passed the filters.
  case refused(PlacementFailure)

  /// The chosen node, or `nil` when refused.
  public var node: Int? {
    if case .placed(let node, _, _) = self { return node }
    return nil
  }
}
