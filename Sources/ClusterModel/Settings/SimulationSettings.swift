/// Whether MIG layouts may change while the simulation runs.
public enum MIGReconfigurationPolicy: String, CaseIterable, Hashable,
  Sendable
{
  /// Layouts stay as the scenario states them.
  case `static`
  /// The simulator may repartition idle GPUs to fit waiting jobs.
  case dynamic
}

/// How a simulation runs. Data only.
public struct SimulationSettings: Hashable, Sendable {
  /// The seed of every random stream.
  public var seed: UInt64
  /// Simulated time to run, seconds; > 0.
  public var horizonSeconds: Int
  /// The placement strategy's name, such as `binpack` or `spread`; the
  /// scheduler checks it.
  public var placementStrategy: String
  /// Whether MIG layouts may change.
  public var migReconfiguration: MIGReconfigurationPolicy
  /// Time to repartition one GPU, seconds; ≥ 0.
  public var reconfigurationSeconds: Int
  /// Failures and maintenance.
  public var faults: FaultSettings
  /// Overrides of the interference model's coefficients.
  public var interference: InterferenceCoefficients

  /// Creates settings; defaults: seed 1, one day, `binpack`, static MIG,
  /// 60 s reconfiguration, no faults, default coefficients.
  public init(
    seed: UInt64 = 1,
    horizonSeconds: Int = 86_400,
    placementStrategy: String = "binpack",
    migReconfiguration: MIGReconfigurationPolicy = .static,
    reconfigurationSeconds: Int = 60,
    faults: FaultSettings = FaultSettings(),
    interference: InterferenceCoefficients = InterferenceCoefficients()
  ) {
    self.seed = seed
    self.horizonSeconds = horizonSeconds
    self.placementStrategy = placementStrategy
    self.migReconfiguration = migReconfiguration
    self.reconfigurationSeconds = reconfigurationSeconds
    self.faults = faults
    self.interference = interference
  }
}

/// Node and GPU failures and rolling upgrades. Every field `nil` means no
/// such event.
public struct FaultSettings: Hashable, Sendable {
  /// Mean time between failures of one node, seconds; > 0.
  public var nodeMTBFSeconds: Int?
  /// Mean time to repair a failed node, seconds; > 0. Needs the MTBF.
  public var nodeMTTRSeconds: Int?
  /// Failures per GPU per hour of simulated time; ≥ 0.
  public var gpuFailuresPerHour: Double?
  /// A rolling upgrade of every node, or `nil`.
  public var rollingUpgrade: RollingUpgrade?

  /// Creates fault settings; by default no faults.
  public init(
    nodeMTBFSeconds: Int? = nil,
    nodeMTTRSeconds: Int? = nil,
    gpuFailuresPerHour: Double? = nil,
    rollingUpgrade: RollingUpgrade? = nil
  ) {
    self.nodeMTBFSeconds = nodeMTBFSeconds
    self.nodeMTTRSeconds = nodeMTTRSeconds
    self.gpuFailuresPerHour = gpuFailuresPerHour
    self.rollingUpgrade = rollingUpgrade
  }
}

/// A rolling upgrade: nodes are drained and upgraded in batches.
public struct RollingUpgrade: Hashable, Sendable {
  /// Nodes upgraded at once; ≥ 1.
  public var batchSize: Int
  /// Time one batch is out of service, seconds; > 0.
  public var upgradeSeconds: Int
  /// When the first batch starts, seconds from the start; ≥ 0.
  public var startSeconds: Int

  /// Creates a rolling upgrade.
  public init(batchSize: Int, upgradeSeconds: Int, startSeconds: Int) {
    self.batchSize = batchSize
    self.upgradeSeconds = upgradeSeconds
    self.startSeconds = startSeconds
  }
}

/// Overrides of the interference model's coefficients; `nil` keeps the
/// default of docs/interference.md.
public struct InterferenceCoefficients: Hashable, Sendable {
  /// Slowdown from busy neighbours in other MIG instances (`a_mig`,
  /// default 0.02); [0, 1].
  public var migNeighbour: Double?
  /// MPS memory-bandwidth contention factor (`b_mps`, default 0.3);
  /// [0, 1].
  public var mpsBandwidth: Double?
  /// Time-slicing context-switch overhead (`c_ts`, default 0.10); [0, 1].
  public var timeSlicingOverhead: Double?
  /// p99 latency multipliers by sharing mode name (`mig`, `mps`,
  /// `timeSlicing`, ...); each ≥ 1.
  public var tailFactors: [String: Double]

  /// Creates overrides; by default none.
  public init(
    migNeighbour: Double? = nil,
    mpsBandwidth: Double? = nil,
    timeSlicingOverhead: Double? = nil,
    tailFactors: [String: Double] = [:]
  ) {
    self.migNeighbour = migNeighbour
    self.mpsBandwidth = mpsBandwidth
    self.timeSlicingOverhead = timeSlicingOverhead
    self.tailFactors = tailFactors
  }
}
