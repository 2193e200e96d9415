// MARK: - How many copies of a request could fit

extension ClusterState {
  /// An upper bound on how many pods of `request` the cluster could hold
  /// at once as it stands, counting at most `limit`.
  ///
  /// Each fitting node contributes the copies its free CPU, memory and,
  /// where the index counts them exactly, free whole GPUs or free MIG
  /// instances of the profile allow. A gang larger than the bound cannot
  /// be placed, which spares binding and releasing its pods one by one.
  /// Time-sliced, MPS and fractional pools index only their best GPU, so
  /// there only CPU and memory bound the copies.
  ///
  /// - Parameters:
  ///   - request: An interned request.
  ///   - limit: The count at which to stop looking.
  /// - Returns: A number `b` such that no more than `b` copies fit, or
  ///   `limit` when at least that many might.
  /// - Complexity: O(fitting nodes × log nodes) plus their exact checks,
  ///   stopping once `limit` is reached.
  func copiesBound(of request: PodRequest, limit: Int) -> Int {
    var total = 0
    for group in poolGroups(for: request) {
      for pool in group {
        let needs = verdict(request, pool: pool).needs
        let countsUnits = pools[pool].kind == .exclusive
          || pools[pool].kind == .mig
        var start = 0
        let base = pools[pool].firstNode
        while let node = firstFittingNode(
          for: request, inPool: pool, from: start)
        {
          start = node - base + 1
          let local = nodes[node].local
          var copies = Int.max
          for k in needs.dimensions.indices where needs.amounts[k] > 0 {
            let dimension = needs.dimensions[k]
            if dimension >= PoolState.firstUnitDimension && !countsUnits {
              continue
            }
            let free = pools[pool].tree.leaf(local, dimension: dimension)
            copies = min(copies, Int(free / needs.amounts[k]))
          }
          total += copies == Int.max ? limit : copies
          if total >= limit { return limit }
        }
      }
    }
    return total
  }
}
