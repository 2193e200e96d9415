import ClusterModel

/// A workload holding quota, as quota preemption sees it.
public struct AdmittedWorkload: Hashable, Sendable {
  /// The workload's identifier, unique among admitted workloads.
  public var id: Int
  /// The owning tenant's index in the ledger.
  public var tenant: Int
  /// The workload's priority; higher is more important.
  public var priority: Int
  /// When its quota was reserved, in simulated seconds.
  public var admittedAt: Int
  /// The charge recorded when it was admitted.
  public var charge: QuotaCharge

  /// Creates an admitted workload.
  ///
  /// - Parameters:
  ///   - id: The identifier.
  ///   - tenant: The tenant's index.
  ///   - priority: The priority.
  ///   - admittedAt: Admission time, simulated seconds.
  ///   - charge: The recorded charge.
  public init(
    id: Int, tenant: Int, priority: Int, admittedAt: Int,
    charge: QuotaCharge
  ) {
    self.id = id
    self.tenant = tenant
    self.priority = priority
    self.admittedAt = admittedAt
    self.charge = charge
  }
}

/// Kueue's preemption settings of a tenant's queue [S16][S20].
public struct QuotaPreemptionPolicy: Hashable, Sendable {
  /// Which of its own admitted workloads a pending workload may evict.
  public enum WithinTenant: String, Hashable, Sendable, CaseIterable {
    /// None (Kueue's default).
    case never
    /// Those of strictly lower priority.
    case lowerPriority
    /// Lower priority, or equal priority and admitted after the pending
    /// workload arrived.
    case lowerOrNewerEqualPriority
  }

  /// Which workloads of borrowing cohort members a pending workload that
  /// fits its nominal quota may evict.
  public enum ReclaimWithinCohort: String, Hashable, Sendable, CaseIterable {
    /// None (Kueue's default).
    case never
    /// Those of strictly lower priority.
    case lowerPriority
    /// Any, whatever the priority.
    case any
  }

  /// The policy inside the tenant's own queue.
  public var withinTenant: WithinTenant
  /// The policy toward borrowing cohort members.
  public var reclaimWithinCohort: ReclaimWithinCohort

  /// Creates a policy; defaults `never` and `any`.
  ///
  /// - Parameters:
  ///   - withinTenant: The own-queue policy.
  ///   - reclaimWithinCohort: The cohort reclaim policy.
  public init(
    withinTenant: WithinTenant = .never,
    reclaimWithinCohort: ReclaimWithinCohort = .any
  ) {
    self.withinTenant = withinTenant
    self.reclaimWithinCohort = reclaimWithinCohort
  }
}
