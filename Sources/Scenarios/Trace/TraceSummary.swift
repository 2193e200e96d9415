import ClusterModel

/// What a node list and a pod list hold: capacity by GPU model, pods by
/// kind, and GPU demand against capacity.
///
/// Every figure is a plain count or sum over the lists, so it can be
/// checked by hand (see `docs/trace-study.md`).
public struct TraceSummary: Hashable, Sendable {
  /// Capacity of one GPU model.
  public struct ModelCapacity: Hashable, Sendable {
    /// The model label; empty for CPU-only nodes.
    public var model: String
    /// Number of nodes with this model.
    public var nodes: Int
    /// Number of GPUs of this model.
    public var gpus: Int
  }

  /// Demand of one kind of pod.
  public struct KindDemand: Hashable, Sendable {
    /// The kind.
    public var kind: TracePodKind
    /// Number of pods of this kind.
    public var pods: Int
    /// Their GPU demand in milli-GPU.
    public var gpuDemandMilli: Int
  }

  /// Number of nodes.
  public var nodeCount: Int
  /// Number of nodes with at least one GPU.
  public var gpuNodeCount: Int
  /// Total GPUs.
  public var gpuCount: Int
  /// Total CPU capacity in milli-cores.
  public var cpuMilli: Int
  /// Total memory capacity in MiB.
  public var memoryMiB: Int
  /// Capacity per GPU model, most GPUs first (ties by model name); CPU-only
  /// nodes appear under the empty model.
  public var models: [ModelCapacity]
  /// Number of pods.
  public var podCount: Int
  /// Pods and demand per kind, in `TracePodKind.allCases` order.
  public var kinds: [KindDemand]
  /// Pods that name at least one accepted GPU model.
  public var podsWithGPUSpec: Int
  /// Total GPU demand in milli-GPU, Σ num_gpu × gpu_milli.
  public var gpuDemandMilli: Int

  /// GPU capacity in milli-GPU, 1000 per GPU.
  public var gpuCapacityMilli: Int { gpuCount * 1000 }

  /// Demand as a percentage of capacity, 0 when there is no GPU.
  public var demandPercentOfCapacity: Double {
    gpuCount == 0 ? 0 : 100 * Double(gpuDemandMilli) / Double(gpuCapacityMilli)
  }

  /// Summarises a node list and a pod list.
  ///
  /// - Parameters:
  ///   - nodes: the cluster.
  ///   - pods: the workload.
  /// - Complexity: O(nodes + pods).
  public init(nodes: [TraceNode], pods: [TracePod]) {
    nodeCount = nodes.count
    gpuNodeCount = nodes.count(where: { $0.gpuCount > 0 })
    gpuCount = nodes.reduce(0) { $0 + $1.gpuCount }
    cpuMilli = nodes.reduce(0) { $0 + $1.cpuMilli }
    memoryMiB = nodes.reduce(0) { $0 + $1.memoryMiB }
    var byModel: [String: ModelCapacity] = [:]
    for node in nodes {
      let model = node.gpuCount == 0 ? "" : node.gpuModel
      byModel[model, default: ModelCapacity(model: model, nodes: 0, gpus: 0)]
        .nodes += 1
      byModel[model]?.gpus += node.gpuCount
    }
    models = byModel.values.sorted {
      ($0.gpus, $1.model) > ($1.gpus, $0.model)
    }
    podCount = pods.count
    kinds = TracePodKind.allCases.map { kind in
      let ofKind = pods.filter { $0.kind == kind }
      return KindDemand(
        kind: kind, pods: ofKind.count,
        gpuDemandMilli: ofKind.reduce(0) { $0 + $1.gpuDemandMilli })
    }
    podsWithGPUSpec = pods.count(where: { !$0.gpuSpec.isEmpty })
    gpuDemandMilli = pods.reduce(0) { $0 + $1.gpuDemandMilli }
  }
}
