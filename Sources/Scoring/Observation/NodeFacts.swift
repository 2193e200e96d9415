/// What the scoring needs to know about one GPU of a node.
public struct GPUFacts: Hashable, Sendable {
  /// The GPU model's name as `MIGGeometry.GPUModel.named` resolves it
  /// (`A100-SXM4-40GB`), or a trace's model code (`G2`, `T4`).
  public var modelName: String
  /// Compute slices of the whole GPU (7 on A100 and H100).
  public var computeSlices: Int
  /// Memory slices of the whole GPU (8 on A100 and H100).
  public var memorySlices: Int
  /// Device memory, MiB.
  public var memoryMiB: Int
  /// Whether MIG mode is on; MIG GPUs count for MIG fragmentation,
  /// the others for fractional fragmentation.
  public var isMIGEnabled: Bool
  /// The PCIe switch the GPU sits behind, numbered within its node; `nil`
  /// when the GPU has a link of its own. Jobs behind one switch contend
  /// for host transfers.
  public var pcieSwitch: Int?

  /// Creates the facts of one GPU.
  ///
  /// - Parameters:
  ///   - modelName: The model name.
  ///   - computeSlices: Compute slices of the GPU, at least 1.
  ///   - memorySlices: Memory slices of the GPU, at least 1.
  ///   - memoryMiB: Device memory, MiB.
  ///   - isMIGEnabled: Whether MIG mode is on; `false` by default.
  ///   - pcieSwitch: The PCIe switch within the node; `nil` by default.
  public init(
    modelName: String,
    computeSlices: Int = 7,
    memorySlices: Int = 8,
    memoryMiB: Int,
    isMIGEnabled: Bool = false,
    pcieSwitch: Int? = nil
  ) {
    precondition(computeSlices > 0 && memorySlices > 0, "empty GPU")
    self.modelName = modelName
    self.computeSlices = computeSlices
    self.memorySlices = memorySlices
    self.memoryMiB = memoryMiB
    self.isMIGEnabled = isMIGEnabled
    self.pcieSwitch = pcieSwitch
  }
}

/// What the scoring needs to know about one node.
public struct NodeFacts: Hashable, Sendable {
  /// The node's name, for reports.
  public var name: String
  /// The node's GPUs, by GPU index.
  public var gpus: [GPUFacts]
  /// Allocatable CPU, milli-cores.
  public var cpuMilli: Int
  /// Allocatable host memory, MiB.
  public var memoryMiB: Int
  /// Whether the node's GPUs are joined by NVLink or NVSwitch.
  public var hasNVLink: Bool
  /// The multi-node NVLink domain the node belongs to, if any; nodes with
  /// the same number share a fabric.
  public var nvlinkDomain: Int?

  /// Creates the facts of one node.
  ///
  /// - Parameters:
  ///   - name: The node name.
  ///   - gpus: Its GPUs.
  ///   - cpuMilli: Allocatable CPU, milli-cores.
  ///   - memoryMiB: Allocatable host memory, MiB; 0 by default.
  ///   - hasNVLink: NVLink within the node; `false` by default.
  ///   - nvlinkDomain: Multi-node NVLink domain; `nil` by default.
  public init(
    name: String,
    gpus: [GPUFacts],
    cpuMilli: Int,
    memoryMiB: Int = 0,
    hasNVLink: Bool = false,
    nvlinkDomain: Int? = nil
  ) {
    self.name = name
    self.gpus = gpus
    self.cpuMilli = cpuMilli
    self.memoryMiB = memoryMiB
    self.hasNVLink = hasNVLink
    self.nvlinkDomain = nvlinkDomain
  }
}
