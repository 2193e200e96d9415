import Scheduling

/// The results of the published fragmentation study on the default pod
/// list (USENIX ATC 2023, "Beware of Fragmentation"), for side-by-side
/// comparison: GPU allocation % at 100% and 130% arrived, mean and
/// standard deviation over seeds 42–51, and fragmentation % at 100%.
///
/// Only valid for the default pod list with inflation 1.3; see
/// `docs/trace-study.md` for the source.
public struct PublishedResult: Hashable, Sendable {
  /// The policy.
  public var policy: FractionalPolicy
  /// Allocation % at 100% arrived.
  public var allocationAt100: MeanAndDeviation
  /// Allocation % at 130% arrived.
  public var allocationAt130: MeanAndDeviation
  /// Fragmentation amount % at 100% arrived.
  public var fragmentationAt100: Double

  /// The six published rows, in the paper's order.
  public static let defaultPodList: [PublishedResult] = [
    row(.random, 86.30, 0.33, 87.47, 0.32, 13.49),
    row(.dotProduct, 90.62, 0.19, 90.85, 0.20, 9.30),
    row(.gpuClustering, 91.65, 0.61, 91.88, 0.62, 8.21),
    row(.gpuPacking, 91.78, 0.53, 92.00, 0.54, 8.13),
    row(.bestFit, 92.86, 0.14, 93.08, 0.13, 7.05),
    row(.fgd, 95.23, 0.11, 95.39, 0.08, 4.73),
  ]

  /// The published row of `policy`, if the paper has one.
  public static func defaultPodList(for policy: FractionalPolicy)
    -> PublishedResult?
  {
    defaultPodList.first { $0.policy == policy }
  }

  private static func row(
    _ policy: FractionalPolicy, _ at100: Double, _ sd100: Double,
    _ at130: Double, _ sd130: Double, _ fragmentation: Double
  ) -> PublishedResult {
    PublishedResult(
      policy: policy,
      allocationAt100: MeanAndDeviation(
        mean: at100, standardDeviation: sd100, count: 10),
      allocationAt130: MeanAndDeviation(
        mean: at130, standardDeviation: sd130, count: 10),
      fragmentationAt100: fragmentation)
  }
}
