/// The GPU share one pod of a workload asks for.
///
/// Each case fits one sharing mode: a pod asking for a MIG instance lands
/// only on a MIG pool, and so on.
public enum GPURequest: Hashable, Sendable, CustomStringConvertible {
  /// No GPU.
  case none
  /// Whole GPUs, exclusively; at least 1. Needs an `exclusive` pool.
  case wholeGPUs(Int)
  /// MIG instances of one profile; count at least 1. Needs a `mig` pool.
  case migInstances(profile: String, count: Int)
  /// A fraction of one GPU in milli-GPUs, 1–1000. Needs a `fractional`
  /// pool.
  case milliGPUs(Int)
  /// Time-slice replicas of a GPU; at least 1. Needs a `timeSlicing` pool.
  case timeSliceReplicas(Int)
  /// MPS clients of a GPU; at least 1. Needs an `mps` pool.
  case mpsClients(Int)

  /// A short form such as `2 GPUs`, `1×3g.40gb`, `250m GPU`.
  public var description: String {
    switch self {
    case .none: "no GPU"
    case .wholeGPUs(let n): n == 1 ? "1 GPU" : "\(n) GPUs"
    case .migInstances(let profile, let n): "\(n)×\(profile)"
    case .milliGPUs(let m): "\(m)m GPU"
    case .timeSliceReplicas(let n): "\(n) time-slice replica(s)"
    case .mpsClients(let n): "\(n) MPS client(s)"
    }
  }

  /// Whether the request needs any GPU.
  public var needsGPU: Bool { self != .none }

  /// Whether a pool with `sharing` can serve this request at all (ignoring
  /// sizes and profiles).
  public func fits(_ sharing: GPUSharing) -> Bool {
    switch (self, sharing) {
    case (.none, _): true
    case (.wholeGPUs, .exclusive): true
    case (.migInstances, .mig): true
    case (.milliGPUs, .fractional): true
    case (.timeSliceReplicas, .timeSlicing): true
    case (.mpsClients, .mps): true
    default: false
    }
  }
}

/// What one pod of a workload requests.
public struct ResourceRequests: Hashable, Sendable {
  /// The GPU share.
  public var gpu: GPURequest
  /// CPU in milli-cores; at least 0.
  public var cpuMilli: Int
  /// Memory in MiB; at least 0.
  public var memoryMiB: Int

  /// Creates requests.
  ///
  /// - Parameters:
  ///   - gpu: The GPU share, none by default.
  ///   - cpuMilli: CPU, milli-cores.
  ///   - memoryMiB: Memory, MiB.
  public init(gpu: GPURequest = .none, cpuMilli: Int, memoryMiB: Int) {
    self.gpu = gpu
    self.cpuMilli = cpuMilli
    self.memoryMiB = memoryMiB
  }
}
