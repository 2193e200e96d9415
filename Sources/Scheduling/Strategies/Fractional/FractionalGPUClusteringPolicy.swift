/// GpuClustering: keeps pods of one GPU-request class together.
///
/// A GPU pod's class is "sharing" (one GPU, under 1000 milli) or "k whole
/// GPUs". With L the node's free GPU milli, b = ⌊25 × (8000 − L) / 8000⌋
/// (8000 even for smaller nodes), the score is 75 + b when the node hosts
/// only pods of the request's class, 50 + b when it hosts that class among
/// others, 25 + b when it hosts no GPU pod, and b when it hosts GPU pods
/// of other classes only. CPU-only pods score 0 everywhere. Devices: the
/// default choice (tightest GPU for sharing, first free GPUs otherwise).
public struct FractionalGPUClusteringPolicy: PlacementStrategy {
  public typealias Node = FractionalNode

  /// Creates the policy.
  public init() {}

  /// `GpuClustering`.
  public var name: String { "GpuClustering" }

  /// The band plus fullness described above.
  @inlinable
  public func score(
    _ request: FractionalRequest, on node: FractionalNode, at index: Int
  ) -> Int {
    if request.gpuCount == 0 { return 0 }
    let fullness = 25 * (8_000 - node.idleGPUMilli) / 8_000
    let wholeClasses = Int(
      SIMD8<Int32>.zero.replacing(
        with: 1, where: node.wholeGPUPodCounts .> 0
      ).wrappedSum())
    let classes = wholeClasses + (node.sharingPodCount > 0 ? 1 : 0)
    let hostsOwnClass = request.isSharing
      ? node.sharingPodCount > 0
      : node.wholeGPUPodCounts[request.gpuCount - 1] > 0
    if classes == 0 { return 25 + fullness }
    if !hostsOwnClass { return fullness }
    return (classes == 1 ? 75 : 50) + fullness
  }

  /// The default device choice.
  @inlinable
  public func assignment(
    for request: FractionalRequest, on node: FractionalNode
  ) -> FractionalAssignment {
    node.bestFitAssignment(for: request)
  }
}
