/// A pod's request in the fractional GPU model: CPU, memory, and either
/// part of one GPU or several whole GPUs of an accepted model.
public struct FractionalRequest: PlacementRequest, Hashable {
  /// Requested CPU in milli-cores.
  public var cpuMilli: Int
  /// Requested memory in MiB.
  public var memoryMiB: Int
  /// Number of GPUs, 0 for a CPU-only pod.
  public var gpuCount: Int
  /// Milli-GPU on each requested GPU (1000 = whole GPU; 0 without GPU).
  public var gpuMilliPerGPU: Int
  /// The GPU models the pod accepts.
  public var acceptedModels: GPUModelSet
  /// Requests with equal CPU, GPU count, milli and accepted models share a
  /// score class (memory is not scored); see `PlacementRequest`.
  public var scoreClass: Int?

  /// Creates a request.
  ///
  /// - Parameters:
  ///   - cpuMilli: CPU in milli-cores.
  ///   - memoryMiB: memory in MiB.
  ///   - gpuCount: number of GPUs.
  ///   - gpuMilliPerGPU: milli-GPU per GPU, 1...1000 when `gpuCount > 0`.
  ///   - acceptedModels: accepted GPU models.
  ///   - scoreClass: the score class, `nil` to never reuse scores.
  /// - Precondition: GPU count and milli are consistent.
  public init(
    cpuMilli: Int, memoryMiB: Int = 0, gpuCount: Int = 0,
    gpuMilliPerGPU: Int = 0, acceptedModels: GPUModelSet = .any,
    scoreClass: Int? = nil
  ) {
    precondition(gpuCount >= 0 && cpuMilli >= 0 && memoryMiB >= 0)
    precondition(
      gpuCount == 0 ? gpuMilliPerGPU == 0 : (1...1000).contains(gpuMilliPerGPU),
      "a GPU request needs 1 to 1000 milli-GPU per GPU")
    self.cpuMilli = cpuMilli
    self.memoryMiB = memoryMiB
    self.gpuCount = gpuCount
    self.gpuMilliPerGPU = gpuMilliPerGPU
    self.acceptedModels = acceptedModels
    self.scoreClass = scoreClass
  }

  /// Total GPU milli, `gpuCount × gpuMilliPerGPU`.
  @inlinable public var gpuDemandMilli: Int { gpuCount * gpuMilliPerGPU }

  /// Whether the pod shares one GPU (one GPU, less than 1000 milli).
  @inlinable public var isSharing: Bool {
    gpuCount == 1 && gpuMilliPerGPU < 1000
  }
}
