/// One machine of a GPU-sharing trace, as its node list describes it.
///
/// A node offers CPU in milli-cores, memory in MiB and a number of whole
/// GPUs of one model. CPU-only nodes have no GPUs and no model.
public struct TraceNode: Hashable, Sendable {
  /// The node's name, unique within its list.
  public var name: String
  /// CPU capacity in milli-cores (1000 = one core).
  public var cpuMilli: Int
  /// Memory capacity in MiB.
  public var memoryMiB: Int
  /// Number of GPUs, 0 for a CPU-only node.
  public var gpuCount: Int
  /// The GPU model label (such as `T4` or `G2`); empty for CPU-only nodes.
  public var gpuModel: String

  /// Creates a node from its trace columns.
  ///
  /// - Parameters:
  ///   - name: the node's unique name.
  ///   - cpuMilli: CPU capacity in milli-cores.
  ///   - memoryMiB: memory capacity in MiB.
  ///   - gpuCount: number of GPUs.
  ///   - gpuModel: the GPU model label, empty when there is none.
  public init(
    name: String, cpuMilli: Int, memoryMiB: Int, gpuCount: Int,
    gpuModel: String
  ) {
    self.name = name
    self.cpuMilli = cpuMilli
    self.memoryMiB = memoryMiB
    self.gpuCount = gpuCount
    self.gpuModel = gpuModel
  }

  /// GPU capacity in milli-GPU: 1000 per GPU.
  public var gpuCapacityMilli: Int { gpuCount * 1000 }
}
