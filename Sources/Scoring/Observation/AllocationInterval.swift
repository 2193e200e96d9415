/// One MIG GPU instance a job holds.
public struct MIGInstanceHold: Hashable, Sendable {
  /// The profile name, such as `3g.20gb`.
  public var profileName: String
  /// Compute slices the job's compute instance uses.
  public var computeSlices: Int
  /// Memory slices of the GPU instance.
  public var memorySlices: Int
  /// The first memory slice of the GPU instance.
  public var startMemorySlice: Int
  /// The GPU instance's ID on its GPU; jobs with the same ID share one
  /// GPU instance through separate compute instances.
  public var gpuInstanceID: Int

  /// Creates a MIG hold.
  ///
  /// - Parameters:
  ///   - profileName: The profile name.
  ///   - computeSlices: Compute slices, at least 1.
  ///   - memorySlices: Memory slices, at least 1.
  ///   - startMemorySlice: First memory slice, at least 0.
  ///   - gpuInstanceID: The GPU instance ID.
  public init(
    profileName: String,
    computeSlices: Int,
    memorySlices: Int,
    startMemorySlice: Int,
    gpuInstanceID: Int
  ) {
    precondition(computeSlices > 0 && memorySlices > 0, "empty instance")
    precondition(startMemorySlice >= 0, "slices count from 0")
    self.profileName = profileName
    self.computeSlices = computeSlices
    self.memorySlices = memorySlices
    self.startMemorySlice = startMemorySlice
    self.gpuInstanceID = gpuInstanceID
  }
}

/// How an allocation holds its GPU.
public enum GPUHold: Hashable, Sendable {
  /// The whole GPU, alone.
  case exclusive
  /// A MIG instance.
  case mig(MIGInstanceHold)
  /// One of `replicas` time-sliced replicas of the GPU.
  case timeSlice(replicas: Int)
  /// One of at most `clientLimit` MPS clients of the GPU.
  case mps(clientLimit: Int)
  /// `milli` thousandths of the GPU (fractional sharing).
  case fraction(milli: Int)

  /// The share of the whole GPU the hold accounts for: 1, 1/replicas,
  /// 1/clientLimit or milli/1000; for MIG, compute slices over the GPU's.
  ///
  /// - Parameter gpu: The GPU held.
  public func gpuShare(of gpu: GPUFacts) -> Double {
    switch self {
    case .exclusive: 1
    case .mig(let hold):
      Double(hold.computeSlices) / Double(gpu.computeSlices)
    case .timeSlice(let replicas): 1 / Double(max(replicas, 1))
    case .mps(let clientLimit): 1 / Double(max(clientLimit, 1))
    case .fraction(let milli): Double(milli) / 1000
    }
  }

  /// Compute slices held: the instance's for MIG, otherwise the share
  /// times the GPU's compute slices.
  ///
  /// - Parameter gpu: The GPU held.
  public func computeSlices(of gpu: GPUFacts) -> Double {
    if case .mig(let hold) = self { return Double(hold.computeSlices) }
    return gpuShare(of: gpu) * Double(gpu.computeSlices)
  }

  /// Memory slices held: the instance's for MIG, otherwise the share
  /// times the GPU's memory slices.
  ///
  /// - Parameter gpu: The GPU held.
  public func memorySlices(of gpu: GPUFacts) -> Double {
    if case .mig(let hold) = self { return Double(hold.memorySlices) }
    return gpuShare(of: gpu) * Double(gpu.memorySlices)
  }
}

/// A stretch of time during which a job held one GPU (or, for CPU-only
/// work, a place on a node). A job on four GPUs has four intervals; a
/// preempted job has intervals that end at each preemption.
public struct AllocationInterval: Hashable, Sendable {
  /// Index into `RunObservation.jobs`.
  public var job: Int
  /// Index into `RunObservation.nodes`.
  public var node: Int
  /// The GPU index on the node; `nil` for CPU-only work.
  public var gpu: Int?
  /// How the GPU is held; ignored when `gpu` is `nil`.
  public var hold: GPUHold
  /// GPU memory held, MiB.
  public var gpuMemoryMiB: Int
  /// Host CPU held on the node, milli-cores.
  public var cpuMilli: Int
  /// Host memory held on the node, MiB.
  public var memoryMiB: Int
  /// Start, seconds from the run's start.
  public var startSeconds: Int
  /// End (exclusive), seconds; the horizon for work still running.
  public var endSeconds: Int

  /// Creates an interval.
  ///
  /// - Parameters:
  ///   - job: The job index.
  ///   - node: The node index.
  ///   - gpu: The GPU index, `nil` for CPU-only work.
  ///   - hold: How the GPU is held; `exclusive` by default.
  ///   - gpuMemoryMiB: GPU memory held, MiB; 0 by default.
  ///   - cpuMilli: CPU held, milli-cores; 0 by default.
  ///   - memoryMiB: Host memory held, MiB; 0 by default.
  ///   - startSeconds: Start, seconds.
  ///   - endSeconds: End, seconds; at least `startSeconds`.
  public init(
    job: Int,
    node: Int,
    gpu: Int?,
    hold: GPUHold = .exclusive,
    gpuMemoryMiB: Int = 0,
    cpuMilli: Int = 0,
    memoryMiB: Int = 0,
    startSeconds: Int,
    endSeconds: Int
  ) {
    precondition(startSeconds <= endSeconds, "an interval ends after start")
    self.job = job
    self.node = node
    self.gpu = gpu
    self.hold = hold
    self.gpuMemoryMiB = gpuMemoryMiB
    self.cpuMilli = cpuMilli
    self.memoryMiB = memoryMiB
    self.startSeconds = startSeconds
    self.endSeconds = endSeconds
  }

  /// The interval's length, seconds.
  public var durationSeconds: Int { endSeconds - startSeconds }
}
