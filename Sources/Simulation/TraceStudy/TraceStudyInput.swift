import ClusterModel
import Scheduling

/// The inputs of a packing study, prepared once and shared by every run:
/// nodes and pods sorted by name, their fractional forms, the typical-pod
/// mix of the original pods and the fragmentation measure.
public struct TraceStudyInput: Sendable {
  /// The nodes, sorted by name (byte order).
  public let nodes: [TraceNode]
  /// The original pods, sorted by name (byte order).
  public let pods: [TracePod]
  /// The empty fractional node of each sorted node.
  public let fractionalNodes: [FractionalNode]
  /// The request of each sorted pod.
  public let requests: [FractionalRequest]
  /// The typical pods of the original list.
  public let mix: TypicalPodMix
  /// Fragmentation against `mix`.
  public let measure: FragmentationMeasure
  /// Fragmentation against `mix` that also counts memory (the median
  /// memory of each typical pod); used by the memory-aware FGD policy.
  public let memoryAwareMeasure: FragmentationMeasure
  /// Number of GPUs in the cluster.
  public let gpuCount: Int

  /// Prepares a study's inputs.
  ///
  /// - Parameters:
  ///   - nodes: the cluster, in any order.
  ///   - pods: the original pod list, in any order.
  /// - Throws: `TraceStudyError.noGPUs` for a cluster without GPUs, or a
  ///   `FractionalModelError` the model cannot represent.
  /// - Complexity: O(n log n) in nodes and pods.
  public init(nodes: [TraceNode], pods: [TracePod]) throws {
    let byName: (String, String) -> Bool = {
      $0.utf8.lexicographicallyPrecedes($1.utf8)
    }
    self.nodes = nodes.sorted { byName($0.name, $1.name) }
    self.pods = pods.sorted { byName($0.name, $1.name) }
    gpuCount = nodes.reduce(0) { $0 + $1.gpuCount }
    guard gpuCount > 0 else { throw TraceStudyError.noGPUs }

    var encoder = try FractionalRequestEncoder(nodes: self.nodes)
    fractionalNodes = self.nodes.map { encoder.node(for: $0) }
    requests = self.pods.map { encoder.request(for: $0) }
    mix = TypicalPodMix(pods: self.pods)
    measure = FragmentationMeasure(mix: mix, catalog: encoder.catalog)
    memoryAwareMeasure = FragmentationMeasure(
      mix: mix, catalog: encoder.catalog, considersMemory: true)
  }

  /// GPU capacity in milli-GPU.
  public var gpuCapacityMilli: Int { gpuCount * FractionalNode.milliPerGPU }

  /// Total GPU demand of the original pods in milli-GPU.
  public var gpuDemandMilli: Int { pods.reduce(0) { $0 + $1.gpuDemandMilli } }

  /// Fragmentation of the empty cluster as a percentage of capacity.
  ///
  /// - Complexity: O(nodes × typical pods).
  public var emptyClusterFragmentationPercent: Double {
    let weighted = fractionalNodes.reduce(0) {
      $0 + measure.weightedFragment(of: $1)
    }
    return 100 * Double(weighted) / Double(measure.totalWeight)
      / Double(gpuCapacityMilli)
  }
}

/// Inputs a study cannot run on.
public enum TraceStudyError: Error, Hashable, Sendable,
  CustomStringConvertible
{
  /// The cluster has no GPU, so no percentage of capacity exists.
  case noGPUs
  /// The inflation target is not a positive finite number.
  case invalidInflation(Double)
  /// The replay's time compression is below 1.
  case invalidTimeCompression(Int)

  /// A one-sentence explanation.
  public var description: String {
    switch self {
    case .noGPUs:
      "the node list has no GPU; expected at least one GPU node"
    case .invalidInflation(let value):
      "the inflation target \(value) is not a positive number"
    case .invalidTimeCompression(let value):
      "the time compression \(value) is below 1; expected 1 or more"
    }
  }
}
