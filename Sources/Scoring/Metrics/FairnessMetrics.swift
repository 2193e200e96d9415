/// How evenly tenants got capacity relative to their quotas
/// (docs/metrics.md, Fairness).
public struct FairnessMetrics: Hashable, Sendable {
  /// Each tenant's dominant share averaged over the run: the mean over
  /// time of its largest share of any capacity (GPU-equivalents, compute
  /// slices, memory slices, GPU memory).
  public var dominantShare: [Double]
  /// The average dominant share over the tenant's quota share
  /// (`nominalGPUs / capacity.gpus`); `nil` for tenants without quota.
  public var normalisedShare: [Double?]
  /// Jain's index over the normalised shares of tenants with quota, or
  /// `nil` when no tenant has one.
  public var jainIndex: Double?
  /// Seconds each tenant's jobs ran on borrowed capacity.
  public var borrowingSeconds: [Int]
  /// Preemptions each tenant's jobs suffered.
  public var preemptions: [Int]
}

extension RunObservation {
  /// Dominant shares, Jain's index, borrowing and preemptions per tenant.
  ///
  /// - Complexity: O(*a* log *a* + *j*) for *a* allocations and *j* jobs.
  public func fairness() -> FairnessMetrics {
    let count = tenants.count
    let capacities = [
      Double(capacity.gpus), Double(capacity.computeSlices),
      Double(capacity.memorySlices), Double(capacity.gpuMemoryMiB),
    ]
    var held = Array(repeating: [0.0, 0, 0, 0], count: count)
    var shares = Array(repeating: StepIntegral(), count: count)
    for event in sweepEvents() {
      let allocation = allocations[event.allocation]
      let tenant = jobs[allocation.job].tenant
      guard let gpu = gpu(ofAllocation: event.allocation),
        held.indices.contains(tenant)
      else { continue }
      let sign = event.isStart ? 1.0 : -1.0
      let amounts = [
        allocation.hold.gpuShare(of: gpu),
        allocation.hold.computeSlices(of: gpu),
        allocation.hold.memorySlices(of: gpu),
        Double(allocation.gpuMemoryMiB),
      ]
      for resource in amounts.indices {
        held[tenant][resource] += sign * amounts[resource]
      }
      let dominant = capacities.indices.reduce(0.0) { best, resource in
        capacities[resource] > 0
          ? max(best, held[tenant][resource] / capacities[resource]) : best
      }
      shares[tenant].set(dominant, at: event.time)
    }

    let horizon = Double(horizonSeconds)
    let dominant = shares.map { $0.area(upTo: horizonSeconds) / horizon }
    let normalised: [Double?] = tenants.indices.map { tenant in
      let quota = tenants[tenant].nominalGPUs / Double(max(capacity.gpus, 1))
      return quota > 0 ? dominant[tenant] / quota : nil
    }
    var borrowing = Array(repeating: 0, count: count)
    var preemptions = Array(repeating: 0, count: count)
    for job in jobs where borrowing.indices.contains(job.tenant) {
      borrowing[job.tenant] += job.borrowingSeconds
      preemptions[job.tenant] += job.preemptions
    }
    return FairnessMetrics(
      dominantShare: dominant, normalisedShare: normalised,
      jainIndex: Scoring.jainIndex(normalised.compactMap { $0 }),
      borrowingSeconds: borrowing, preemptions: preemptions)
  }
}
