/// The nodes a scheduler places on, with a fixed priority order that
/// breaks score ties, and a version per node that changes whenever the
/// node does.
public struct PlacementCluster<Node: PlacementNodeState>: Sendable {
  /// The nodes, in their original order.
  public private(set) var nodes: [Node]
  /// Node indices from highest to lowest priority; a tie between equal
  /// scores goes to the node that comes first here.
  public let priorityOrder: [Int]
  /// A counter per node, increased by every bind and release; scores
  /// computed at one version stay valid while it holds.
  public private(set) var versions: [UInt32]

  /// Creates a cluster.
  ///
  /// - Parameters:
  ///   - nodes: the nodes in their original order.
  ///   - priorityOrder: a permutation of `nodes.indices`, highest priority
  ///     first; the identity when omitted.
  /// - Precondition: `priorityOrder` is a permutation of the node indices.
  /// - Complexity: O(nodes).
  public init(nodes: [Node], priorityOrder: [Int]? = nil) {
    let order = priorityOrder ?? Array(nodes.indices)
    precondition(
      order.count == nodes.count
        && Set(order) == Set(nodes.indices),
      "priorityOrder must be a permutation of the node indices")
    self.nodes = nodes
    self.priorityOrder = order
    self.versions = Array(repeating: 1, count: nodes.count)
  }

  /// Binds `request` to node `index` on the devices of `assignment`.
  ///
  /// - Precondition: the node fits the request.
  public mutating func bind(
    _ request: Node.Request, to assignment: Node.Assignment, onNode index: Int
  ) {
    nodes[index].bind(request, to: assignment)
    versions[index] &+= 1
  }

  /// Releases a request bound earlier to node `index`.
  public mutating func release(
    _ request: Node.Request, from assignment: Node.Assignment,
    onNode index: Int
  ) {
    nodes[index].release(request, from: assignment)
    versions[index] &+= 1
  }
}
