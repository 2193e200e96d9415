/// How two tenants' pods share a GPU at one instant.
public enum GPUSharingMode: String, CaseIterable, Hashable, Sendable {
  /// Different MIG instances of one GPU.
  case migInstances
  /// Compute instances of one MIG GPU instance.
  case migSharedInstance
  /// MPS clients of one GPU.
  case mps
  /// Time-sliced replicas of one GPU.
  case timeSlicing
  /// Fractions of one GPU (fractional sharing, time-shared underneath).
  case fractions

  /// The mode two holds on one GPU share it by: MIG with MIG is
  /// `migInstances` unless the GPU instance is the same; otherwise MPS,
  /// then time-slicing, then fractions, whichever either hold uses first.
  /// Two exclusive holds overlapping count as time-slicing.
  ///
  /// - Parameters:
  ///   - first: One hold.
  ///   - second: The other hold, on the same GPU.
  public init(_ first: GPUHold, _ second: GPUHold) {
    if case .mig(let one) = first, case .mig(let other) = second {
      self = one.gpuInstanceID == other.gpuInstanceID
        ? .migSharedInstance : .migInstances
      return
    }
    func uses(_ test: (GPUHold) -> Bool) -> Bool {
      test(first) || test(second)
    }
    if uses({ if case .mps = $0 { true } else { false } }) {
      self = .mps
    } else if uses({ if case .fraction = $0 { true } else { false } }) {
      self = .fractions
    } else {
      self = .timeSlicing
    }
  }
}

/// Ordinal exposure scores of the sharing levels (docs/metrics.md,
/// Isolation): a pair's exposure at an instant is the score of the
/// innermost level it shares.
public struct ExposureScores: Hashable, Sendable {
  /// Same GPU through MPS.
  public var mps: Double = 1.0
  /// Compute instances of one MIG GPU instance (shared like MPS).
  public var migSharedInstance: Double = 1.0
  /// Same GPU, time-sliced.
  public var timeSlicing: Double = 0.9
  /// Same GPU, fractional sharing (time-shared without memory isolation).
  public var fractions: Double = 0.9
  /// Same GPU, other MIG instance.
  public var migInstances: Double = 0.5
  /// Same node, other GPUs.
  public var node: Double = 0.35
  /// Added to `node` when the node's GPUs share NVLink.
  public var nvlinkBonus: Double = 0.05
  /// Same multi-node NVLink domain, other node.
  public var nvlinkDomain: Double = 0.2
  /// Network reachable only.
  public var network: Double = 0.05

  /// The defaults.
  public init() {}

  /// The score of sharing a GPU by `mode`.
  ///
  /// - Parameter mode: The sharing mode.
  public func score(_ mode: GPUSharingMode) -> Double {
    switch mode {
    case .migInstances: migInstances
    case .migSharedInstance: migSharedInstance
    case .mps: mps
    case .timeSlicing: timeSlicing
    case .fractions: fractions
    }
  }
}
