import ClusterModel

/// A workload waiting for quota, as quota preemption sees it.
public struct PendingWorkload: Hashable, Sendable {
  /// The owning tenant's index in the ledger.
  public var tenant: Int
  /// The workload's priority.
  public var priority: Int
  /// When it arrived (or was requeued), in simulated seconds.
  public var arrivedAt: Int
  /// What its admission takes.
  public var charge: QuotaCharge

  /// Creates a pending workload.
  ///
  /// - Parameters:
  ///   - tenant: The tenant's index.
  ///   - priority: The priority.
  ///   - arrivedAt: Arrival time, simulated seconds.
  ///   - charge: What admission takes.
  public init(tenant: Int, priority: Int, arrivedAt: Int, charge: QuotaCharge) {
    self.tenant = tenant
    self.priority = priority
    self.arrivedAt = arrivedAt
    self.charge = charge
  }
}

extension QuotaLedger {
  /// The admitted workloads to evict so that `pending` fits its tenant's
  /// quota, by Kueue's classic preemption [S20]; the ledger does not
  /// change.
  ///
  /// Candidates: the tenant's own workloads allowed by
  /// `policy.withinTenant`; and, when `pending` fits its nominal quota,
  /// workloads of cohort members that hold more than nominal of a resource
  /// `pending` needs, allowed by `policy.reclaimWithinCohort`. They are
  /// tried other tenants' first, then lowest priority, then most recently
  /// admitted, then highest id; each is taken until `pending` fits,
  /// skipping one whose tenant no longer borrows. A final pass walks the
  /// taken ones backwards and keeps any whose eviction proves unneeded.
  ///
  /// - Parameters:
  ///   - pending: The workload that does not fit.
  ///   - admitted: Admitted workloads (any tenants; others are ignored).
  ///   - policy: The tenant's preemption policy.
  /// - Returns: The victims (empty when `pending` already fits), or `nil`
  ///   when evicting every candidate would not make room.
  /// - Complexity: O(*a* log *a* + *a* × *r*) for *a* admitted workloads
  ///   and *r* resources per charge.
  public func reclaimVictims(
    for pending: PendingWorkload, among admitted: [AdmittedWorkload],
    policy: QuotaPreemptionPolicy = QuotaPreemptionPolicy()
  ) -> [AdmittedWorkload]? {
    let tenant = pending.tenant
    if check(pending.charge, of: tenant).isAdmitted { return [] }
    let mayReclaim =
      policy.reclaimWithinCohort != .never
      && cohortOfTenant[tenant] != nil
      && fitsNominal(pending.charge, of: tenant)
    let needed = Set(pending.charge.amounts.map(\.resource))

    let candidates = admitted.filter { workload in
      if workload.tenant == tenant {
        return allowsWithinTenant(workload, for: pending, policy.withinTenant)
      }
      guard mayReclaim,
        let cohort = cohortOfTenant[workload.tenant],
        cohort == cohortOfTenant[tenant],
        workload.charge.amounts.contains(where: { needed.contains($0.0) }),
        isBorrowing(workload.tenant, in: pending.charge)
      else { return false }
      return policy.reclaimWithinCohort == .any
        || workload.priority < pending.priority
    }.sorted { a, b in
      let aOther = a.tenant != tenant
      let bOther = b.tenant != tenant
      if aOther != bOther { return aOther }
      if a.priority != b.priority { return a.priority < b.priority }
      if a.admittedAt != b.admittedAt { return a.admittedAt > b.admittedAt }
      return a.id > b.id
    }

    var trial = self
    var targets: [AdmittedWorkload] = []
    var fits = false
    for candidate in candidates {
      if candidate.tenant != tenant,
        !trial.isBorrowing(candidate.tenant, in: pending.charge)
      {
        continue
      }
      trial.release(candidate.charge, of: candidate.tenant)
      targets.append(candidate)
      if trial.check(pending.charge, of: tenant).isAdmitted {
        fits = true
        break
      }
    }
    guard fits else { return nil }

    var kept = Set<Int>()
    for index in stride(from: targets.count - 2, through: 0, by: -1) {
      let target = targets[index]
      trial.forceAdmit(target.charge, of: target.tenant)
      if trial.check(pending.charge, of: tenant).isAdmitted {
        kept.insert(target.id)
      } else {
        trial.release(target.charge, of: target.tenant)
      }
    }
    return targets.filter { !kept.contains($0.id) }
  }

  // MARK: - Internals

  /// Whether usage + `charge` ≤ nominal on every limited resource.
  func fitsNominal(_ charge: QuotaCharge, of tenant: Int) -> Bool {
    charge.amounts.allSatisfy { resource, amount in
      guard let limit = limit(of: tenant, on: resource) else { return true }
      return usage(of: tenant, resource) + amount <= limit.nominal
    }
  }

  /// Whether the own-queue policy lets `pending` evict `workload`.
  func allowsWithinTenant(
    _ workload: AdmittedWorkload, for pending: PendingWorkload,
    _ policy: QuotaPreemptionPolicy.WithinTenant
  ) -> Bool {
    switch policy {
    case .never:
      return false
    case .lowerPriority:
      return workload.priority < pending.priority
    case .lowerOrNewerEqualPriority:
      return workload.priority < pending.priority
        || (workload.priority == pending.priority
          && workload.admittedAt > pending.arrivedAt)
    }
  }
}
