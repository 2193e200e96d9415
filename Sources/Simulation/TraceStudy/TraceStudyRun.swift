import ClusterModel
import Scheduling

/// The outcome of one packing run: one policy, one seed.
public struct TraceStudyRun: Hashable, Sendable {
  /// The policy.
  public var policy: FractionalPolicy
  /// The seed of the pod order, inflation and node priority.
  public var seed: UInt64
  /// Number of pods submitted (originals kept plus clones).
  public var submittedCount: Int
  /// Number of clones appended by tune-up.
  public var cloneCount: Int
  /// Number of originals deleted by tune-down.
  public var deletedCount: Int
  /// Number of pods placed.
  public var placedCount: Int
  /// GPU demand submitted, in milli-GPU.
  public var submittedGPUMilli: Int
  /// Failed pods counted by the reason of the node that came closest
  /// (`filter/resource`, see `PlacementFailure`).
  public var failedByReason: [String: Int]
  /// GPU demand of failed pods, in milli-GPU.
  public var failedGPUMilli: Int
  /// Failed pods counted by kind.
  public var failedByKind: [TracePodKind: Int]
  /// GPU demand of failed pods by kind, in milli-GPU.
  public var failedGPUMilliByKind: [TracePodKind: Int]
  /// The packing curve, one bin per integer arrived percent.
  public var curve: [ArrivalBin]
  /// Allocation after the last pod, in percent of capacity (unrounded).
  public var finalAllocationPercent: Double
  /// Fragmentation amount after the last pod, in percent of capacity.
  public var finalFragmentationPercent: Double

  /// Number of pods that found no node.
  public var failedCount: Int { submittedCount - placedCount }

  /// The curve's bin at an arrived percent, or `nil` when left out.
  ///
  /// - Complexity: O(bins).
  public func bin(atArrivedPercent percent: Int) -> ArrivalBin? {
    curve.first { $0.arrivedPercent == percent }
  }
}
