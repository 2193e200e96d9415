import ClusterModel

/// The "typical pods" that fragmentation is measured against: the most
/// frequent request shapes of a pod list, covering a share of its pods.
///
/// Pods are grouped by (CPU, milli-GPU per GPU, GPU count, GPU spec);
/// memory is not part of the shape. Groups are sorted by count, largest
/// first, ties by the shape compared in descending order (CPU, then milli,
/// then GPU count, then the spec joined by `|`). Groups are kept while the
/// kept pods are fewer than `coveragePercent` % of all pods, so the last
/// kept group takes the cover to or past it. Each kept shape's probability
/// is its count over the kept pods' count.
public struct TypicalPodMix: Hashable, Sendable {
  /// One request shape and how many pods have it.
  public struct TypicalPod: Hashable, Sendable {
    /// Requested CPU in milli-cores.
    public var cpuMilli: Int
    /// Number of GPUs.
    public var gpuCount: Int
    /// Milli-GPU per GPU.
    public var gpuMilliPerGPU: Int
    /// Accepted GPU models; empty for any.
    public var gpuSpec: [String]
    /// Number of pods of the list with this shape.
    public var count: Int
    /// The median memory request of those pods in MiB (the lower middle
    /// value for an even count); the shape itself ignores memory.
    public var medianMemoryMiB: Int

    /// Creates a shape.
    public init(
      cpuMilli: Int, gpuCount: Int, gpuMilliPerGPU: Int,
      gpuSpec: [String] = [], count: Int, medianMemoryMiB: Int = 0
    ) {
      self.cpuMilli = cpuMilli
      self.gpuCount = gpuCount
      self.gpuMilliPerGPU = gpuMilliPerGPU
      self.gpuSpec = gpuSpec
      self.count = count
      self.medianMemoryMiB = medianMemoryMiB
    }
  }

  /// The kept shapes, most frequent first.
  public let pods: [TypicalPod]
  /// Number of pods in the list.
  public let podCount: Int
  /// Number of distinct shapes in the list.
  public let shapeCount: Int
  /// Number of pods with a kept shape, Σ count.
  public let keptPodCount: Int

  /// Finds the typical pods of a pod list.
  ///
  /// - Parameters:
  ///   - pods: the original pod list (no clones).
  ///   - coveragePercent: the share of pods the kept shapes must reach.
  /// - Complexity: O(n log n) for n pods.
  public init(pods: [TracePod], coveragePercent: Int = 95) {
    struct Shape: Hashable {
      var cpu: Int
      var milli: Int
      var gpus: Int
      var spec: String
    }
    var counts: [Shape: Int] = [:]
    var memories: [Shape: [Int]] = [:]
    var specs: [String: [String]] = [:]
    for pod in pods {
      let spec = pod.gpuSpec.joined(separator: "|")
      specs[spec] = pod.gpuSpec
      let shape = Shape(
        cpu: pod.cpuMilli, milli: pod.gpuMilliPerGPU, gpus: pod.gpuCount,
        spec: spec)
      counts[shape, default: 0] += 1
      memories[shape, default: []].append(pod.memoryMiB)
    }
    let sorted = counts.sorted { lhs, rhs in
      if lhs.value != rhs.value { return lhs.value > rhs.value }
      let (a, b) = (lhs.key, rhs.key)
      if a.cpu != b.cpu { return a.cpu > b.cpu }
      if a.milli != b.milli { return a.milli > b.milli }
      if a.gpus != b.gpus { return a.gpus > b.gpus }
      return b.spec.utf8.lexicographicallyPrecedes(a.spec.utf8)
    }
    let threshold = Double(coveragePercent * pods.count) / 100.0
    var kept: [TypicalPod] = []
    var cumulative = 0
    for (shape, count) in sorted where Double(cumulative) < threshold {
      let memory = (memories[shape] ?? [0]).sorted()
      kept.append(
        TypicalPod(
          cpuMilli: shape.cpu, gpuCount: shape.gpus,
          gpuMilliPerGPU: shape.milli, gpuSpec: specs[shape.spec] ?? [],
          count: count, medianMemoryMiB: memory[(memory.count - 1) / 2]))
      cumulative += count
    }
    self.pods = kept
    self.podCount = pods.count
    self.shapeCount = counts.count
    self.keptPodCount = cumulative
  }

  /// The probability of kept shape `index`: its count over the kept count.
  public func probability(at index: Int) -> Double {
    Double(pods[index].count) / Double(keptPodCount)
  }
}
