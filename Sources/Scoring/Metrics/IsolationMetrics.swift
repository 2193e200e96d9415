/// What two tenants shared over a run.
public struct TenantPairSharing: Hashable, Sendable {
  /// Seconds they held the same GPU at once, by sharing mode.
  public var sharedGPUSeconds: [GPUSharingMode: Int] = [:]
  /// Seconds they held a place on the same node at once (one kernel).
  public var sharedNodeSeconds: Int = 0
  /// Seconds they ran on different nodes of one NVLink domain at once.
  public var sharedNVLinkDomainSeconds: Int = 0
  /// Whether network policy lets either connect to the other.
  public var networkReachable: Bool = false
  /// ∫ score of the innermost shared level dt, score × seconds.
  public var exposureScoreSeconds: Double = 0

  /// Seconds on one GPU, over every mode.
  public var sharedAnyGPUSeconds: Int {
    sharedGPUSeconds.values.reduce(0, +)
  }
}

/// Who shared what with whom (docs/metrics.md, Isolation).
public struct IsolationMetrics: Hashable, Sendable {
  /// `pairs[a][b]` for a ≠ b, symmetric; the diagonal stays empty.
  public var pairs: [[TenantPairSharing]]
  /// Seconds each tenant held at least one allocation.
  public var activeSeconds: [Int]
  /// ∫ max over other tenants of the pair's exposure score dt, per tenant.
  public var exposedScoreSeconds: [Double]
  /// 1 − Σ exposedScoreSeconds / Σ activeSeconds, in [0, 1]; 1 when no
  /// tenant ever ran.
  public var isolationScore: Double

  /// Each pair's exposure per second of the run, for a heat map:
  /// `exposureScoreSeconds / horizonSeconds`, in [0, 1]; the diagonal
  /// is 0.
  ///
  /// - Parameter horizonSeconds: The run's length, seconds.
  /// - Complexity: O(*n*²).
  public func exposureMatrix(horizonSeconds: Int) -> [[Double]] {
    pairs.map { row in
      row.map { $0.exposureScoreSeconds / Double(max(horizonSeconds, 1)) }
    }
  }
}

extension RunObservation {
  /// Pairwise sharing of GPUs, nodes, NVLink domains and network, and the
  /// isolation score, under `scores`.
  ///
  /// - Parameter scores: Exposure scores per level; defaults by default.
  /// - Complexity: O(*a* log *a* + *e* × (*k* + *n*)) for *a* allocations,
  ///   *e* events, *k* allocations per GPU and *n* tenants.
  public func isolation(scores: ExposureScores = ExposureScores())
    -> IsolationMetrics
  {
    var sweep = IsolationSweep(self, scores: scores)
    for event in sweepEvents() { sweep.apply(event) }
    return sweep.result()
  }
}

/// The incremental state of the isolation sweep.
private struct IsolationSweep {
  let observation: RunObservation
  let scores: ExposureScores
  let n: Int
  let gpuOffsets: [Int]
  let domainOf: [Int?]
  var gpuActive: [[Int]]
  var nodeTenants: [[Int]]
  var domainTenants: [[Int]]
  var tenantAllocations: [Int]
  /// [a][b][mode]: active allocation pairs on one GPU.
  var gpuPairs: [[[Int]]]
  /// [a][b]: nodes (domains) where both are present.
  var nodePairs: [[Int]]
  var domainPairs: [[Int]]
  var nvlinkNodePairs: [[Int]]
  var gpuSeconds: [[[StepIntegral]]]
  var nodeSeconds: [[StepIntegral]]
  var domainSeconds: [[StepIntegral]]
  var pairScore: [[StepIntegral]]
  var tenantActive: [StepIntegral]
  var tenantExposure: [StepIntegral]
  var time = 0

  init(_ observation: RunObservation, scores: ExposureScores) {
    self.observation = observation
    self.scores = scores
    n = observation.tenants.count
    gpuOffsets = observation.nodes.reduce(into: [0]) {
      $0.append($0.last! + $1.gpus.count)
    }
    var domains: [Int: Int] = [:]
    domainOf = observation.nodes.map { node in
      node.nvlinkDomain.map { id in
        if let known = domains[id] { return known }
        domains[id] = domains.count
        return domains.count - 1
      }
    }
    let modes = GPUSharingMode.allCases.count
    gpuActive = Array(repeating: [], count: gpuOffsets.last!)
    nodeTenants = Array(
      repeating: Array(repeating: 0, count: n), count: observation.nodes.count)
    domainTenants = Array(
      repeating: Array(repeating: 0, count: n), count: domains.count)
    tenantAllocations = Array(repeating: 0, count: n)
    let square = Array(repeating: Array(repeating: 0, count: n), count: n)
    gpuPairs = Array(
      repeating: Array(repeating: Array(repeating: 0, count: modes), count: n),
      count: n)
    nodePairs = square
    domainPairs = square
    nvlinkNodePairs = square
    let integrals = Array(
      repeating: Array(repeating: StepIntegral(), count: n), count: n)
    gpuSeconds = Array(
      repeating: Array(
        repeating: Array(repeating: StepIntegral(), count: modes), count: n),
      count: n)
    nodeSeconds = integrals
    domainSeconds = integrals
    pairScore = integrals
    tenantActive = Array(repeating: StepIntegral(), count: n)
    tenantExposure = Array(repeating: StepIntegral(), count: n)
  }

  mutating func apply(_ event: AllocationEvent) {
    time = event.time
    let index = event.allocation
    let allocation = observation.allocations[index]
    let tenant = observation.tenant(ofAllocation: index)
    guard tenant >= 0 && tenant < n else { return }
    let sign = event.isStart ? 1 : -1
    var touched: Set<Int> = []

    if let gpu = allocation.gpu {
      let slot = gpuOffsets[allocation.node] + gpu
      if !event.isStart { gpuActive[slot].removeAll { $0 == index } }
      for other in gpuActive[slot] {
        let peer = observation.tenant(ofAllocation: other)
        guard peer != tenant, peer >= 0, peer < n else { continue }
        let mode = GPUSharingMode(
          allocation.hold, observation.allocations[other].hold)
        let m = GPUSharingMode.allCases.firstIndex(of: mode)!
        gpuPairs[tenant][peer][m] += sign
        gpuPairs[peer][tenant][m] += sign
        touched.insert(peer)
      }
      if event.isStart { gpuActive[slot].append(index) }
    }

    let node = allocation.node
    let hasNVLink = observation.nodes[node].hasNVLink
    if transition(&nodeTenants[node][tenant], by: sign) {
      for peer in 0..<n where peer != tenant && nodeTenants[node][peer] > 0 {
        nodePairs[tenant][peer] += sign
        nodePairs[peer][tenant] += sign
        if hasNVLink {
          nvlinkNodePairs[tenant][peer] += sign
          nvlinkNodePairs[peer][tenant] += sign
        }
        touched.insert(peer)
      }
    }
    if let domain = domainOf[node],
      transition(&domainTenants[domain][tenant], by: sign)
    {
      for peer in 0..<n where peer != tenant && domainTenants[domain][peer] > 0
      {
        domainPairs[tenant][peer] += sign
        domainPairs[peer][tenant] += sign
        touched.insert(peer)
      }
    }
    if transition(&tenantAllocations[tenant], by: sign) {
      tenantActive[tenant].set(
        tenantAllocations[tenant] > 0 ? 1 : 0, at: time)
      for peer in 0..<n where peer != tenant { touched.insert(peer) }
    }

    for peer in touched.sorted() { refreshPair(tenant, peer) }
    if !touched.isEmpty {
      refreshTenant(tenant)
      for peer in touched.sorted() { refreshTenant(peer) }
    }
  }

  /// Moves a count by `sign`; true when it crossed between 0 and 1.
  private func transition(_ count: inout Int, by sign: Int) -> Bool {
    count += sign
    return sign > 0 ? count == 1 : count == 0
  }

  private mutating func refreshPair(_ a: Int, _ b: Int) {
    var score = 0.0
    for (m, mode) in GPUSharingMode.allCases.enumerated() {
      let shared = gpuPairs[a][b][m] > 0
      gpuSeconds[a][b][m].set(shared ? 1 : 0, at: time)
      gpuSeconds[b][a][m].set(shared ? 1 : 0, at: time)
      if shared { score = max(score, scores.score(mode)) }
    }
    let onNode = nodePairs[a][b] > 0
    nodeSeconds[a][b].set(onNode ? 1 : 0, at: time)
    nodeSeconds[b][a].set(onNode ? 1 : 0, at: time)
    if onNode {
      let bonus = nvlinkNodePairs[a][b] > 0 ? scores.nvlinkBonus : 0
      score = max(score, scores.node + bonus)
    }
    let inDomain = domainPairs[a][b] > 0 && !onNode
    domainSeconds[a][b].set(inDomain ? 1 : 0, at: time)
    domainSeconds[b][a].set(inDomain ? 1 : 0, at: time)
    if inDomain { score = max(score, scores.nvlinkDomain) }
    if tenantAllocations[a] > 0, tenantAllocations[b] > 0,
      observation.reachability.connects(a, b)
    {
      score = max(score, scores.network)
    }
    pairScore[a][b].set(score, at: time)
    pairScore[b][a].set(score, at: time)
  }

  private mutating func refreshTenant(_ a: Int) {
    let worst = (0..<n).reduce(0.0) {
      $1 == a ? $0 : max($0, pairScore[a][$1].value)
    }
    tenantExposure[a].set(tenantAllocations[a] > 0 ? worst : 0, at: time)
  }

  func result() -> IsolationMetrics {
    let horizon = observation.horizonSeconds
    func seconds(_ integral: StepIntegral) -> Int {
      Int(integral.area(upTo: horizon).rounded())
    }
    var pairs = Array(
      repeating: Array(repeating: TenantPairSharing(), count: n), count: n)
    for a in 0..<n {
      for b in 0..<n where a != b {
        var pair = TenantPairSharing()
        for (m, mode) in GPUSharingMode.allCases.enumerated() {
          let shared = seconds(gpuSeconds[a][b][m])
          if shared > 0 { pair.sharedGPUSeconds[mode] = shared }
        }
        pair.sharedNodeSeconds = seconds(nodeSeconds[a][b])
        pair.sharedNVLinkDomainSeconds = seconds(domainSeconds[a][b])
        pair.networkReachable = observation.reachability.connects(a, b)
        pair.exposureScoreSeconds = pairScore[a][b].area(upTo: horizon)
        pairs[a][b] = pair
      }
    }
    let active = tenantActive.map(seconds)
    let exposed = tenantExposure.map { $0.area(upTo: horizon) }
    let totalActive = Double(active.reduce(0, +))
    let score = totalActive > 0
      ? 1 - exposed.reduce(0, +) / totalActive : 1
    return IsolationMetrics(
      pairs: pairs, activeSeconds: active, exposedScoreSeconds: exposed,
      isolationScore: min(max(score, 0), 1))
  }
}
