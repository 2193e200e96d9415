/// Expected slowdowns from co-located work (docs/metrics.md, Noisy
/// neighbours).
public struct NoisyNeighbourMetrics: Hashable, Sendable {
  /// Per job, the expected runtime multiplier S = S_gpu × S_pcie × S_cpu ×
  /// S_net averaged over each allocation's time, the largest over the
  /// job's allocations; `nil` for jobs that never held anything.
  public var slowdown: [Double?]
  /// Per job, the p99 latency multiplier averaged the same way, for
  /// latency-sensitive jobs; `nil` otherwise.
  public var tailFactor: [Double?]
  /// Percentiles of `slowdown` over jobs that ran.
  public var slowdownPercentiles: Percentiles?
  /// Percentiles of `tailFactor` over latency-sensitive jobs that ran.
  public var tailPercentiles: Percentiles?
}

extension RunObservation {
  /// Each job's expected slowdown under the default contention model.
  ///
  /// A sweep over allocation starts and ends that, at each event,
  /// re-evaluates only the allocations on the event's node.
  ///
  /// - Parameter coefficients: Model coefficients; defaults by default.
  /// - Complexity: O(*a* log *a* + *e* × *k*²) for *a* allocations, *e*
  ///   events and *k* allocations active on one node.
  public func noisyNeighbours(
    coefficients: ContentionCoefficients = ContentionCoefficients()
  ) -> NoisyNeighbourMetrics {
    var nodesOfJob = Array(repeating: Set<Int>(), count: jobs.count)
    for allocation in allocations where jobs.indices.contains(allocation.job)
    {
      nodesOfJob[allocation.job].insert(allocation.node)
    }
    let distributed = nodesOfJob.map { $0.count > 1 }
    var active = Array(repeating: [Int](), count: nodes.count)
    var factor = Array(repeating: StepIntegral(), count: allocations.count)
    var tail = Array(repeating: StepIntegral(), count: allocations.count)

    for event in sweepEvents() {
      let node = allocations[event.allocation].node
      if event.isStart {
        active[node].append(event.allocation)
      } else {
        active[node].removeAll { $0 == event.allocation }
        factor[event.allocation].set(0, at: event.time)
        tail[event.allocation].set(0, at: event.time)
      }
      let terms = contention(
        on: node, active: active[node], distributed: distributed,
        coefficients: coefficients)
      for (index, term) in zip(active[node], terms) {
        factor[index].set(term.slowdown, at: event.time)
        tail[index].set(term.tail, at: event.time)
      }
    }

    var slowdown = Array(repeating: Double?.none, count: jobs.count)
    var tailFactor = Array(repeating: Double?.none, count: jobs.count)
    for (index, allocation) in allocations.enumerated() {
      let seconds = Double(clipped(allocation).count)
      guard seconds > 0, jobs.indices.contains(allocation.job) else {
        continue
      }
      let job = allocation.job
      let mean = factor[index].area(upTo: horizonSeconds) / seconds
      slowdown[job] = max(slowdown[job] ?? 1, mean)
      if jobs[job].interference.latencySensitive {
        let meanTail = tail[index].area(upTo: horizonSeconds) / seconds
        tailFactor[job] = max(tailFactor[job] ?? 1, meanTail)
      }
    }
    return NoisyNeighbourMetrics(
      slowdown: slowdown, tailFactor: tailFactor,
      slowdownPercentiles: Percentiles(slowdown.compactMap { $0 }),
      tailPercentiles: Percentiles(tailFactor.compactMap { $0 }))
  }

  /// The slowdown and tail multiplier of each allocation in `active`, all
  /// on `node`, in the same order.
  func contention(
    on node: Int, active: [Int], distributed: [Bool],
    coefficients: ContentionCoefficients
  ) -> [(slowdown: Double, tail: Double)] {
    let facts = nodes[node]
    let requestedCPU = active.reduce(0) { $0 + allocations[$1].cpuMilli }
    let cpuScale = requestedCPU > facts.cpuMilli && requestedCPU > 0
      ? Double(facts.cpuMilli) / Double(requestedCPU) : 1
    let distributedJobs = Set(
      active.map { allocations[$0].job }.filter { distributed[$0] }
    ).count

    return active.map { index in
      let allocation = allocations[index]
      let profile = jobs[allocation.job].interference
      var slowdown = 1.0
      var tailFactor = 1.0

      if let gpuIndex = allocation.gpu {
        let gpu = facts.gpus[gpuIndex]
        let peers = active.filter {
          $0 != index && allocations[$0].gpu == gpuIndex
            && allocations[$0].job != allocation.job
        }
        let term = gpuTerm(
          of: index, peers: peers, coefficients: coefficients)
        slowdown *= term.slowdown
        tailFactor = term.tail

        let link = gpu.pcieSwitch.map { -1 - $0 } ?? gpuIndex
        let transfer = active.reduce(0.0) { sum, other in
          guard other != index, allocations[other].job != allocation.job,
            let otherGPU = allocations[other].gpu
          else { return sum }
          let otherLink = facts.gpus[otherGPU].pcieSwitch.map { -1 - $0 }
            ?? otherGPU
          guard otherLink == link else { return sum }
          return sum + jobs[allocations[other].job].interference.pcieIntensity
        }
        slowdown *= 1 + coefficients.pcieWeight * profile.pcieIntensity
          * min(1, transfer)

        if profile.cpuClass == .inputHeavy, allocation.cpuMilli > 0 {
          let share = allocation.hold.gpuShare(of: gpu)
          let cpus = Double(allocation.cpuMilli) * cpuScale / 1000
            / max(share, 1e-9)
          slowdown /= coefficients.inputHeavyThroughput(cpusPerGPU: cpus)
        }
      }

      if distributed[allocation.job] {
        let others = Double(max(distributedJobs - 1, 0))
        slowdown *= min(
          coefficients.networkCap,
          1 + coefficients.networkWeight * profile.communicationFraction
            * others)
      }
      return (slowdown, tailFactor)
    }
  }

  /// S_gpu and the tail multiplier of allocation `index` beside `peers`
  /// on its GPU.
  private func gpuTerm(
    of index: Int, peers: [Int], coefficients: ContentionCoefficients
  ) -> (slowdown: Double, tail: Double) {
    guard !peers.isEmpty else { return (1, 1) }
    let own = jobs[allocations[index].job].interference
    func busy(_ group: [Int]) -> Double {
      group.reduce(own.gpuBusyFraction) {
        $0 + jobs[allocations[$1].job].interference.gpuBusyFraction
      }
    }
    func bandwidth(_ group: [Int]) -> Double {
      min(1, group.reduce(0) {
        $0 + jobs[allocations[$1].job].interference.memoryBandwidthIntensity
      })
    }
    func mps(_ group: [Int]) -> Double {
      max(1, busy(group)) * (1 + coefficients.mpsBandwidth * bandwidth(group))
    }

    switch allocations[index].hold {
    case .mig(let hold):
      let sameInstance = peers.filter {
        if case .mig(let other) = allocations[$0].hold {
          return other.gpuInstanceID == hold.gpuInstanceID
        }
        return true
      }
      var slowdown = 1.0
      var tail = 1.0
      if !sameInstance.isEmpty {
        slowdown = mps(sameInstance)
        tail = coefficients.tailMPS
      }
      if sameInstance.count < peers.count {
        slowdown *= 1 + coefficients.migNeighbour
        tail = max(tail, coefficients.tailMIG)
      }
      return (slowdown, tail)
    case .mps:
      return (mps(peers), coefficients.tailMPS)
    case .exclusive, .timeSlice, .fraction:
      return (
        max(1, busy(peers)) * (1 + coefficients.timeSliceOverhead),
        coefficients.tailTimeSlicing
      )
    }
  }
}
