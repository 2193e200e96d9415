/// One pod of a GPU-sharing trace, as its pod list describes it.
///
/// GPU demand is `gpuCount` GPUs with `gpuMilliPerGPU` thousandths of each:
/// a sharing pod asks for part of one GPU (`gpuCount == 1`,
/// `gpuMilliPerGPU < 1000`), a whole-GPU pod for whole GPUs
/// (`gpuMilliPerGPU == 1000`), a CPU-only pod for none (both 0).
public struct TracePod: Hashable, Sendable {
  /// The pod's name, unique within its list.
  public var name: String
  /// Requested CPU in milli-cores.
  public var cpuMilli: Int
  /// Requested memory in MiB.
  public var memoryMiB: Int
  /// Number of GPUs requested, 0 for a CPU-only pod.
  public var gpuCount: Int
  /// The share of each requested GPU in milli-GPU (1000 = whole GPU).
  public var gpuMilliPerGPU: Int
  /// The GPU models the pod accepts; empty means any model.
  public var gpuSpec: [String]
  /// The quality-of-service label (`LS`, `BE`, ...), empty when absent.
  public var qos: String
  /// The phase recorded in the trace (`Running`, `Failed`, ...), empty when
  /// absent.
  public var phase: String
  /// When the pod was created, in seconds from the trace origin.
  public var creationTime: Int?
  /// When the pod was deleted, in seconds from the trace origin.
  public var deletionTime: Int?
  /// When the pod was scheduled, in seconds from the trace origin; `nil`
  /// for pods that never were.
  public var scheduledTime: Int?

  /// Creates a pod from its trace columns.
  ///
  /// - Parameters:
  ///   - name: the pod's unique name.
  ///   - cpuMilli: requested CPU in milli-cores.
  ///   - memoryMiB: requested memory in MiB.
  ///   - gpuCount: number of GPUs requested.
  ///   - gpuMilliPerGPU: milli-GPU requested on each of those GPUs.
  ///   - gpuSpec: accepted GPU models; empty for any.
  ///   - qos: quality-of-service label.
  ///   - phase: recorded phase.
  ///   - creationTime: creation time in seconds.
  ///   - deletionTime: deletion time in seconds.
  ///   - scheduledTime: scheduling time in seconds.
  public init(
    name: String, cpuMilli: Int, memoryMiB: Int, gpuCount: Int,
    gpuMilliPerGPU: Int, gpuSpec: [String] = [], qos: String = "",
    phase: String = "", creationTime: Int? = nil, deletionTime: Int? = nil,
    scheduledTime: Int? = nil
  ) {
    self.name = name
    self.cpuMilli = cpuMilli
    self.memoryMiB = memoryMiB
    self.gpuCount = gpuCount
    self.gpuMilliPerGPU = gpuMilliPerGPU
    self.gpuSpec = gpuSpec
    self.qos = qos
    self.phase = phase
    self.creationTime = creationTime
    self.deletionTime = deletionTime
    self.scheduledTime = scheduledTime
  }

  /// The pod's total GPU demand in milli-GPU: `gpuCount × gpuMilliPerGPU`.
  public var gpuDemandMilli: Int { gpuCount * gpuMilliPerGPU }

  /// The kind of GPU request, as the trace summary and the study group pods.
  public var kind: TracePodKind {
    if gpuCount == 0 { return .cpuOnly }
    if gpuCount > 1 { return .multiGPU }
    return gpuMilliPerGPU < 1000 ? .sharing : .wholeGPU
  }
}

/// How a trace pod uses GPUs.
public enum TracePodKind: String, CaseIterable, Hashable, Sendable {
  /// No GPU.
  case cpuOnly = "cpu-only"
  /// Part of one GPU.
  case sharing
  /// Exactly one whole GPU.
  case wholeGPU = "whole-gpu"
  /// Two or more GPUs.
  case multiGPU = "multi-gpu"
}
