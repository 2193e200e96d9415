/// A group of identical nodes: same GPU model and count, CPU, memory,
/// labels, taints and GPU sharing mode.
///
/// A pool states its size with `nodeCount`, so a fleet of thousands of nodes
/// takes a few lines. Individual nodes are produced by `nodes()`.
public struct NodePool: Hashable, Sendable {
  /// The pool's name, unique in the cluster; also the prefix of its node
  /// names.
  public var name: String
  /// How many nodes the pool has; at least 1.
  public var nodeCount: Int
  /// The GPU model's name, such as `A100-SXM4-80GB`.
  public var gpuModel: String
  /// GPUs per node; at least 1.
  public var gpuCount: Int
  /// CPU per node in milli-cores; at least 1.
  public var cpuMilli: Int
  /// Memory per node in MiB; at least 1.
  public var memoryMiB: Int
  /// Labels given by the scenario (the well-known labels of
  /// `Node.labels` are added on top).
  public var labels: [String: String]
  /// Taints on every node of the pool.
  public var taints: [Taint]
  /// How the pool's GPUs are shared.
  public var sharing: GPUSharing

  /// Creates a pool.
  ///
  /// - Parameters:
  ///   - name: The pool's name.
  ///   - nodeCount: The number of nodes, 1 by default.
  ///   - gpuModel: The GPU model's name.
  ///   - gpuCount: GPUs per node.
  ///   - cpuMilli: CPU per node, milli-cores.
  ///   - memoryMiB: Memory per node, MiB.
  ///   - labels: Extra labels, none by default.
  ///   - taints: Taints, none by default.
  ///   - sharing: The GPU sharing mode, `exclusive` by default.
  public init(
    name: String,
    nodeCount: Int = 1,
    gpuModel: String,
    gpuCount: Int,
    cpuMilli: Int,
    memoryMiB: Int,
    labels: [String: String] = [:],
    taints: [Taint] = [],
    sharing: GPUSharing = .exclusive
  ) {
    self.name = name
    self.nodeCount = nodeCount
    self.gpuModel = gpuModel
    self.gpuCount = gpuCount
    self.cpuMilli = cpuMilli
    self.memoryMiB = memoryMiB
    self.labels = labels
    self.taints = taints
    self.sharing = sharing
  }

  /// The pool's nodes, named `<pool>-<index>` with index from 0.
  ///
  /// - Complexity: O(`nodeCount` × labels).
  public func nodes() -> [Node] {
    (0..<max(nodeCount, 0)).map { node(at: $0) }
  }

  /// The pool's node number `index`.
  ///
  /// - Precondition: `0 <= index < nodeCount`.
  /// - Complexity: O(labels).
  public func node(at index: Int) -> Node {
    precondition(index >= 0 && index < nodeCount, "node index out of range")
    let nodeName = "\(name)-\(index)"
    var labels = self.labels
    labels[Node.hostnameLabel] = nodeName
    labels[Node.poolLabel] = name
    labels[Node.gpuProductLabel] = gpuModel
    labels[Node.gpuCountLabel] = String(gpuCount)
    return Node(
      name: nodeName, pool: name, gpuModel: gpuModel, gpuCount: gpuCount,
      cpuMilli: cpuMilli, memoryMiB: memoryMiB, labels: labels,
      taints: taints, sharing: sharing)
  }

  /// The labels every node of the pool carries, including the well-known
  /// ones except the per-node hostname.
  public var nodeLabels: [String: String] {
    var labels = self.labels
    labels[Node.poolLabel] = name
    labels[Node.gpuProductLabel] = gpuModel
    labels[Node.gpuCountLabel] = String(gpuCount)
    return labels
  }
}
