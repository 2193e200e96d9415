/// Which way a metric improves.
public enum MetricDirection: String, Hashable, Sendable {
  /// Larger values are better.
  case higherIsBetter
  /// Smaller values are better.
  case lowerIsBetter

  /// Whether `candidate` is strictly better than `incumbent`.
  public func prefers(_ candidate: Double, over incumbent: Double) -> Bool {
    self == .higherIsBetter ? candidate > incumbent : candidate < incumbent
  }
}

/// The metrics a comparison table shows, one column each.
public enum HeadlineMetric: String, CaseIterable, Hashable, Sendable {
  /// Time-weighted allocated GPU share, percent.
  case gpuAllocation
  /// Allocated but idle GPU share, percent.
  case allocatedIdle
  /// Fractional fragmentation rate, percent.
  case fractionalFragmentation
  /// MIG fragmentation rate, percent.
  case migFragmentation
  /// 95th percentile wait, seconds.
  case waitP95
  /// SLO attainment, percent.
  case sloAttainment
  /// Jain's index over quota-normalised dominant shares.
  case jainIndex
  /// Isolation score.
  case isolationScore
  /// 95th percentile expected slowdown.
  case slowdownP95
  /// Exposed tenant-seconds per incident.
  case exposurePerIncident

  /// A short column title.
  public var title: String {
    switch self {
    case .gpuAllocation: "GPU alloc %"
    case .allocatedIdle: "idle alloc %"
    case .fractionalFragmentation: "frac frag %"
    case .migFragmentation: "MIG frag %"
    case .waitP95: "wait p95 s"
    case .sloAttainment: "SLO %"
    case .jainIndex: "Jain"
    case .isolationScore: "isolation"
    case .slowdownP95: "slowdown p95"
    case .exposurePerIncident: "exposure s/incident"
    }
  }

  /// Which way the metric improves.
  public var direction: MetricDirection {
    switch self {
    case .gpuAllocation, .sloAttainment, .jainIndex, .isolationScore:
      .higherIsBetter
    case .allocatedIdle, .fractionalFragmentation, .migFragmentation,
      .waitP95, .slowdownP95, .exposurePerIncident:
      .lowerIsBetter
    }
  }

  /// Decimals to show.
  public var decimals: Int {
    switch self {
    case .jainIndex, .isolationScore, .slowdownP95: 3
    default: 1
    }
  }
}
