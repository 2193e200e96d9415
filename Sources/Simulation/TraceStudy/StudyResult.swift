import Scheduling

/// The runs of a study over policies × seeds and their summary per policy.
public struct StudyResult: Hashable, Sendable {
  /// The policies, in the order given.
  public var policies: [FractionalPolicy]
  /// The seeds, in the order given.
  public var seeds: [UInt64]
  /// The target demand as a multiple of capacity.
  public var inflation: Double
  /// Every run, policy-major, seeds in order.
  public var runs: [TraceStudyRun]
  /// One summary per policy, in `policies` order.
  public var summaries: [PolicySummary]
  /// Fragmentation of the empty cluster, percent of capacity.
  public var emptyClusterFragmentationPercent: Double
  /// Number of typical pods kept and number of distinct shapes.
  public var typicalPodCount: Int
  /// Number of distinct request shapes in the original pod list.
  public var shapeCount: Int

  /// The arrived percent that corresponds to the inflation target,
  /// `round(100 × inflation)` (130 for 1.3).
  public var targetPercent: Int { Int((100 * inflation).rounded()) }

  /// The summary of `policy`, or `nil` when it was not run.
  public func summary(of policy: FractionalPolicy) -> PolicySummary? {
    summaries.first { $0.policy == policy }
  }
}

/// One policy's results over the seeds of a study.
public struct PolicySummary: Hashable, Sendable {
  /// The policy.
  public var policy: FractionalPolicy
  /// Allocation % at 100 % arrived, over the seeds.
  public var allocationAt100: MeanAndDeviation?
  /// Allocation % at the target arrived percent (130 for 1.3), over the
  /// seeds.
  public var allocationAtTarget: MeanAndDeviation?
  /// Fragmentation amount % at 100 % arrived, over the seeds.
  public var fragmentationAt100: MeanAndDeviation?
  /// Failed pods per run by reason, over the seeds.
  public var failedByReason: [String: MeanAndDeviation]
  /// Failed pods per run, over the seeds.
  public var failed: MeanAndDeviation?
  /// The mean curve: for each arrived percent present in some run, the
  /// mean of the runs' bin values (sample counts are summed).
  public var curve: [ArrivalBin]

  /// Summarises the runs of one policy.
  ///
  /// - Parameters:
  ///   - policy: the policy.
  ///   - runs: its runs, one per seed.
  ///   - targetPercent: the arrived percent of the inflation target.
  /// - Complexity: O(runs × bins).
  public init(
    policy: FractionalPolicy, runs: [TraceStudyRun], targetPercent: Int
  ) {
    self.policy = policy
    func at(_ percent: Int, _ value: (ArrivalBin) -> Double)
      -> MeanAndDeviation?
    {
      MeanAndDeviation(
        runs.compactMap { $0.bin(atArrivedPercent: percent).map(value) })
    }
    allocationAt100 = at(100, \.allocationPercent)
    allocationAtTarget = at(targetPercent, \.allocationPercent)
    fragmentationAt100 = at(100, \.fragmentationPercent)
    failed = MeanAndDeviation(runs.map { Double($0.failedCount) })
    let reasons = Set(runs.flatMap(\.failedByReason.keys))
    failedByReason = Dictionary(
      uniqueKeysWithValues: reasons.compactMap { reason in
        MeanAndDeviation(runs.map { Double($0.failedByReason[reason] ?? 0) })
          .map { (reason, $0) }
      })
    var byPercent: [Int: [ArrivalBin]] = [:]
    for run in runs {
      for bin in run.curve { byPercent[bin.arrivedPercent, default: []].append(bin) }
    }
    curve = byPercent.keys.sorted().map { percent in
      let bins = byPercent[percent] ?? []
      let count = Double(bins.count)
      return ArrivalBin(
        arrivedPercent: percent,
        sampleCount: bins.reduce(0) { $0 + $1.sampleCount },
        allocationPercent: bins.reduce(0) { $0 + $1.allocationPercent } / count,
        fragmentationPercent: bins.reduce(0) { $0 + $1.fragmentationPercent }
          / count,
        fragmentationRatePercent: bins.reduce(0) {
          $0 + $1.fragmentationRatePercent
        } / count)
    }
  }
}
