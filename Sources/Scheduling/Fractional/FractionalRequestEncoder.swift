import ClusterModel

/// Turns trace nodes and pods into fractional nodes and requests, numbering
/// GPU models and giving requests of equal scored shape one score class.
public struct FractionalRequestEncoder: Sendable {
  /// The cluster's GPU models.
  public let catalog: GPUModelCatalog
  private var classes: [Shape: Int] = [:]

  private struct Shape: Hashable {
    var cpu: Int
    var gpus: Int
    var milli: Int
    var models: GPUModelSet
  }

  /// Creates an encoder for a cluster.
  ///
  /// - Parameter nodes: the cluster's nodes; their GPU models form the
  ///   catalog.
  /// - Throws: `FractionalModelError` when the cluster has too many GPU
  ///   models or a node too many GPUs.
  /// - Complexity: O(nodes).
  public init(nodes: [TraceNode]) throws {
    for node in nodes where node.gpuCount > FractionalNode.maximumGPUs {
      throw FractionalModelError.tooManyGPUsOnNode(
        name: node.name, gpus: node.gpuCount,
        limit: FractionalNode.maximumGPUs)
    }
    catalog = try GPUModelCatalog(
      models: nodes.filter { $0.gpuCount > 0 }.map(\.gpuModel))
  }

  /// The empty fractional node for a trace node.
  ///
  /// - Precondition: the node was among those the encoder was made with.
  public func node(for trace: TraceNode) -> FractionalNode {
    FractionalNode(
      model: catalog.identifier(of: trace.gpuModel) ?? -1,
      gpuCount: trace.gpuCount, cpuMilli: trace.cpuMilli,
      memoryMiB: trace.memoryMiB)
  }

  /// The request for a trace pod, with its score class.
  ///
  /// - Complexity: O(spec length), amortised.
  public mutating func request(for pod: TracePod) -> FractionalRequest {
    let models = pod.gpuCount == 0
      ? GPUModelSet.any : catalog.acceptedModels(pod.gpuSpec)
    let shape = Shape(
      cpu: pod.cpuMilli, gpus: pod.gpuCount, milli: pod.gpuMilliPerGPU,
      models: models)
    let scoreClass: Int
    if let known = classes[shape] {
      scoreClass = known
    } else {
      scoreClass = classes.count
      classes[shape] = scoreClass
    }
    return FractionalRequest(
      cpuMilli: pod.cpuMilli, memoryMiB: pod.memoryMiB,
      gpuCount: pod.gpuCount, gpuMilliPerGPU: pod.gpuMilliPerGPU,
      acceptedModels: models, scoreClass: scoreClass)
  }
}
