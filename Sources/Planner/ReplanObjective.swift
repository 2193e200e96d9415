/// What a replan minimizes. Each figure is defined in docs/planner.md,
/// "Minimal-change replan"; ties are broken by the other two figures in
/// the order `order` gives.
public enum ReplanObjective: String, Sendable, Hashable, CaseIterable {
  /// GPUs re-laid out: GPUs whose instances differ before and after.
  case gpus
  /// Running instances disturbed: today's instances on GPUs re-laid out.
  case instances
  /// Nodes drained: nodes with at least one GPU re-laid out.
  case nodes

  /// The figures compared, this objective's first: `gpus` then
  /// `instances` then `nodes`, with this objective moved to the front.
  public var order: [ReplanObjective] {
    switch self {
    case .gpus: [.gpus, .instances, .nodes]
    case .instances: [.instances, .gpus, .nodes]
    case .nodes: [.nodes, .gpus, .instances]
    }
  }

  /// The weight of each figure in one integral objective that compares
  /// lexicographically in `order`, given the largest value each figure
  /// can take: the last figure weighs 1, the one before it (largest of
  /// the last + 1), the first (largest of the second + 1) × (largest of
  /// the last + 1). A unit of a figure then outweighs any change of the
  /// figures after it.
  ///
  /// - Parameter largest: the largest value of each figure.
  /// - Returns: the weight of each figure.
  func weights(largest: [ReplanObjective: Int]) -> [ReplanObjective: Int] {
    let figures = order
    let third = 1
    let second = (largest[figures[2]] ?? 0) + 1
    let first = ((largest[figures[1]] ?? 0) + 1) * second
    return [figures[0]: first, figures[1]: second, figures[2]: third]
  }
}
