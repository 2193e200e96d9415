import ClusterModel

/// The headline figures of one run, as `migsim simulate` prints them.
/// Every figure is defined in docs/simulator.md.
public struct SimulationSummary: Hashable, Sendable {
  /// Waiting and completion of one tenant's jobs.
  public struct TenantLine: Hashable, Sendable {
    /// The tenant's name.
    public var tenant: String
    /// Jobs submitted.
    public var arrived: Int
    /// Jobs that ran to completion.
    public var finished: Int
    /// Jobs running at the horizon.
    public var running: Int
    /// Jobs queued at the horizon.
    public var waiting: Int
    /// Jobs refused for good.
    public var rejected: Int
    /// Wait percentiles of the jobs that started, seconds (nearest rank);
    /// `nil` when none started.
    public var waitP50: Int?
    /// See `waitP50`.
    public var waitP95: Int?
    /// The longest wait of a started job, seconds.
    public var waitMax: Int?
    /// Mean wait of the jobs that started, seconds.
    public var waitMean: Double?
    /// Evictions by preemption and reclaim suffered.
    public var preemptions: Int
  }

  /// Jobs submitted.
  public var arrived: Int
  /// Jobs that ran to completion.
  public var finished: Int
  /// Jobs running at the horizon.
  public var running: Int
  /// Jobs queued at the horizon.
  public var waiting: Int
  /// Jobs refused for good.
  public var rejected: Int
  /// Rejections per reason key, most frequent first, ties by key.
  public var rejectedByReason: [(reason: String, count: Int)]
  /// GPUs in the cluster.
  public var gpuCount: Int
  /// Time-weighted allocated GPU equivalents over GPUs × horizon, percent.
  public var gpuAllocationPercent: Double
  /// The most GPU equivalents allocated at a timeline sample.
  public var peakAllocatedGPUs: Double
  /// Per tenant, in scenario order.
  public var tenants: [TenantLine]
  /// The run's counters.
  public var counters: SimulationCounters
  /// The horizon, seconds.
  public var horizonSeconds: Int

  public static func == (a: Self, b: Self) -> Bool {
    a.arrived == b.arrived && a.finished == b.finished
      && a.running == b.running && a.waiting == b.waiting
      && a.rejected == b.rejected
      && a.rejectedByReason.map(\.reason) == b.rejectedByReason.map(\.reason)
      && a.rejectedByReason.map(\.count) == b.rejectedByReason.map(\.count)
      && a.gpuCount == b.gpuCount
      && a.gpuAllocationPercent == b.gpuAllocationPercent
      && a.peakAllocatedGPUs == b.peakAllocatedGPUs && a.tenants == b.tenants
      && a.counters == b.counters && a.horizonSeconds == b.horizonSeconds
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(arrived)
    hasher.combine(finished)
    hasher.combine(gpuAllocationPercent)
    hasher.combine(tenants)
  }

  /// Summarises a run.
  ///
  /// - Parameter record: The run.
  /// - Complexity: O(jobs log jobs).
  public init(_ record: SimulationRecord) {
    let jobs = record.jobs
    arrived = jobs.count
    var finished = 0
    var running = 0
    var waiting = 0
    var rejected = 0
    var reasons: [String: Int] = [:]
    var lines = record.cluster.tenants.map {
      TenantLine(
        tenant: $0.name, arrived: 0, finished: 0, running: 0, waiting: 0,
        rejected: 0, preemptions: 0)
    }
    var waits = Array(repeating: [Int](), count: lines.count)
    for job in jobs {
      lines[job.tenant].arrived += 1
      lines[job.tenant].preemptions += job.preemptions
      switch job.outcome {
      case .finished:
        finished += 1
        lines[job.tenant].finished += 1
      case .running:
        running += 1
        lines[job.tenant].running += 1
      case .waiting:
        waiting += 1
        lines[job.tenant].waiting += 1
      case .rejected(let reason):
        rejected += 1
        lines[job.tenant].rejected += 1
        reasons[reason, default: 0] += 1
      }
      if job.firstStartSeconds != nil { waits[job.tenant].append(job.waitSeconds) }
    }
    for t in lines.indices where !waits[t].isEmpty {
      let sorted = waits[t].sorted()
      lines[t].waitP50 = Self.nearestRank(sorted, 0.50)
      lines[t].waitP95 = Self.nearestRank(sorted, 0.95)
      lines[t].waitMax = sorted.last
      lines[t].waitMean =
        Double(sorted.reduce(0, +)) / Double(sorted.count)
    }
    self.finished = finished
    self.running = running
    self.waiting = waiting
    self.rejected = rejected
    rejectedByReason = reasons.map { ($0.key, $0.value) }.sorted {
      ($1.count, $0.reason) < ($0.count, $1.reason)
    }
    gpuCount = record.cluster.gpuCount
    horizonSeconds = record.horizonSeconds
    let capacity = Double(gpuCount) * Double(record.horizonSeconds)
    gpuAllocationPercent =
      capacity > 0 ? 100 * record.allocatedGPUSeconds / capacity : 0
    peakAllocatedGPUs = record.timeline.map(\.allocatedGPUs).max() ?? 0
    tenants = lines
    counters = record.counters
  }

  /// The nearest-rank percentile of sorted values: the ⌈q·n⌉-th smallest
  /// (the smallest for q·n ≤ 1).
  ///
  /// - Precondition: `sorted` is not empty and ascending; 0 < q ≤ 1.
  public static func nearestRank(_ sorted: [Int], _ q: Double) -> Int {
    precondition(!sorted.isEmpty && q > 0 && q <= 1)
    let rank = Int((q * Double(sorted.count)).rounded(.up))
    return sorted[min(max(rank, 1), sorted.count) - 1]
  }
}
