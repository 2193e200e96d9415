import ClusterModel
import Scheduling

/// Small builders for fractional-model tests.
enum Build {
  /// A node of one model (identifier 0) with the given free milli per GPU
  /// (bound through sharing pods of 1 milli-core each) and free CPU.
  static func node(
    free: [Int], cpuFree: Int = 64_000, cpuCapacity: Int = 64_000,
    memory: Int = 1_000_000
  ) -> FractionalNode {
    var node = FractionalNode(
      model: 0, gpuCount: free.count, cpuMilli: cpuCapacity,
      memoryMiB: memory)
    for (gpu, milli) in free.enumerated() where milli < 1000 {
      node.bind(
        FractionalRequest(cpuMilli: 0, gpuCount: 1,
          gpuMilliPerGPU: 1000 - milli),
        to: FractionalAssignment(gpuMask: 1 << UInt8(gpu),
          milliPerGPU: 1000 - milli))
    }
    let cpuUsed = cpuCapacity - cpuFree
    if cpuUsed > 0 {
      node.bind(FractionalRequest(cpuMilli: cpuUsed), to: .none)
    }
    return node
  }

  /// A GPU request.
  static func pod(
    cpu: Int = 1000, gpus: Int = 1, milli: Int = 1000
  ) -> FractionalRequest {
    FractionalRequest(cpuMilli: cpu, gpuCount: gpus, gpuMilliPerGPU: milli)
  }

  /// `count` trace pods of one shape.
  static func tracePods(
    _ count: Int, cpu: Int, gpus: Int, milli: Int, memory: Int = 1,
    prefix: String
  ) -> [TracePod] {
    (0..<count).map {
      TracePod(name: "\(prefix)-\($0)", cpuMilli: cpu, memoryMiB: memory,
        gpuCount: gpus, gpuMilliPerGPU: milli)
    }
  }

  /// The measure of the mix "3 pods of (1000 milli-cores, 1 × 500)" and
  /// "1 CPU-only pod of 1000 milli-cores": p = 0.75 and 0.25.
  static func smallMeasure(considersMemory: Bool = false) throws
    -> FragmentationMeasure
  {
    let pods = tracePods(3, cpu: 1000, gpus: 1, milli: 500, memory: 100,
      prefix: "a") + tracePods(1, cpu: 1000, gpus: 0, milli: 0, prefix: "b")
    let catalog = try GPUModelCatalog(models: ["X"])
    return FragmentationMeasure(
      mix: TypicalPodMix(pods: pods), catalog: catalog,
      considersMemory: considersMemory)
  }
}
