/// The capacity a run's utilization is measured against.
public struct ClusterCapacity: Hashable, Sendable {
  /// Physical GPUs in the cluster.
  public var gpus: Int
  /// Compute slices over all GPUs (7 per A100 or H100, MIG enabled or not).
  public var computeSlices: Int
  /// Memory slices over all GPUs (8 per A100 or H100).
  public var memorySlices: Int
  /// GPU memory over all GPUs, MiB.
  public var gpuMemoryMiB: Int

  /// Creates a capacity from its totals; each at least 0.
  ///
  /// - Parameters:
  ///   - gpus: Physical GPUs.
  ///   - computeSlices: Compute slices.
  ///   - memorySlices: Memory slices.
  ///   - gpuMemoryMiB: GPU memory, MiB.
  public init(
    gpus: Int, computeSlices: Int, memorySlices: Int, gpuMemoryMiB: Int
  ) {
    precondition(
      gpus >= 0 && computeSlices >= 0 && memorySlices >= 0
        && gpuMemoryMiB >= 0, "capacity is never negative")
    self.gpus = gpus
    self.computeSlices = computeSlices
    self.memorySlices = memorySlices
    self.gpuMemoryMiB = gpuMemoryMiB
  }

  /// The totals of the GPUs of `nodes`.
  ///
  /// - Parameter nodes: The cluster's nodes.
  /// - Complexity: O(GPUs).
  public init(nodes: [NodeFacts]) {
    let gpus = nodes.flatMap(\.gpus)
    self.init(
      gpus: gpus.count,
      computeSlices: gpus.reduce(0) { $0 + $1.computeSlices },
      memorySlices: gpus.reduce(0) { $0 + $1.memorySlices },
      gpuMemoryMiB: gpus.reduce(0) { $0 + $1.memoryMiB })
  }
}
