extension RunObservation {
  /// The expected reach of one compromised pod.
  ///
  /// Compromises of a running job arrive at its kind's rate, uniformly
  /// over each of its running periods; one that starts at t reaches other
  /// tenants until t + D (D the mean detection delay) or the period's end.
  /// With the `isolate` response only network reach stops at detection;
  /// co-location lasts to the period's end.
  ///
  /// - Parameters:
  ///   - scenario: Compromise rates, detection delay and response.
  ///   - scores: Exposure scores per level; defaults by default.
  /// - Complexity: O(*j* × (*r* log *r*) × *n*) for *j* jobs, *r*
  ///   allocations and tenant activity changes near one job, and *n*
  ///   tenants.
  public func securityExposure(
    _ scenario: SecurityScenario, scores: ExposureScores = ExposureScores()
  ) -> SecurityExposureMetrics {
    let context = ExposureContext(self)
    let n = tenants.count
    var pairs = Array(repeating: Array(repeating: 0.0, count: n), count: n)
    var byLevel: [ExposureLevel: Double] = [:]
    var weighted = 0.0
    var incidents = Array(repeating: 0.0, count: n)

    for (job, record) in jobs.enumerated()
    where record.tenant >= 0 && record.tenant < n {
      let rate = (scenario.compromisesPerHour[record.kind] ?? 0) / 3600
      guard rate > 0, let own = context.allocationsOfJob[job] else {
        continue
      }
      for period in context.periods(of: own) {
        incidents[record.tenant] += rate * Double(period.count)
        context.expose(
          source: record.tenant, own: own, period: period,
          scenario: scenario, scores: scores
        ) { target, level, kernel in
          let amount = rate * kernel
          pairs[record.tenant][target] += amount
          byLevel[level, default: 0] += amount
          // FIXME: the NVLink bonus of a shared node is left out here,
          // which understates the weighted exposure by 0.05 per second.
          weighted += amount * scores.score(of: level, hasNVLink: false)
        }
      }
    }

    let total = incidents.reduce(0, +)
    for source in 0..<n {
      let count = incidents[source]
      pairs[source] = pairs[source].map { count > 0 ? $0 / count : 0 }
    }
    let perIncident = byLevel.mapValues { total > 0 ? $0 / total : 0 }
    return SecurityExposureMetrics(
      expectedIncidents: total,
      // Summed in level order: a dictionary's order changes between
      // processes, and floating-point sums with it.
      exposedTenantSecondsPerIncident: perIncident.sorted { $0.key < $1.key }
        .reduce(0) { $0 + $1.value },
      perIncidentByLevel: perIncident,
      scoreWeightedPerIncident: total > 0 ? weighted / total : 0,
      pairs: pairs, admissionRefusals: admissionRefusals)
  }
}

extension ExposureScores {
  /// The score of an exposure level; `node` without the NVLink bonus
  /// unless `hasNVLink`.
  ///
  /// - Parameters:
  ///   - level: The level.
  ///   - hasNVLink: Whether the shared node has NVLink.
  public func score(of level: ExposureLevel, hasNVLink: Bool) -> Double {
    switch level {
    case .network: network
    case .sameNVLinkDomain: nvlinkDomain
    case .sameNode: node + (hasNVLink ? nvlinkBonus : 0)
    case .sameGPU(let mode): score(mode)
    }
  }
}

/// Indexes of an observation that the exposure sweep needs.
private struct ExposureContext {
  let observation: RunObservation
  /// Allocations per job with a non-empty clipped range.
  var allocationsOfJob: [Int: [Int]] = [:]
  /// Allocations per node.
  var allocationsOfNode: [[Int]]
  /// Nodes per NVLink domain id.
  var nodesOfDomain: [Int: [Int]] = [:]
  /// Each tenant's active time as disjoint ascending ranges.
  var tenantActivity: [[Range<Int>]]
  /// Per allocation: its clipped time, tenant, node and GPU, copied out
  /// once so that the sweep does not touch the records.
  var ranges: [Range<Int>] = []
  var tenantOf: [Int] = []
  var nodeOf: [Int] = []
  var gpuOf: [Int?] = []

  init(_ observation: RunObservation) {
    self.observation = observation
    allocationsOfNode = Array(repeating: [], count: observation.nodes.count)
    var perTenant = Array(
      repeating: [Range<Int>](), count: observation.tenants.count)
    for (index, allocation) in observation.allocations.enumerated() {
      let range = observation.clipped(allocation)
      ranges.append(range)
      tenantOf.append(observation.tenant(ofAllocation: index))
      nodeOf.append(allocation.node)
      gpuOf.append(allocation.gpu)
      guard !range.isEmpty else { continue }
      allocationsOfJob[allocation.job, default: []].append(index)
      allocationsOfNode[allocation.node].append(index)
      let tenant = observation.tenant(ofAllocation: index)
      if perTenant.indices.contains(tenant) { perTenant[tenant].append(range) }
    }
    for (node, facts) in observation.nodes.enumerated() {
      if let domain = facts.nvlinkDomain {
        nodesOfDomain[domain, default: []].append(node)
      }
    }
    tenantActivity = perTenant.map(ExposureContext.union)
    for node in allocationsOfNode.indices {
      allocationsOfNode[node].sort {
        ranges[$0].lowerBound < ranges[$1].lowerBound
      }
    }
  }

  /// Disjoint ascending ranges covering `ranges`.
  static func union(_ ranges: [Range<Int>]) -> [Range<Int>] {
    var merged: [Range<Int>] = []
    for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
      if let last = merged.last, range.lowerBound <= last.upperBound {
        merged[merged.count - 1] =
          last.lowerBound..<max(last.upperBound, range.upperBound)
      } else {
        merged.append(range)
      }
    }
    return merged
  }

  /// The running periods of a job: the union of its allocations' times.
  func periods(of own: [Int]) -> [Range<Int>] {
    ExposureContext.union(own.map { ranges[$0] })
  }

  /// Calls `report(target, level, kernel)` for every stretch of `period`
  /// in which tenant `target` is reachable at `level` from the job whose
  /// allocations are `own`, with kernel = ∫ K(s) ds over the stretch.
  func expose(
    source: Int, own: [Int], period: Range<Int>,
    scenario: SecurityScenario, scores: ExposureScores,
    report: (Int, ExposureLevel, Double) -> Void
  ) {
    let n = observation.tenants.count
    let ownNodes = Set(own.map { nodeOf[$0] })
    var neighbourNodes = ownNodes
    for node in ownNodes {
      if let domain = observation.nodes[node].nvlinkDomain {
        neighbourNodes.formUnion(nodesOfDomain[domain] ?? [])
      }
    }
    var others: [Int] = []
    for node in neighbourNodes.sorted() {
      // Sorted by start: stop at the first that starts after the period.
      for index in allocationsOfNode[node] {
        if ranges[index].lowerBound >= period.upperBound { break }
        if tenantOf[index] != source, ranges[index].overlaps(period) {
          others.append(index)
        }
      }
    }

    var cuts: Set<Int> = [period.lowerBound, period.upperBound]
    for index in own + others {
      let range = ranges[index]
      for time in [range.lowerBound, range.upperBound]
      where period.contains(time) { cuts.insert(time) }
    }
    for target in 0..<n where target != source {
      for range in tenantActivity[target] where range.overlaps(period) {
        for time in [range.lowerBound, range.upperBound]
        where period.contains(time) { cuts.insert(time) }
      }
    }
    let times = cuts.sorted()
    // FIXME: each stretch rescans every overlapping neighbour, quadratic in
    // the neighbours of one period; a sweep with per-tenant counts would
    // cut the 4 s measured for 50,000 jobs on 1,600 GPUs to well under 1 s.

    for (start, end) in zip(times, times.dropFirst()) {
      func active(_ index: Int) -> Bool { ranges[index].contains(start) }
      let ownNow = own.filter(active)
      var levels = Array(repeating: ExposureLevel?.none, count: n)
      for other in others where active(other) {
        let target = tenantOf[other]
        guard levels.indices.contains(target) else { continue }
        let level = level(of: other, from: ownNow)
        if let level, level > (levels[target] ?? .network) || levels[target]
          == nil
        {
          levels[target] = level
        }
      }
      for target in 0..<n where target != source && levels[target] == nil {
        let reachable = observation.reachability.allows[source][target]
        if reachable,
          tenantActivity[target].contains(where: { $0.contains(start) })
        {
          levels[target] = .network
        }
      }
      for (target, level) in levels.enumerated() {
        guard let level else { continue }
        let lasting = scenario.response == .isolate && level != .network
        let kernel = ExposureContext.kernel(
          from: Double(start - period.lowerBound),
          to: Double(end - period.lowerBound),
          delay: lasting ? .infinity : scenario.detectionDelaySeconds)
        report(target, level, kernel)
      }
    }
  }

  /// The innermost level at which allocation `other` meets any of `own`.
  private func level(of other: Int, from own: [Int]) -> ExposureLevel? {
    var best: ExposureLevel?
    for index in own {
      var level: ExposureLevel?
      if nodeOf[index] == nodeOf[other] {
        if let gpu = gpuOf[index], gpu == gpuOf[other] {
          level = .sameGPU(GPUSharingMode(
            observation.allocations[index].hold,
            observation.allocations[other].hold))
        } else {
          level = .sameNode
        }
      } else if let domain = observation.nodes[nodeOf[index]].nvlinkDomain,
        observation.nodes[nodeOf[other]].nvlinkDomain == domain
      {
        level = .sameNVLinkDomain
      }
      if let level, best.map({ level > $0 }) ?? true { best = level }
    }
    return best
  }

  /// ∫ from u0 to u1 of min(delay, u) du: how much incident-start time
  /// covers the stretch, for incidents uniform from the period's start.
  static func kernel(from u0: Double, to u1: Double, delay: Double)
    -> Double
  {
    if u1 <= delay { return (u1 * u1 - u0 * u0) / 2 }
    if u0 >= delay { return delay * (u1 - u0) }
    return (delay * delay - u0 * u0) / 2 + delay * (u1 - delay)
  }
}
