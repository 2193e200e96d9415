import ClusterModel

extension QuotaLedger {
  /// Every broken quota invariant, as sentences; empty when the ledger is
  /// sound. Checked: the cohort sums equal their definitions; no tenant
  /// holds more than `nominal + borrowingLimit`; a tenant without a
  /// cohort holds at most its nominal; in each cohort, what members hold
  /// above nominal is at most what the others leave unused of their
  /// lendable capacity (no lender lends beyond its `lendingLimit`).
  ///
  /// Workloads recorded with `forceAdmit` may break the limits on purpose.
  ///
  /// - Complexity: O(resources × tenants).
  public func invariantViolations() -> [String] {
    var problems: [String] = []
    for (slot, resource) in resources.enumerated() {
      var lent = Array(repeating: 0, count: cohortNames.count)
      var pool = Array(repeating: 0, count: cohortNames.count)
      var borrowedSum = Array(repeating: 0, count: cohortNames.count)
      var idleLendable = Array(repeating: 0, count: cohortNames.count)
      for tenant in 0..<tenantCount {
        guard let limit = limits[slot][tenant] else { continue }
        let usage = used[slot][tenant]
        let name = tenantNames[tenant]
        guard let cohort = cohortOfTenant[tenant] else {
          if usage > limit.nominal {
            problems.append(
              "\(name) holds \(usage) of \(resource) above "
                + "nominal \(limit.nominal) without a cohort")
          }
          continue
        }
        if let ceiling = limit.ceiling, usage > ceiling {
          problems.append(
            "\(name) holds \(usage) of \(resource) above "
              + "its ceiling \(ceiling)")
        }
        lent[cohort] += Self.lendable(limit)
        pool[cohort] += max(0, usage - Self.guaranteed(limit))
        borrowedSum[cohort] += max(0, usage - limit.nominal)
        idleLendable[cohort] += min(
          Self.lendable(limit), max(0, limit.nominal - usage))
      }
      for cohort in cohortNames.indices {
        let name = cohortNames[cohort]
        if lent[cohort] != lendable[slot][cohort]
          || pool[cohort] != poolUsed[slot][cohort]
        {
          problems.append("cohort \(name) sums of \(resource) are stale")
        }
        if borrowedSum[cohort] > idleLendable[cohort] {
          problems.append(
            "cohort \(name) members borrow "
              + "\(borrowedSum[cohort]) of \(resource), more than the "
              + "\(idleLendable[cohort]) others may lend")
        }
      }
    }
    return problems
  }

  /// Stops a debug build when an invariant is broken; compiles away in
  /// release builds.
  ///
  /// - Complexity: O(resources × tenants) in debug builds.
  public func assertInvariants() {
    assert(invariantViolations().isEmpty, "\(invariantViolations())")
  }
}
