// MARK: - Keeping the indexes

extension ClusterState {
  /// Recomputes node `node`'s entries in its pool's tree and buckets (and
  /// the fragmentation buckets when enabled). Called after every change
  /// to the node.
  ///
  /// - Complexity: O(GPUs × instances + dimensions × log nodes).
  mutating func refreshIndex(ofNode index: Int) {
    let node = nodes[index]
    let p = node.pool
    // Read scalars only: holding a copy of the pool would make the
    // mutations below copy its whole tree and buckets.
    let kind = pools[p].kind
    let unitsPerGPU = pools[p].unitsPerGPU
    let unitDimensions = pools[p].unitDimensions
    let dims = pools[p].tree.dimensions
    if scratch.count != dims {
      scratch = Array(repeating: -1, count: dims)
    }
    for d in 0..<dims { scratch[d] = -1 }
    let gpuRange = node.firstGPU..<(node.firstGPU + node.gpuCount)
    let first = PoolState.firstUnitDimension
    guard node.isSchedulable else {
      pools[p].tree.update(node.local, with: scratch)
      for b in pools[p].buckets.indices {
        pools[p].buckets[b].set(node.local, to: nil)
      }
      for b in pools[p].fragmentationBuckets.indices {
        pools[p].fragmentationBuckets[b].set(node.local, to: nil)
      }
      return
    }
    scratch[PoolState.cpuDimension] = Int32(clamping: node.cpuFreeMilli)
    scratch[PoolState.memoryDimension] = Int32(clamping: node.memoryFreeMiB)
    scratch[PoolState.emptyDimension] = node.pods.isEmpty ? 1 : 0
    switch kind {
    case .exclusive:
      var free: Int32 = 0
      for g in gpuRange where gpuUsable(g) && gpus[g].used == 0 { free += 1 }
      scratch[first] = free
      pools[p].buckets[0].set(node.local, to: Int(free))
    case .timeSlicing, .mps, .fractional:
      var best: Int32 = 0
      var total = 0
      for g in gpuRange where gpuUsable(g) {
        let free = unitsPerGPU - gpus[g].used
        best = max(best, free)
        total += Int(free)
      }
      scratch[first] = best
      pools[p].buckets[0].set(node.local, to: total)
    case .mig:
      for d in 0..<unitDimensions { scratch[first + d] = 0 }
      for g in gpuRange where gpuUsable(g) {
        for instance in gpus[g].instances where instance.isAvailable {
          scratch[first + instance.profile] += 1
        }
      }
      for d in 0..<unitDimensions {
        pools[p].buckets[d].set(node.local, to: Int(scratch[first + d]))
      }
      if let weights = fragmentation?.pools[p] {
        for d in 0..<unitDimensions {
          let cost = bestFragmentationCost(
            ofNode: index, profile: d, weights: weights)
          pools[p].fragmentationBuckets[d].set(
            node.local,
            to: cost.map { weights.rank(of: $0, profile: d) })
        }
      }
    }
    let cpuShare = node.cpuFreeMilli * 64 / max(pools[p].spec.cpuMilli, 1)
    pools[p].buckets[unitDimensions].set(node.local, to: cpuShare)
    pools[p].tree.update(node.local, with: scratch)
  }

  // MARK: - Queries for strategies

  /// Whether node `node`'s index entry meets the request's needs: a
  /// necessary condition for fitting that costs a few array reads.
  func indexAdmits(_ request: PodRequest, node: Int) -> Bool {
    let state = nodes[node]
    let verdict = classes[request.classIndex].verdicts[state.pool]
    guard verdict.refusal == nil else { return false }
    let needs = verdict.needs
    for k in needs.dimensions.indices
    where pools[state.pool].tree.leaf(
      state.local, dimension: needs.dimensions[k]) < needs.amounts[k]
    {
      return false
    }
    return true
  }

  /// The first node of pool `pool`, at or after local position `from`,
  /// that fits the request, by the capacity tree.
  ///
  /// - Complexity: O(log nodes) per candidate the tree proposes; each
  ///   candidate costs an exact check of O(GPUs × instances).
  public func firstFittingNode(
    for request: PodRequest, inPool pool: Int, from: Int = 0
  ) -> Int? {
    let verdict = verdict(request, pool: pool)
    guard verdict.refusal == nil else { return nil }
    let tree = pools[pool].tree
    let base = pools[pool].firstNode
    var start = from
    while let local = tree.first(from: start, meeting: verdict.needs) {
      if nodeFailure(request, verdict, node: base + local) == nil {
        return base + local
      }
      start = local + 1
    }
    return nil
  }

  /// The first fitting node in pool `pool` that holds no pod.
  ///
  /// - Complexity: as `firstFittingNode`.
  public func firstFittingEmptyNode(for request: PodRequest, inPool pool: Int)
    -> Int?
  {
    var verdict = verdict(request, pool: pool)
    guard verdict.refusal == nil else { return nil }
    verdict.needs.dimensions.append(PoolState.emptyDimension)
    verdict.needs.amounts.append(1)
    let tree = pools[pool].tree
    let base = pools[pool].firstNode
    var start = 0
    while let local = tree.first(from: start, meeting: verdict.needs) {
      if nodeFailure(request, verdict, node: base + local) == nil {
        return base + local
      }
      start = local + 1
    }
    return nil
  }

  /// The fitting node of pool `pool` with the least (`ascending`) or most
  /// free capacity in the request's ranking dimension (free GPUs, idle
  /// instances of the profile, free units, or free CPU for GPU-less
  /// pods), ties to the first in priority order.
  ///
  /// Buckets are exact for up to 64 units per node; above that a bucket
  /// spans several values and ties inside it go to priority order.
  ///
  /// - Complexity: O(buckets + nodes / 4096) word tests plus an exact
  ///   check per candidate visited.
  public func rankedFittingNode(
    for request: PodRequest, inPool pool: Int, ascending: Bool
  ) -> Int? {
    let verdict = verdict(request, pool: pool)
    guard verdict.refusal == nil else { return nil }
    let index = pools[pool].buckets[verdict.bucket]
    let lowest = index.bucket(of: verdict.bucketNeed)
    let base = pools[pool].firstNode
    let count = index.bucketCount - lowest
    for step in 0..<max(count, 0) {
      let b = ascending ? lowest + step : index.bucketCount - 1 - step
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

  /// Up to `limit` fitting nodes of pool `pool` in best-fit order
  /// (tightest bucket first, priority order inside a bucket).
  ///
  /// - Complexity: O(buckets + nodes / 4096) word tests plus an exact
  ///   check per candidate visited.
  public func rankedFittingNodes(
    for request: PodRequest, inPool pool: Int, limit: Int
  ) -> [Int] {
    let verdict = verdict(request, pool: pool)
    guard verdict.refusal == nil else { return [] }
    let index = pools[pool].buckets[verdict.bucket]
    let base = pools[pool].firstNode
    var found: [Int] = []
    for b in index.bucket(of: verdict.bucketNeed)..<index.bucketCount {
      var start = 0
      while let local = index.buckets[b].first(from: start) {
        if nodeFailure(request, verdict, node: base + local) == nil {
          found.append(base + local)
          if found.count == limit { return found }
        }
        start = local + 1
      }
    }
    return found
  }

  /// The bucket node `node` sits in for the request's ranking dimension,
  /// comparable between pools only roughly (buckets of different pools
  /// may span different values); -1 when absent.
  public func rankValue(of node: Int, for request: PodRequest) -> Int {
    let state = nodes[node]
    let verdict = verdict(request, pool: state.pool)
    return pools[state.pool].buckets[verdict.bucket]
      .currentBucket(of: state.local) ?? -1
  }

  /// Every fitting node of pool `pool`, in priority order, found through
  /// the capacity tree.
  ///
  /// - Complexity: O(fitting nodes × log nodes) plus exact checks.
  public func fittingNodes(for request: PodRequest, inPool pool: Int)
    -> [Int]
  {
    var found: [Int] = []
    var start = 0
    let base = pools[pool].firstNode
    while let node = firstFittingNode(
      for: request, inPool: pool, from: start)
    {
      found.append(node)
      start = node - base + 1
    }
    return found
  }

  /// Every node, in priority order, that fits the request, checked one
  /// by one without the indexes: the reference the indexed searches are
  /// tested against.
  ///
  /// - Complexity: O(nodes × GPUs × instances).
  public func fittingNodesByScan(for request: PodRequest) -> [Int] {
    nodes.indices.filter { fits(request, onNode: $0) }
  }

  /// The pools whose filters pass, grouped by untolerated
  /// `PreferNoSchedule` taints (fewest first), pool order within a group.
  func poolGroups(for request: PodRequest) -> [[Int]] {
    classes[request.classIndex].groups
  }

  /// Computes `poolGroups` from the verdicts.
  static func groups(of verdicts: [PoolVerdict]) -> [[Int]] {
    let open = verdicts.indices.filter { verdicts[$0].refusal == nil }
    let counts = Set(open.map { verdicts[$0].preferNoScheduleCount }).sorted()
    return counts.map { count in
      open.filter { verdicts[$0].preferNoScheduleCount == count }
    }
  }

  /// The TaintToleration score of pool `pool` for the request, normalised
  /// as Kubernetes does over the pools that pass the filters:
  /// `100 − 100 × count / max`, or 100 when no pool has such a taint.
  public func preferNoScheduleScore(for request: PodRequest, pool: Int)
    -> Int
  {
    let info = classes[request.classIndex]
    let worst = info.worstPreferNoScheduleCount
    guard worst > 0 else { return 100 }
    return 100 - 100 * info.verdicts[pool].preferNoScheduleCount / worst
  }
}
