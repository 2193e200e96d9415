/// DotProd: the node whose free resources align least with the request
/// (Tetris-style), all of a node's GPUs merged into one dimension and both
/// dimensions divided by the largest node (128 cores, 8 GPUs).
///
/// With c = free CPU, L = free GPU milli on the node, r = requested CPU,
/// q = requested GPU milli in total:
/// u = (c / 128000)(r / 128000) + (L / 8000)(q / 8000) and
/// score = ⌊100 × (1 − u / 2)⌋; a node with c < r scores 0. Devices: the
/// tightest GPU with room for a sharing pod, the first wholly free GPUs
/// otherwise.
public struct FractionalDotProductPolicy: PlacementStrategy {
  public typealias Node = FractionalNode

  /// Creates the policy.
  public init() {}

  /// `DotProd`.
  public var name: String { "DotProd" }

  /// ⌊100 × (1 − u / 2)⌋ as above.
  @inlinable
  public func score(
    _ request: FractionalRequest, on node: FractionalNode, at index: Int
  ) -> Int {
    if node.cpuFreeMilli < request.cpuMilli { return 0 }
    let cpu = Double(node.cpuFreeMilli) / 128_000
      * (Double(request.cpuMilli) / 128_000)
    let gpu = Double(node.idleGPUMilli) / 8_000
      * (Double(request.gpuDemandMilli) / 8_000)
    return Int(100 * (1 - (cpu + gpu) / 2))
  }

  /// The default device choice.
  @inlinable
  public func assignment(
    for request: FractionalRequest, on node: FractionalNode
  ) -> FractionalAssignment {
    node.bestFitAssignment(for: request)
  }
}
