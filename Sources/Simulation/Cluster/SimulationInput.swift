import ClusterModel
import Scheduling

/// Everything one cluster simulation needs: the cluster, what its tenants
/// submit, and how the run goes.
///
/// Data only. The command layer builds it from a scenario and its
/// command-line overrides; `ClusterSimulation(input)` checks it.
public struct SimulationInput: Sendable {
  /// The hardware and the tenants.
  public var cluster: Cluster
  /// Templates and generators.
  public var demand: Demand
  /// The jobs of generators with a job list, by generator name.
  public var jobLists: [String: [ListedJob]]
  /// Seed, horizon, reconfiguration policy, faults.
  public var settings: SimulationSettings
  /// Rules checked when a job is submitted.
  public var admission: AdmissionPolicies
  /// The placement strategy; `nil` reads `settings.placementStrategy`.
  public var strategy: StrategyName?
  /// How waiting jobs of different tenants are ordered on a retry.
  public var queueOrder: PendingQueue.PassOrder
  /// Whether to keep the event log (`SimulationRecord.events`).
  public var recordsEvents: Bool
  /// Whether to keep allocation intervals (`SimulationRecord.intervals`),
  /// which scoring needs.
  public var recordsIntervals: Bool
  /// Seconds between two timeline samples; `nil` picks horizon / 288
  /// (five minutes for a day), at least 1.
  public var sampleIntervalSeconds: Int?
  /// Whether to check the cluster state and the quota ledger after every
  /// event (O(cluster) each: for tests), recording what breaks in
  /// `SimulationRecord.invariantViolations`.
  public var checksInvariants = false

  /// Creates an input.
  ///
  /// - Parameters:
  ///   - cluster: The cluster.
  ///   - demand: The demand, none by default.
  ///   - jobLists: Listed jobs by generator, none by default.
  ///   - settings: The settings, defaults by default.
  ///   - admission: Admission rules, none by default.
  ///   - strategy: The strategy, the settings' by default.
  ///   - queueOrder: Retry order, priority by default.
  ///   - recordsEvents: Keep the event log; `false` by default.
  ///   - recordsIntervals: Keep allocation intervals; `false` by default.
  ///   - sampleIntervalSeconds: Timeline spacing, automatic by default.
  public init(
    cluster: Cluster, demand: Demand = Demand(),
    jobLists: [String: [ListedJob]] = [:],
    settings: SimulationSettings = SimulationSettings(),
    admission: AdmissionPolicies = AdmissionPolicies(),
    strategy: StrategyName? = nil,
    queueOrder: PendingQueue.PassOrder = .priority,
    recordsEvents: Bool = false, recordsIntervals: Bool = false,
    sampleIntervalSeconds: Int? = nil
  ) {
    self.cluster = cluster
    self.demand = demand
    self.jobLists = jobLists
    self.settings = settings
    self.admission = admission
    self.strategy = strategy
    self.queueOrder = queueOrder
    self.recordsEvents = recordsEvents
    self.recordsIntervals = recordsIntervals
    self.sampleIntervalSeconds = sampleIntervalSeconds
  }
}

/// Why a simulation could not start: a strategy name, a distribution
/// parameter or a reference the scenario checks did not catch.
public struct SimulationSetupError: Error, Hashable, Sendable,
  CustomStringConvertible
{
  /// The field path, spelled as in the scenario file.
  public var path: String
  /// What is wrong.
  public var message: String

  /// Creates an error.
  public init(path: String, _ message: String) {
    self.path = path
    self.message = message
  }

  /// `at <path>: <message>`.
  public var description: String {
    path.isEmpty ? message : "at \(path): \(message)"
  }
}
