import ClusterModel

/// The request mix a cluster is expected to serve, for the
/// fragmentation-aware strategy: integer weights per MIG profile name and
/// per unit size (whole GPUs, replicas, clients or milli-GPUs).
public struct ExpectedMix: Hashable, Sendable {
  /// Weight per MIG profile name; empty means weight 1 for every profile
  /// of a pool's model.
  public var migProfiles: [String: Int]
  /// Weight per request size in the pool's units; empty means weight 1
  /// for size 1 (and for 100, 250, 500, 1000 milli-GPUs on fractional
  /// pools).
  public var unitSizes: [Int: Int]

  /// Creates a mix.
  public init(migProfiles: [String: Int] = [:], unitSizes: [Int: Int] = [:]) {
    self.migProfiles = migProfiles
    self.unitSizes = unitSizes
  }

  /// The weights over unit sizes for a pool of `kind`.
  func sizes(for kind: PoolKind) -> [(size: Int, weight: Int)] {
    if !unitSizes.isEmpty {
      return unitSizes.keys.sorted().map { ($0, unitSizes[$0] ?? 0) }
    }
    if kind == .fractional {
      return [(100, 1), (250, 1), (500, 1), (1000, 1)]
    }
    return [(1, 1)]
  }
}

/// Per MIG pool: profile weights, the mix value of every free mask, and
/// the sorted distinct placement costs per profile.
struct FragmentationWeights: Hashable, Sendable {
  struct Pool: Hashable, Sendable {
    var weights: [Int]
    /// `value[free]` = Σ_q weight_q × capacity_q(free).
    var value: [Int]
    /// Per profile: every distinct cost, ascending.
    var costs: [[Int]]

    func rank(of cost: Int, profile: Int) -> Int {
      var low = 0
      var high = costs[profile].count
      while low < high {
        let mid = (low + high) / 2
        if costs[profile][mid] < cost { low = mid + 1 } else { high = mid }
      }
      return low
    }
  }
  var pools: [Int: Pool]
}

extension ClusterState {
  /// Turns on the index of nodes by smallest MIG fragmentation cost, with
  /// weights from `mix`.
  ///
  /// - Complexity: O(pools × 256 × profiles × starts + nodes × GPUs ×
  ///   instances).
  public mutating func enableFragmentationIndex(mix: ExpectedMix) {
    var all: [Int: FragmentationWeights.Pool] = [:]
    for (p, pool) in pools.enumerated() {
      guard let masks = pool.masks else { continue }
      let weights = masks.profiles.map {
        mix.migProfiles.isEmpty ? 1 : mix.migProfiles[$0.name] ?? 0
      }
      var value = [Int](repeating: 0, count: 256)
      for free in 0..<256 {
        for q in weights.indices {
          value[free] += weights[q] * Int(masks.capacity[q][free])
        }
      }
      var costs: [[Int]] = []
      for (q, profile) in masks.profiles.enumerated() {
        var seen = Set<Int>()
        for free in 0..<256 where UInt8(free) & ~masks.fullMask == 0 {
          for start in profile.allowedStarts {
            let m = masks.mask(of: q, at: start)
            guard UInt8(free) & m == m else { continue }
            seen.insert(value[free] - value[Int(UInt8(free) & ~m)])
          }
        }
        costs.append(seen.sorted())
      }
      all[p] = .init(weights: weights, value: value, costs: costs)
      pools[p].fragmentationBuckets = costs.map {
        BucketIndex(nodeCount: pool.nodeCount, maximum: max($0.count - 1, 1))
      }
    }
    fragmentation = FragmentationWeights(pools: all)
    for n in nodes.indices where pools[nodes[n].pool].masks != nil {
      refreshIndex(ofNode: n)
    }
  }

  /// How much taking the idle instance at `start` on GPU `gpu` (global)
  /// lowers the GPU's mix value: V(free) − V(free without the instance).
  func fragmentationCost(
    gpu: Int, start: Int, profile: Int, weights: FragmentationWeights.Pool,
    masks: MIGMaskTable
  ) -> Int {
    let free = masks.fullMask & ~gpus[gpu].pinnedMask
    let m = masks.mask(of: profile, at: start)
    return weights.value[Int(free)] - weights.value[Int(free & ~m)]
  }

  /// The smallest cost over the node's idle instances of `profile`.
  func bestFragmentationCost(
    ofNode node: Int, profile: Int, weights: FragmentationWeights.Pool
  ) -> Int? {
    let state = nodes[node]
    guard let masks = pools[state.pool].masks else { return nil }
    var best: Int?
    for g in state.firstGPU..<(state.firstGPU + state.gpuCount)
    where gpuUsable(g) {
      for instance in gpus[g].instances
      where instance.profile == profile && instance.isAvailable {
        let cost = fragmentationCost(
          gpu: g, start: instance.start, profile: profile, weights: weights,
          masks: masks)
        best = min(best ?? cost, cost)
      }
    }
    return best
  }

  /// The MIG fragmentation cost of a device candidate on node `node`, or
  /// 0 outside MIG or without the index.
  public func migFragmentationCost(
    of candidate: DeviceCandidate, request: PodRequest, node: Int
  ) -> Int {
    let state = nodes[node]
    let verdict = verdict(request, pool: state.pool)
    guard let masks = pools[state.pool].masks, verdict.profile >= 0,
      let weights = fragmentation?.pools[state.pool]
    else { return 0 }
    return fragmentationCost(
      gpu: state.firstGPU + candidate.gpu, start: candidate.start,
      profile: verdict.profile, weights: weights, masks: masks)
  }

  /// The fitting node of a MIG pool whose best idle instance has the
  /// smallest fragmentation cost, ties to priority order; `nil` outside
  /// MIG pools or without the index.
  ///
  /// - Complexity: O(distinct costs + nodes / 4096) plus exact checks.
  public func leastFragmentingNode(for request: PodRequest, inPool pool: Int)
    -> Int?
  {
    let verdict = verdict(request, pool: pool)
    guard verdict.refusal == nil, verdict.profile >= 0,
      pools[pool].fragmentationBuckets.indices.contains(verdict.profile)
    else { return nil }
    let index = pools[pool].fragmentationBuckets[verdict.profile]
    let base = pools[pool].firstNode
    for b in 0..<index.bucketCount {
      var start = 0
      while let local = index.buckets[b].first(from: start) {
        if nodeFailure(request, verdict, node: base + local) == nil {
          return base + local
        }
        start = local + 1
      }
    }
    return nil
  }

  /// The fragmentation of a node for the unit-size mix, after taking
  /// `take` units from GPU `gpu` (local; -1 for none): for whole GPUs
  /// Σ_m w_m × (free GPUs if free GPUs < m else 0), for shares
  /// Σ_GPUs Σ_m w_m × (free if free < m else 0).
  public func unitFragmentation(
    ofNode node: Int, mix: ExpectedMix, takingFrom gpu: Int = -1,
    units take: Int = 0
  ) -> Int {
    let state = nodes[node]
    let kind = pools[state.pool].kind
    let unitsPerGPU = pools[state.pool].unitsPerGPU
    let sizes = mix.sizes(for: kind)
    func fragment(_ free: Int) -> Int {
      sizes.reduce(0) { $0 + (free < $1.size ? $1.weight * free : 0) }
    }
    if kind == .exclusive {
      var free = 0
      for g in 0..<state.gpuCount
      where gpuUsable(state.firstGPU + g) && gpus[state.firstGPU + g].used == 0
      {
        free += 1
      }
      return fragment(free - take)
    }
    var total = 0
    for g in 0..<state.gpuCount where gpuUsable(state.firstGPU + g) {
      var free = Int(unitsPerGPU - gpus[state.firstGPU + g].used)
      if g == gpu { free -= take }
      total += fragment(free)
    }
    return total
  }
}
