/// GpuPacking: prefers partly used GPUs, then wholly free GPUs on partly
/// used nodes, then idle nodes.
///
/// CPU-only pods score 0. For a GPU pod on a node with G GPUs of which F
/// are wholly free: an idle node (F = G) scores max(33 − F, F). Otherwise
/// the pod's GPUs are taken tightest first (least free milli with room,
/// lower index among equals); if f > 0 of them are wholly free the score is
/// max(50 − f, 33), else ρ = Σ ⌊free × 100 / 1000⌋ over them and the score
/// is max(100 − ⌊ρ / 10⌋, 50). Devices: the default choice.
public struct FractionalGPUPackingPolicy: PlacementStrategy {
  public typealias Node = FractionalNode

  /// Creates the policy.
  public init() {}

  /// `GpuPacking`.
  public var name: String { "GpuPacking" }

  /// The three bands described above.
  @inlinable
  public func score(
    _ request: FractionalRequest, on node: FractionalNode, at index: Int
  ) -> Int {
    if request.gpuCount == 0 { return 0 }
    let free = node.completelyFreeGPUCount
    if free == node.gpuCount { return max(33 - free, free) }
    guard
      let mask = node.tightestGPUs(
        count: request.gpuCount, withFreeAtLeast: request.gpuMilliPerGPU)
    else { return 0 }
    var wholeFree = 0
    var rho = 0
    for gpu in 0..<node.gpuCount where mask & (1 << UInt8(gpu)) != 0 {
      let milli = Int(node.gpuFreeMilli[gpu])
      if milli == FractionalNode.milliPerGPU { wholeFree += 1 }
      rho += milli * 100 / 1_000
    }
    if wholeFree > 0 { return max(50 - wholeFree, 33) }
    return max(100 - rho / 10, 50)
  }

  /// The default device choice.
  @inlinable
  public func assignment(
    for request: FractionalRequest, on node: FractionalNode
  ) -> FractionalAssignment {
    node.bestFitAssignment(for: request)
  }
}
