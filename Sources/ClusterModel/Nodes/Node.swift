/// One node of the cluster: a machine with GPUs, CPU and memory.
public struct Node: Hashable, Sendable {
  /// The node's name, `<pool>-<index>`.
  public var name: String
  /// The name of the pool the node belongs to.
  public var pool: String
  /// The GPU model's name.
  public var gpuModel: String
  /// The number of GPUs.
  public var gpuCount: Int
  /// CPU in milli-cores.
  public var cpuMilli: Int
  /// Memory in MiB.
  public var memoryMiB: Int
  /// The node's labels: the pool's labels plus `kubernetes.io/hostname`,
  /// `migsim.io/pool`, `nvidia.com/gpu.product` and `nvidia.com/gpu.count`.
  public var labels: [String: String]
  /// The node's taints.
  public var taints: [Taint]
  /// How the node's GPUs are shared.
  public var sharing: GPUSharing

  /// Creates a node; usually obtained from `NodePool.nodes()`.
  public init(
    name: String, pool: String, gpuModel: String, gpuCount: Int,
    cpuMilli: Int, memoryMiB: Int, labels: [String: String],
    taints: [Taint], sharing: GPUSharing
  ) {
    self.name = name
    self.pool = pool
    self.gpuModel = gpuModel
    self.gpuCount = gpuCount
    self.cpuMilli = cpuMilli
    self.memoryMiB = memoryMiB
    self.labels = labels
    self.taints = taints
    self.sharing = sharing
  }

  /// The label holding the node's name.
  public static let hostnameLabel = "kubernetes.io/hostname"
  /// The label holding the node's pool name.
  public static let poolLabel = "migsim.io/pool"
  /// The label holding the GPU model, as GPU feature discovery sets it.
  public static let gpuProductLabel = "nvidia.com/gpu.product"
  /// The label holding the GPU count, as GPU feature discovery sets it.
  public static let gpuCountLabel = "nvidia.com/gpu.count"
}
