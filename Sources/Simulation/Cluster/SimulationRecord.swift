import ClusterModel
import Scheduling

/// How a job stood when the run ended.
public enum SimulatedOutcome: Hashable, Sendable {
  /// Ran to completion.
  case finished
  /// Running at the horizon.
  case running
  /// Queued at the horizon.
  case waiting
  /// Refused for good; `reason` is a stable key such as
  /// `admission:denyImagesAbove` or `unschedulable:GPUModel`.
  case rejected(reason: String)

  /// `finished`, `running`, `waiting` or `rejected`.
  public var name: String {
    switch self {
    case .finished: "finished"
    case .running: "running"
    case .waiting: "waiting"
    case .rejected: "rejected"
    }
  }
}

/// One job of a run: a pod, or a gang of pods placed all at once.
public struct SimulatedJob: Hashable, Sendable {
  /// The job's name: the listed name, or `<generator>-<n>` from 0.
  public var name: String
  /// The generator's index in the demand.
  public var generator: Int
  /// The tenant's index in the cluster.
  public var tenant: Int
  /// The template's index in the demand.
  public var template: Int
  /// The workload kind.
  public var kind: WorkloadKind
  /// Pods placed together.
  public var pods: Int
  /// What each pod asks for.
  public var requests: ResourceRequests
  /// The job's priority.
  public var priority: Int
  /// Running time alone, seconds.
  public var durationSeconds: Int
  /// Submission, seconds.
  public var arrivalSeconds: Int
  /// First start, seconds, if it started.
  public var firstStartSeconds: Int?
  /// Start of the current or last run, seconds.
  public var lastStartSeconds: Int?
  /// Completion, seconds, if finished.
  public var endSeconds: Int?
  /// Seconds spent queued in all, up to the horizon.
  public var waitSeconds: Int
  /// How it stood at the horizon.
  public var outcome: SimulatedOutcome
  /// Times a higher-priority pod or a quota reclaim evicted it.
  public var preemptions: Int
  /// Times a failure, GPU loss or drain evicted it.
  public var disruptions: Int
  /// Seconds it ran while its tenant borrowed quota for it.
  public var borrowingSeconds: Int
  /// The node of the current or last run (the first pod's), if any.
  public var node: Int?
  /// The most recent reason it could not start, if it ever waited.
  public var lastRefusal: String?
  /// Failed start attempts.
  public var failedAttempts: Int
}

/// A stretch during which one pod of a job held devices on one node.
public struct RecordedInterval: Hashable, Sendable {
  /// Index into `SimulationRecord.jobs`.
  public var job: Int
  /// The pod's index within its job (0 for a lone pod).
  public var pod: Int
  /// The node's index in the cluster state.
  public var node: Int
  /// The devices held.
  public var devices: DeviceAssignment
  /// Host CPU held, milli-cores.
  public var cpuMilli: Int
  /// Host memory held, MiB.
  public var memoryMiB: Int
  /// Start, seconds.
  public var startSeconds: Int
  /// End (exclusive), seconds; the horizon for work still running.
  public var endSeconds: Int
}

/// One line of the event log.
public struct SimulationEvent: Hashable, Sendable {
  /// What happened.
  public enum Kind: String, Hashable, Sendable, CaseIterable {
    case arrival, start, finish, wait, reject, preempt, evict
    case reconfigureStart, reconfigureEnd
    case nodeFailure, nodeRepair, gpuFailure, gpuRepair
    case drainStart, drainEnd
  }

  /// Simulated second.
  public var time: Int
  /// What happened.
  public var kind: Kind
  /// The job, if one is concerned.
  public var job: Int?
  /// The node, if one is concerned.
  public var node: Int?
  /// Free text: devices, a reason, a GPU index.
  public var detail: String
}

/// The cluster at one instant, sampled at a fixed interval.
public struct TimelineSample: Hashable, Sendable {
  /// Simulated second.
  public var time: Int
  /// GPUs allocated, in whole-GPU equivalents (see docs/simulator.md).
  public var allocatedGPUs: Double
  /// Jobs running.
  public var running: Int
  /// Jobs queued.
  public var waiting: Int
}

/// Counts of what happened in a run.
public struct SimulationCounters: Hashable, Sendable {
  /// Events the engine handled.
  public var events = 0
  /// Start attempts (successful or not).
  public var startAttempts = 0
  /// Placement decisions (one per pod tried).
  public var placementDecisions = 0
  /// Jobs evicted by priority preemption.
  public var priorityPreemptions = 0
  /// Jobs evicted to reclaim lent quota.
  public var quotaReclaims = 0
  /// Jobs evicted by node failures, GPU failures and drains.
  public var disruptions = 0
  /// GPUs re-laid out by dynamic repartitioning.
  public var reconfigurations = 0
  /// MIG instances those reconfigurations destroyed.
  public var destroyedInstances = 0
  /// Node failures.
  public var nodeFailures = 0
  /// GPU failures.
  public var gpuFailures = 0
  /// Nodes drained for upgrades.
  public var drainedNodes = 0

  /// Creates zero counters.
  public init() {}
}

/// Everything one run produced.
public struct SimulationRecord: Sendable {
  /// The input's cluster.
  public var cluster: Cluster
  /// The strategy used.
  public var strategy: StrategyName
  /// The run's seed.
  public var seed: UInt64
  /// The horizon, seconds.
  public var horizonSeconds: Int
  /// Every job, in arrival order (ties by generator order).
  public var jobs: [SimulatedJob]
  /// Allocation intervals, when the input asked for them.
  public var intervals: [RecordedInterval]
  /// The event log, when the input asked for it.
  public var events: [SimulationEvent]
  /// The timeline.
  public var timeline: [TimelineSample]
  /// What happened, counted.
  public var counters: SimulationCounters
  /// ∫ allocated GPU equivalents dt over the run, GPU-seconds.
  public var allocatedGPUSeconds: Double
  /// Template names, by template index.
  public var templateNames: [String]
  /// Node names, by node index.
  public var nodeNames: [String]
  /// Jobs refused by each admission rule, by rule name.
  public var admissionRefusals: [String: Int]
  /// The cluster as the horizon found it.
  public var finalState: ClusterState
  /// Broken invariants with the second they were seen, when the input
  /// asked for checks; empty in a sound run.
  public var invariantViolations: [String]
  /// Quota usage as the horizon found it.
  public var finalLedger: QuotaLedger
  /// The request of each request slot, interned in `finalState`.
  var slotRequests: [PodRequest]
  /// The quota charge of each request slot.
  var slotCharges: [QuotaCharge]
  /// The request slot of each job.
  var jobSlots: [Int32]

  /// The index of the job named `name`, if any.
  ///
  /// - Complexity: O(jobs).
  public func jobIndex(named name: String) -> Int? {
    jobs.firstIndex { $0.name == name }
  }

  /// Whether job `job`'s tenant could admit its charge as the horizon
  /// found the quotas.
  public func quotaDecision(ofJob job: Int) -> QuotaDecision {
    finalLedger.check(slotCharges[Int(jobSlots[job])], of: jobs[job].tenant)
  }

  /// Why job `job`'s pods would not fit the cluster as the horizon found
  /// it, node by node, in the wording of the Kubernetes scheduler.
  ///
  /// - Complexity: O(nodes × GPUs × instances).
  public func placementExplanation(ofJob job: Int) -> PlacementExplanation {
    var state = finalState
    return state.explain(slotRequests[Int(jobSlots[job])])
  }
}
