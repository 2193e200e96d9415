import ClusterModel

/// Waits, completion times, slowdowns and SLO attainment of one group of
/// jobs (all, one tenant's, or one kind's).
public struct WaitingGroup: Hashable, Sendable {
  /// Wait until first start, seconds, over jobs that started.
  public var wait: Percentiles?
  /// Completion time (end − arrival), seconds, over finished jobs.
  public var completion: Percentiles?
  /// Bounded slowdown (end − arrival) / max(end − start, 10 s), over
  /// finished jobs.
  public var slowdown: Percentiles?
  /// Jobs that met their kind's wait target.
  public var sloMet: Int
  /// Jobs that missed it (waited longer, were rejected, or still wait
  /// beyond it at the horizon).
  public var sloMissed: Int

  /// sloMet / (sloMet + sloMissed), or `nil` when no job was decided.
  public var sloAttainment: Double? {
    sloMet + sloMissed > 0
      ? Double(sloMet) / Double(sloMet + sloMissed) : nil
  }
}

/// Queueing outcomes of a run (docs/metrics.md, Waiting and completion).
public struct WaitingMetrics: Hashable, Sendable {
  /// Every job.
  public var overall: WaitingGroup
  /// One group per tenant, in tenant order.
  public var byTenant: [WaitingGroup]
  /// One group per workload kind that occurs.
  public var byKind: [WorkloadKind: WaitingGroup]
  /// Rejected jobs by reason.
  public var rejectionsByReason: [String: Int]

  /// The floor of the slowdown's denominator, seconds, so that very
  /// short jobs do not dominate.
  public static let slowdownFloorSeconds = 10
}

extension RunObservation {
  /// Wait and completion percentiles, slowdown, SLO attainment and
  /// rejections, overall, per tenant and per kind.
  ///
  /// - Complexity: O(*j* log *j*) for *j* jobs.
  public func waiting() -> WaitingMetrics {
    var overall = GroupSamples()
    var tenants = Array(repeating: GroupSamples(), count: tenants.count)
    var kinds: [WorkloadKind: GroupSamples] = [:]
    var rejections: [String: Int] = [:]
    for job in jobs {
      if case .rejected(let reason) = job.outcome {
        rejections[reason, default: 0] += 1
      }
      let sample = JobSample(job, horizon: horizonSeconds,
        target: waitTargetSeconds[job.kind])
      overall.add(sample)
      if tenants.indices.contains(job.tenant) { tenants[job.tenant].add(sample) }
      kinds[job.kind, default: GroupSamples()].add(sample)
    }
    return WaitingMetrics(
      overall: overall.group, byTenant: tenants.map(\.group),
      byKind: kinds.mapValues(\.group), rejectionsByReason: rejections)
  }
}

/// What one job contributes to a group.
private struct JobSample {
  var wait: Double?
  var completion: Double?
  var slowdown: Double?
  /// true met, false missed, nil undecided or no target.
  var slo: Bool?

  init(_ job: JobRecord, horizon: Int, target: Int?) {
    if let start = job.startSeconds {
      wait = Double(start - job.arrivalSeconds)
    }
    if case .finished = job.outcome, let start = job.startSeconds,
      let end = job.endSeconds
    {
      completion = Double(end - job.arrivalSeconds)
      slowdown = Double(end - job.arrivalSeconds)
        / Double(max(end - start, WaitingMetrics.slowdownFloorSeconds))
    }
    guard let target else { return }
    if case .rejected = job.outcome {
      slo = false
    } else if let start = job.startSeconds {
      slo = start - job.arrivalSeconds <= target
    } else if horizon - job.arrivalSeconds > target {
      slo = false
    }
  }
}

/// The samples of one group, before percentiles.
private struct GroupSamples {
  var waits: [Double] = []
  var completions: [Double] = []
  var slowdowns: [Double] = []
  var met = 0
  var missed = 0

  mutating func add(_ sample: JobSample) {
    if let wait = sample.wait { waits.append(wait) }
    if let completion = sample.completion { completions.append(completion) }
    if let slowdown = sample.slowdown { slowdowns.append(slowdown) }
    switch sample.slo {
    case true?: met += 1
    case false?: missed += 1
    case nil: break
    }
  }

  var group: WaitingGroup {
    WaitingGroup(
      wait: Percentiles(waits), completion: Percentiles(completions),
      slowdown: Percentiles(slowdowns), sloMet: met, sloMissed: missed)
  }
}
