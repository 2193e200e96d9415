import ClusterModel
import MIGGeometry
import RandomStreams
import Scheduling

extension EventClass {
  /// Completions free capacity before anything else due that second.
  static let completion = EventClass(rank: 0)
  /// Repairs, reconfiguration ends and upgrade returns add capacity.
  static let recovery = EventClass(rank: 1)
  /// Failures and drains take capacity away.
  static let disruption = EventClass(rank: 2)
  /// Waiting jobs are retried after every change of the second...
  static let retry = EventClass(rank: 3)
  /// ...and before the second's arrivals, which queue behind them.
  static let arrival = EventClass(rank: 4)
  /// Timeline samples see the second's final state.
  static let sample = EventClass(rank: 5)
}

/// The events of a cluster simulation.
enum ClusterEvent: Sendable {
  case arrival(generator: Int)
  case completion(job: Int, epoch: Int)
  case retry
  case reconfigured(node: Int, gpu: Int)
  case nodeFailure(node: Int)
  case nodeRepair(node: Int)
  case gpuFailure
  case gpuRepair(node: Int, gpu: Int)
  case upgradeBatch(first: Int)
  case upgradeDone(first: Int)
  case sample
}

/// A cluster played forward in time: jobs arrive from the tenants'
/// generators, pass admission and quota, wait in a queue, are placed by a
/// strategy, run and complete, while nodes and GPUs fail and are repaired,
/// drained and upgraded, and idle MIG GPUs are re-laid out on demand.
///
/// Build it from a `SimulationInput`, then call `run()`. The run is a pure
/// function of the input: the same input gives the same record. See
/// docs/simulator.md for the rules, step by step.
public struct ClusterSimulation: Sendable {
  // MARK: - Configuration

  let input: SimulationInput
  let strategy: StrategyName
  let horizon: Int
  let sampleInterval: Int
  let chargeRules: QuotaChargeRules

  // MARK: - State

  var scheduler: ClusterScheduler
  /// An idle copy of the cluster, for "could this ever fit" checks.
  var idleScheduler: ClusterScheduler
  var ledger: QuotaLedger
  var queue = PendingQueue()
  var generators: [GeneratorState] = []
  var slots: [RequestSlot] = []
  var slotByKey: [RequestSlotKey: Int] = [:]
  var jobs: [SimulatedJob] = []
  var runtime: [JobRuntime] = []
  /// The job of each pod id.
  var podJob: [Int32] = []
  var intervals: [RecordedInterval] = []
  var events: [SimulationEvent] = []
  var timeline: [TimelineSample] = []
  var counters = SimulationCounters()
  var admissionRefusals: [String: Int] = [:]
  var violations: [String] = []
  var now = 0
  var retryScheduled = false
  var runningCount = 0
  var allocatedGPUs = 0.0
  var allocatedGPUSeconds = 0.0
  var lastAllocationChange = 0
  /// Running jobs per priority, to skip preemption when no lower
  /// priority runs.
  var runningByPriority: [Int: Int] = [:]
  /// Running jobs of each tenant, for quota reclaim.
  var runningJobsByTenant: [Set<Int>]
  var faultStreams: [RandomStream] = []
  /// GPUs before each node, by node index, with the total last.
  var gpuPrefix: [Int] = []
  var failedNodes: [Bool] = []
  var failedGPUs: [Bool] = []
  var gpuFaultStream: RandomStream
  var gpuRepairStream: RandomStream

  /// Prepares a run.
  ///
  /// - Parameter input: The cluster, demand and settings.
  /// - Throws: `SimulationSetupError` for an unknown strategy, a
  ///   distribution or arrival parameter out of range, or a reference to
  ///   an unknown tenant or template.
  /// - Complexity: O(nodes × GPUs × instances + generators + listed jobs).
  public init(_ input: SimulationInput) throws(SimulationSetupError) {
    self.input = input
    let settings = input.settings
    if let chosen = input.strategy {
      strategy = chosen
    } else {
      do {
        strategy = try StrategyName(parsing: settings.placementStrategy)
      } catch {
        throw SimulationSetupError(
          path: "simulation.placementStrategy", error.description)
      }
    }
    horizon = settings.horizonSeconds
    sampleInterval = max(1, input.sampleIntervalSeconds ?? horizon / 288)
    chargeRules = QuotaChargeRules(cluster: input.cluster)
    let mix = Self.expectedMix(of: input.demand)
    scheduler = ClusterScheduler(
      cluster: input.cluster, strategy: strategy,
      seed: settings.seed, mix: mix, reconfigurationSeconds: settings.reconfigurationSeconds)
    idleScheduler = ClusterScheduler(
      cluster: input.cluster, strategy: .firstFit)
    ledger = QuotaLedger(cluster: input.cluster)
    runningJobsByTenant = Array(
      repeating: [], count: input.cluster.tenants.count)
    gpuFaultStream = RandomStream(seed: settings.seed, name: "faults/gpus")
    gpuRepairStream = RandomStream(
      seed: settings.seed, name: "faults/gpus/repair")
    try makeGenerators()
  }

  /// The expected request mix of the demand, for the
  /// fragmentation-aware strategy: each MIG profile and GPU count
  /// weighted by how often the generators ask for it.
  static func expectedMix(of demand: Demand) -> ExpectedMix {
    var profiles: [String: Int] = [:]
    var units: [Int: Int] = [:]
    for template in demand.templates {
      switch template.requests.gpu {
      case .migInstances(let profile, _): profiles[profile, default: 0] += 1
      case .wholeGPUs(let n), .timeSliceReplicas(let n), .mpsClients(let n):
        units[n, default: 0] += 1
      case .milliGPUs(let m): units[m, default: 0] += 1
      case .none: break
      }
    }
    return ExpectedMix(migProfiles: profiles, unitSizes: units)
  }

  // MARK: - Running

  /// Plays the cluster from second 0 to the horizon.
  ///
  /// - Returns: What happened: every job, the timeline, the counters and,
  ///   when asked for, allocation intervals and the event log.
  /// - Complexity: O(events × (log events + one scheduling decision)).
  public consuming func run() -> SimulationRecord {
    var engine = SimulationEngine<ClusterEvent>()
    scheduleInitialEvents(&engine)
    let stop = engine.run(until: Int64(horizon)) { engine, event in
      now = Int(engine.now)
      counters.events += 1
      handle(event, &engine)
      if input.checksInvariants { checkInvariants() }
    }
    _ = stop
    now = horizon
    finishAtHorizon()
    return SimulationRecord(
      cluster: input.cluster, strategy: strategy, seed: input.settings.seed,
      horizonSeconds: horizon, jobs: jobs, intervals: intervals,
      events: events, timeline: timeline, counters: counters,
      allocatedGPUSeconds: allocatedGPUSeconds,
      templateNames: input.demand.templates.map(\.name),
      nodeNames: (0..<scheduler.state.nodeCount).map {
        scheduler.state.nodeName($0)
      },
      admissionRefusals: admissionRefusals, finalState: scheduler.state,
      invariantViolations: violations, finalLedger: ledger, slotRequests: slots.map(\.request),
      slotCharges: slots.map(\.charge),
      jobSlots: runtime.map { Int32($0.slot) })
  }

  mutating func scheduleInitialEvents(
    _ engine: inout SimulationEngine<ClusterEvent>
  ) {
    for index in generators.indices {
      scheduleNextArrival(ofGenerator: index, &engine)
    }
    scheduleFaults(&engine)
    var t = 0
    while t <= horizon {
      engine.schedule(.sample, at: Int64(t), class: .sample)
      t += sampleInterval
    }
  }

  mutating func handle(
    _ event: ClusterEvent, _ engine: inout SimulationEngine<ClusterEvent>
  ) {
    switch event {
    case .arrival(let generator):
      arrive(fromGenerator: generator, &engine)
    case .completion(let job, let epoch):
      guard runtime[job].epoch == epoch, runtime[job].isRunning else { return }
      complete(job)
      scheduleRetry(&engine)
    case .retry:
      retryScheduled = false
      retryWaitingJobs(&engine)
    case .reconfigured(let node, let gpu):
      scheduler.state.finishReconfiguration(ofGPU: gpu, onNode: node)
      note(.reconfigureEnd, node: node, "gpu \(gpu)")
      scheduleRetry(&engine)
    case .nodeFailure(let node):
      failNode(node, &engine)
    case .nodeRepair(let node):
      repairNode(node, &engine)
    case .gpuFailure:
      failRandomGPU(&engine)
    case .gpuRepair(let node, let gpu):
      scheduler.state.repairGPU(gpu, ofNode: node)
      note(.gpuRepair, node: node, "gpu \(gpu)")
      scheduleRetry(&engine)
    case .upgradeBatch(let first):
      startUpgrade(batchFrom: first, &engine)
    case .upgradeDone(let first):
      finishUpgrade(batchFrom: first, &engine)
    case .sample:
      accrueAllocation()
      timeline.append(
        TimelineSample(
          time: now, allocatedGPUs: allocatedGPUs, running: runningCount,
          waiting: queue.count))
    }
  }

  /// Schedules one retry pass at the current second, after the second's
  /// completions and repairs and before its arrivals.
  mutating func scheduleRetry(_ engine: inout SimulationEngine<ClusterEvent>)
  {
    guard !retryScheduled, !queue.isEmpty else { return }
    retryScheduled = true
    engine.schedule(.retry, at: Int64(now), class: .retry)
  }

  /// Offers waiting jobs, best first, until each request class has failed
  /// once in the pass.
  mutating func retryWaitingJobs(
    _ engine: inout SimulationEngine<ClusterEvent>
  ) {
    var pass = queue.makeRetryPass(order: input.queueOrder)
    while true {
      let ledger = self.ledger
      guard
        let pod = queue.nextCandidate(
          in: &pass, share: { ledger.dominantSharePerMille(of: $0) })
      else { break }
      if tryStart(pod.id, &engine) {
        _ = queue.remove(pod.id)
        slots[runtime[pod.id].slot].waiting -= 1
      } else {
        pass.skip(pod)
      }
    }
  }

  /// Records every broken invariant of the state, the ledger and the
  /// job bookkeeping (see `SimulationInput.checksInvariants`).
  mutating func checkInvariants() {
    var found = scheduler.state.checkInvariants()
    found += ledger.invariantViolations()
    var running = 0
    for job in jobs.indices {
      let rt = runtime[job]
      if rt.isRunning {
        running += 1
        for pod in rt.firstPod..<(rt.firstPod + jobs[job].pods)
        where scheduler.state.binding(of: pod) == nil {
          found.append("running job \(jobs[job].name) has pod \(pod) unbound")
        }
      }
      if rt.isRunning && rt.isQueued {
        found.append("job \(jobs[job].name) is both running and queued")
      }
    }
    if running != runningCount {
      found.append("\(running) jobs run, the count says \(runningCount)")
    }
    let queued = runtime.filter(\.isQueued).count
    if queued != queue.count {
      found.append("\(queued) jobs queued, the queue holds \(queue.count)")
    }
    if violations.count < 100 {
      violations += found.map { "at \(now) s: \($0)" }
    }
  }

  // MARK: - Allocation accounting

  /// Adds the allocation since the last change to the integral.
  mutating func accrueAllocation() {
    allocatedGPUSeconds += allocatedGPUs * Double(now - lastAllocationChange)
    lastAllocationChange = now
  }

  mutating func note(
    _ kind: SimulationEvent.Kind, job: Int? = nil, node: Int? = nil,
    _ detail: @autoclosure () -> String = ""
  ) {
    guard input.recordsEvents else { return }
    events.append(
      SimulationEvent(
        time: now, kind: kind, job: job, node: node, detail: detail()))
  }
}

// MARK: - Per-job and per-request bookkeeping

/// What the simulator keeps about a job besides its record.
struct JobRuntime: Sendable {
  /// The request slot.
  var slot: Int
  /// The first pod id; the job's pods are `firstPod ..< firstPod + pods`.
  var firstPod: Int
  /// Bumped at every start and eviction, so a stale completion is
  /// ignored.
  var epoch = 0
  var isRunning = false
  var isQueued = false
  /// When it last entered the queue.
  var queuedSince = 0
  /// When its current run began borrowing, if it borrows.
  var borrowingSince: Int?
  /// Whether a reconfiguration for it is under way.
  var awaitsReconfiguration = false
  /// Index of its first open interval, when intervals are recorded.
  var openIntervals = -1
}

/// What identifies a request: who asks, with which template, with which
/// per-job replacements.
struct RequestSlotKey: Hashable, Sendable {
  var tenant: Int
  var template: Int
  var requests: ResourceRequests?
  var placement: NodePlacement?
}

/// A request shared by the jobs of one (tenant, template, replacements).
struct RequestSlot: Sendable {
  var request: PodRequest
  var requests: ResourceRequests
  var pods: Int
  var charge: QuotaCharge
  /// GPU equivalents one pod holds (docs/simulator.md).
  var gpuShare: Double
  /// Why no job of this slot can ever run, or `nil`.
  var rejection: String?
  /// Jobs of the slot waiting in the queue.
  var waiting = 0
  /// Why the slot's last attempt failed.
  var lastCause: RefusalCause?
  /// `lastCause` as text.
  var lastRefusal: String?
}

/// Why an attempt to start a job failed.
enum RefusalCause: Hashable, Sendable, CustomStringConvertible {
  /// The quota ledger refused the charge.
  case quota(QuotaRefusal?)
  /// No node fits the request.
  case placement(PlacementRefusal.Reason)

  var description: String {
    switch self {
    case .quota(let refusal): refusal.map { "quota:\($0)" } ?? "quota"
    case .placement(let reason): "placement:\(reason)"
    }
  }
}
