import ClusterModel

extension QuotaLedger {
  // MARK: - API

  /// Whether `tenant`'s quota admits `charge` now, by Kueue's arithmetic
  /// for a flat cohort [S16]; the ledger does not change.
  ///
  /// Per resource with a limit: the charge fits within nominal if usage +
  /// charge ≤ nominal and the cohort has not lent that room out; else it
  /// fits by borrowing if it is at most the tenant's unused guaranteed
  /// part plus the cohort's unused lendable capacity, and usage + charge ≤
  /// `nominal + borrowingLimit`. A resource the tenant has no limit on is
  /// not checked. All resources must fit.
  ///
  /// - Parameters:
  ///   - charge: What admission would take.
  ///   - tenant: The tenant's index.
  /// - Returns: `.admitted` with what would be borrowed, or `.refused`
  ///   with every resource that does not fit.
  /// - Complexity: O(resources of `charge`).
  public func check(_ charge: QuotaCharge, of tenant: Int) -> QuotaDecision {
    // A tenant without limits is admitted without looking up resources.
    if quotas[tenant].limits.isEmpty { return .admitted(borrowed: []) }
    var borrowed: [QuotaBorrowing] = []
    var refusals: [QuotaRefusal] = []
    for (resource, amount) in charge.amounts {
      guard let slot = resourceSlot[resource],
        let limit = limits[slot][tenant]
      else { continue }
      let usage = used[slot][tenant]
      let room = available(slot: slot, tenant: tenant)
      if amount <= room {
        let above =
          max(0, usage + amount - limit.nominal)
          - max(0, usage - limit.nominal)
        if above > 0 {
          borrowed.append(QuotaBorrowing(resource: resource, amount: above))
        }
        continue
      }
      refusals.append(
        QuotaRefusal(
          tenant: tenantNames[tenant], resource: resource,
          cause: cause(amount, usage: usage, limit: limit, tenant: tenant),
          requested: amount, nominal: limit.nominal,
          borrowingLimit: limit.borrowingLimit, used: usage,
          available: room))
    }
    return refusals.isEmpty
      ? .admitted(borrowed: borrowed)
      : .refused(refusals)
  }

  /// Admits `charge` for `tenant` if its quota allows, recording the
  /// usage; the ledger is unchanged on refusal (a gang's charge is
  /// reserved whole or not at all).
  ///
  /// - Parameters:
  ///   - charge: What admission takes.
  ///   - tenant: The tenant's index.
  /// - Returns: The decision, as `check(_:of:)` gives it.
  /// - Complexity: O(resources of `charge`).
  @discardableResult
  public mutating func admit(_ charge: QuotaCharge, of tenant: Int)
    -> QuotaDecision
  {
    let decision = check(charge, of: tenant)
    guard decision.isAdmitted else { return decision }
    apply(charge, of: tenant, sign: 1)
    return decision
  }

  /// Records `charge` for `tenant` without checking the quota, as when a
  /// run starts with workloads already admitted.
  ///
  /// - Complexity: O(resources of `charge`).
  public mutating func forceAdmit(_ charge: QuotaCharge, of tenant: Int) {
    apply(charge, of: tenant, sign: 1)
  }

  /// Returns `charge` to `tenant`'s quota when its workload finishes or is
  /// evicted.
  ///
  /// - Parameters:
  ///   - charge: The charge recorded when the workload was admitted.
  ///   - tenant: The tenant's index.
  /// - Precondition: The tenant holds at least `charge`.
  /// - Complexity: O(resources of `charge`).
  public mutating func release(_ charge: QuotaCharge, of tenant: Int) {
    apply(charge, of: tenant, sign: -1)
  }

  /// The most of `resource` that `tenant` could be admitted now;
  /// `Int.max` when the tenant has no limit on it.
  ///
  /// - Complexity: O(1) amortised.
  public func available(_ resource: QuotaResource, to tenant: Int) -> Int {
    guard let slot = resourceSlot[resource], limits[slot][tenant] != nil
    else { return Int.max }
    return available(slot: slot, tenant: tenant)
  }

  // MARK: - Internals

  /// The tenant's admissible amount on a limited slot: its unused
  /// guaranteed part plus the cohort's unused lendable capacity, capped
  /// by the borrowing limit; without a cohort, its unused nominal.
  func available(slot: Int, tenant: Int) -> Int {
    guard let limit = limits[slot][tenant] else { return Int.max }
    let usage = used[slot][tenant]
    guard let cohort = cohortOfTenant[tenant] else {
      return max(0, limit.nominal - usage)
    }
    let ownRoom = max(0, Self.guaranteed(limit) - usage)
    var room = ownRoom + lendable[slot][cohort] - poolUsed[slot][cohort]
    if let ceiling = limit.ceiling { room = min(room, ceiling - usage) }
    return max(0, room)
  }

  /// Which rule refuses `amount` more.
  func cause(
    _ amount: Int, usage: Int, limit: ResourceQuota, tenant: Int
  ) -> QuotaRefusal.Cause {
    if cohortOfTenant[tenant] == nil { return .exceedsNominal }
    if usage + amount <= limit.nominal { return .nominalLentOut }
    if let ceiling = limit.ceiling, usage + amount > ceiling {
      return .exceedsBorrowingLimit
    }
    return .cohortExhausted
  }

  /// Adds (`sign` 1) or removes (`sign` −1) a charge, keeping the cohort
  /// sums.
  mutating func apply(_ charge: QuotaCharge, of tenant: Int, sign: Int) {
    for (resource, amount) in charge.amounts {
      let slot = addSlot(for: resource)
      let before = used[slot][tenant]
      let after = before + sign * amount
      precondition(after >= 0, "released more than was admitted")
      used[slot][tenant] = after

      guard let limit = limits[slot][tenant],
        let cohort = cohortOfTenant[tenant]
      else { continue }
      let guaranteed = Self.guaranteed(limit)
      poolUsed[slot][cohort] +=
        max(0, after - guaranteed) - max(0, before - guaranteed)
    }
  }
}
