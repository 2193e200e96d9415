/// A node whose GPUs are shared in thousandths: each GPU has 1000
/// milli-GPU; a sharing pod takes part of one GPU, a whole-GPU pod takes
/// wholly free GPUs, every pod takes CPU and memory.
///
/// Free milli per GPU lives in one `SIMD8<Int32>` (lanes past `gpuCount`
/// stay 0), so fit checks and fragmentation are a few vector operations.
public struct FractionalNode: PlacementNodeState, Hashable {
  /// The most GPUs a node holds.
  public static let maximumGPUs = 8
  /// Milli-GPU in one GPU.
  public static let milliPerGPU = 1000
  /// The most pods a node holds (the Kubernetes pod limit used by the
  /// published study's simulator).
  public static let podCapacity = 1001

  /// The node's GPU model in its catalog (meaningless without GPUs).
  public let model: Int
  /// Number of GPUs, 0...8.
  public let gpuCount: Int
  /// CPU capacity in milli-cores.
  public let cpuCapacityMilli: Int
  /// Memory capacity in MiB.
  public let memoryCapacityMiB: Int
  /// Unrequested CPU in milli-cores.
  public internal(set) var cpuFreeMilli: Int
  /// Unrequested memory in MiB.
  public internal(set) var memoryFreeMiB: Int
  /// Free milli-GPU of each GPU by device index; lanes past `gpuCount`
  /// are 0.
  public internal(set) var gpuFreeMilli: SIMD8<Int32>
  /// Number of pods bound here.
  public internal(set) var podCount: Int = 0
  /// Number of sharing pods bound here.
  public internal(set) var sharingPodCount: Int = 0
  /// Number of whole-GPU pods bound here, by GPU count: lane `k − 1`
  /// counts pods of `k` GPUs.
  public internal(set) var wholeGPUPodCounts: SIMD8<Int32> = .zero

  /// Creates an empty node.
  ///
  /// - Parameters:
  ///   - model: the GPU model's identifier in the cluster's catalog.
  ///   - gpuCount: number of GPUs, 0...8.
  ///   - cpuMilli: CPU capacity in milli-cores.
  ///   - memoryMiB: memory capacity in MiB.
  /// - Precondition: `gpuCount` is in 0...8.
  public init(model: Int, gpuCount: Int, cpuMilli: Int, memoryMiB: Int) {
    precondition((0...Self.maximumGPUs).contains(gpuCount))
    self.model = model
    self.gpuCount = gpuCount
    self.cpuCapacityMilli = cpuMilli
    self.memoryCapacityMiB = memoryMiB
    self.cpuFreeMilli = cpuMilli
    self.memoryFreeMiB = memoryMiB
    var free = SIMD8<Int32>.zero
    for index in 0..<gpuCount { free[index] = Int32(Self.milliPerGPU) }
    self.gpuFreeMilli = free
  }

  /// Idle GPU milli on the node, Σ free.
  @inlinable public var idleGPUMilli: Int { Int(gpuFreeMilli.wrappedSum()) }

  /// Number of GPUs with nothing allocated.
  @inlinable public var completelyFreeGPUCount: Int {
    gpuCount(withFreeAtLeast: Self.milliPerGPU)
  }

  /// Number of GPUs with at least `milli` free.
  ///
  /// - Precondition: `milli > 0`.
  @inlinable
  public func gpuCount(withFreeAtLeast milli: Int) -> Int {
    Self.countLanes(gpuFreeMilli, atLeast: Int32(milli))
  }

  /// Number of lanes of `free` that are at least `milli`.
  ///
  /// Works by sign arithmetic, which vectorises well: a lane's
  /// `(free − milli) >> 31` is −1 when it is below `milli`, 0 otherwise.
  /// - Precondition: lanes and `milli` lie in 0...1000.
  @inlinable @inline(__always)
  public static func countLanes(
    _ free: SIMD8<Int32>, atLeast milli: Int32
  ) -> Int {
    8 + Int(((free &- milli) &>> 31).wrappedSum())
  }

  /// Σ of the lanes of `free` that are below `milli`.
  ///
  /// - Precondition: lanes and `milli` lie in 0...1000.
  @inlinable @inline(__always)
  public static func sumLanes(
    _ free: SIMD8<Int32>, below milli: Int32
  ) -> Int {
    Int((free & ((free &- milli) &>> 31)).wrappedSum())
  }

  /// Whether any GPU-using pod is bound here.
  @inlinable public var hasGPUPods: Bool {
    sharingPodCount > 0 || wholeGPUPodCounts != .zero
  }
}
