/// What a workload does; admission and security policies may treat kinds
/// differently.
public enum WorkloadKind: String, CaseIterable, Hashable, Sendable,
  Comparable
{
  /// Model training: long, often gang-scheduled.
  case training
  /// Model serving: long-running, latency sensitive.
  case inference
  /// An AI agent: runs tools and code it was not shipped with.
  case agent
  /// Batch work: short, restartable.
  case batch

  /// Orders kinds as declared.
  public static func < (lhs: WorkloadKind, rhs: WorkloadKind) -> Bool {
    allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
  }
}

/// The worst known vulnerability in a workload's container image, as an
/// image scanner reports it. Ordered from `none` to `critical`.
public enum VulnerabilityLevel: String, CaseIterable, Hashable, Sendable,
  Comparable
{
  /// No known vulnerability.
  case none
  /// Low severity.
  case low
  /// Medium severity.
  case medium
  /// High severity.
  case high
  /// Critical severity.
  case critical

  /// Orders levels by severity.
  public static func < (lhs: VulnerabilityLevel, rhs: VulnerabilityLevel)
    -> Bool
  {
    allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
  }
}
