import ClusterModel

extension QuotaLedger {
  /// The tenant's dominant share in per-mille: the largest, over the
  /// resources it has a limit on, of usage × 1000 / nominal (rounded
  /// down). A resource with nominal 0 is measured against its cohort's
  /// lendable capacity instead; when that is 0 too, any usage gives
  /// `Int.max`. A tenant with no limits has share 0.
  ///
  /// Smaller shares go first in the fair-share queue order
  /// (docs/quotas-and-preemption.md, "Fair-share order").
  ///
  /// - Parameter tenant: The tenant's index.
  /// - Returns: The dominant share, 1000 = exactly at nominal.
  /// - Complexity: O(resources).
  public func dominantSharePerMille(of tenant: Int) -> Int {
    var share = 0
    for slot in resources.indices {
      guard let limit = limits[slot][tenant] else { continue }
      let usage = used[slot][tenant]
      guard usage > 0 else { continue }
      var base = limit.nominal
      if base == 0, let cohort = cohortOfTenant[tenant] {
        base = lendable[slot][cohort]
      }
      guard base > 0 else { return Int.max }
      share = max(share, usage * 1000 / base)
    }
    return share
  }
}
