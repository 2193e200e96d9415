import Foundation

/// FGD (fragmentation gradient descent): the node, and for a sharing pod
/// the GPU, whose fragmentation F grows least when the pod is placed.
///
/// With Δ = F(n) − F(n′) in milli-GPU (n′ the node after placement) a
/// placement scores ⌊100 × σ(Δ / 1000)⌋, σ(x) = 1 / (1 + e^(−x)); so no
/// change scores 50. A sharing pod is tried on every GPU with room in index
/// order and the node scores the best of them; the pod then goes to the
/// lowest-index GPU with that (truncated) score. Other pods take the
/// tightest GPUs with room (for whole GPUs: the first free ones by index).
public struct FractionalFGDPolicy: PlacementStrategy {
  public typealias Node = FractionalNode

  /// The fragmentation measure the policy descends.
  public let measure: FragmentationMeasure
  /// Whether a sharing pod's GPUs of equal score are told apart by least
  /// free milli (tightest first) before index; the published policy takes
  /// the lowest index.
  public let prefersTightestGPUOnTies: Bool

  /// Creates the policy.
  ///
  /// - Parameters:
  ///   - measure: fragmentation against the typical pods.
  ///   - prefersTightestGPUOnTies: break ties between a sharing pod's GPUs
  ///     by least free milli; `false` reproduces the published policy.
  public init(
    measure: FragmentationMeasure, prefersTightestGPUOnTies: Bool = false
  ) {
    self.measure = measure
    self.prefersTightestGPUOnTies = prefersTightestGPUOnTies
  }

  /// `FGD`.
  public var name: String { "FGD" }

  /// ⌊100 × σ(Δ / 1000)⌋, the best over GPUs for a sharing pod.
  public func score(
    _ request: FractionalRequest, on node: FractionalNode, at index: Int
  ) -> Int {
    bestPlacement(request, on: node).score
  }

  /// The GPU of the best score for a sharing pod; the first free GPUs by
  /// index otherwise.
  public func assignment(
    for request: FractionalRequest, on node: FractionalNode
  ) -> FractionalAssignment {
    guard request.isSharing else { return node.bestFitAssignment(for: request) }
    return FractionalAssignment(
      gpuMask: bestPlacement(request, on: node).mask,
      milliPerGPU: request.gpuMilliPerGPU)
  }

  /// The score and GPU mask of the best placement on `node`.
  @usableFromInline
  func bestPlacement(
    _ request: FractionalRequest, on node: FractionalNode
  ) -> (score: Int, mask: UInt8) {
    let before = measure.weightedFragment(of: node)
    guard request.isSharing else {
      let mask = request.gpuCount == 0 ? 0 : node.tightestGPUs(
        count: request.gpuCount, withFreeAtLeast: request.gpuMilliPerGPU) ?? 0
      let after = measure.weightedFragment(
        of: node.afterTaking(request, onGPUs: mask))
      return (score(reduction: before - after), mask)
    }
    var best = (score: -1, mask: UInt8(0))
    for gpu in 0..<node.gpuCount
    where node.gpuFreeMilli[gpu] >= request.gpuMilliPerGPU {
      let mask = UInt8(1) << UInt8(gpu)
      let after = measure.weightedFragment(
        of: node.afterTaking(request, onGPUs: mask))
      let score = score(reduction: before - after)
      let tighter = prefersTightestGPUOnTies && score == best.score
        && node.gpuFreeMilli[gpu]
          < node.gpuFreeMilli[best.mask.trailingZeroBitCount]
      if score > best.score || tighter {
        best = (score, mask)
      }
    }
    return best
  }

  /// ⌊100 × σ(Δ / 1000)⌋ for a weighted reduction of fragmentation.
  func score(reduction: Int) -> Int {
    let deltaMilli = Double(reduction) / Double(measure.totalWeight)
    return Int(100 * (1 / (1 + exp(-deltaMilli / 1_000))))
  }
}
