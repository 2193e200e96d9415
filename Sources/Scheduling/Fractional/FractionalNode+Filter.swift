extension FractionalNode {
  /// The filter chain, in order: a GPU request needs GPUs of an accepted
  /// model (`GPUShare/gpu-model`), then room on them (`GPUShare/gpu`: one
  /// GPU with the milli free for a one-GPU pod, that many GPUs with the
  /// milli free for a multi-GPU pod); every pod needs CPU, memory and a
  /// pod slot (`NodeResourcesFit/cpu`, `/memory`, `/pods`).
  public enum Filter {
    /// GPUs present and of an accepted model.
    public static let gpuModel = PlacementRefusal.Reason(
      filter: "GPUShare", resource: "gpu-model", stage: 0)
    /// Enough free milli on enough GPUs.
    public static let gpu = PlacementRefusal.Reason(
      filter: "GPUShare", resource: "gpu", stage: 1)
    /// Enough unrequested CPU.
    public static let cpu = PlacementRefusal.Reason(
      filter: "NodeResourcesFit", resource: "cpu", stage: 2)
    /// Enough unrequested memory.
    public static let memory = PlacementRefusal.Reason(
      filter: "NodeResourcesFit", resource: "memory", stage: 3)
    /// Fewer pods than the pod limit.
    public static let pods = PlacementRefusal.Reason(
      filter: "NodeResourcesFit", resource: "pods", stage: 4)
  }

  /// Whether the request passes every filter.
  @inlinable
  public func fits(_ request: FractionalRequest) -> Bool {
    guard request.cpuMilli <= cpuFreeMilli,
      request.memoryMiB <= memoryFreeMiB,
      podCount < Self.podCapacity
    else { return false }
    if request.gpuCount == 0 { return true }
    return gpuCount > 0 && request.acceptedModels.contains(model)
      && gpuCount(withFreeAtLeast: request.gpuMilliPerGPU)
        >= request.gpuCount
  }

  /// The first filter that rejects the request, or `nil`.
  public func refusal(for request: FractionalRequest) -> PlacementRefusal? {
    if request.gpuCount > 0 {
      if gpuCount == 0 || !request.acceptedModels.contains(model) {
        return PlacementRefusal(
          reason: Filter.gpuModel, requested: request.gpuCount,
          available: 0, unit: "GPUs of an accepted model")
      }
      let room = gpuCount(withFreeAtLeast: request.gpuMilliPerGPU)
      if room < request.gpuCount {
        if request.gpuCount == 1 {
          return PlacementRefusal(
            reason: Filter.gpu, requested: request.gpuMilliPerGPU,
            available: Int(gpuFreeMilli.max()),
            unit: "milli-GPU on one GPU")
        }
        return PlacementRefusal(
          reason: Filter.gpu, requested: request.gpuCount, available: room,
          unit: "GPUs with the requested milli-GPU free")
      }
    }
    if request.cpuMilli > cpuFreeMilli {
      return PlacementRefusal(
        reason: Filter.cpu, requested: request.cpuMilli,
        available: cpuFreeMilli, unit: "milli-cores")
    }
    if request.memoryMiB > memoryFreeMiB {
      return PlacementRefusal(
        reason: Filter.memory, requested: request.memoryMiB,
        available: memoryFreeMiB, unit: "MiB")
    }
    if podCount >= Self.podCapacity {
      return PlacementRefusal(
        reason: Filter.pods, requested: 1,
        available: Self.podCapacity - podCount, unit: "pods")
    }
    return nil
  }
}
