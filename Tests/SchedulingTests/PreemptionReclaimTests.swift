import ClusterModel
import Scheduling
import Testing

private let gpu = 1000

private func gpus(_ n: Int) -> QuotaCharge {
  QuotaCharge([.milliGPUs: n * gpu])
}

/// Tenants `a`, `b`, `c` (indices 0, 1, 2) with nominal GPUs, one cohort.
private func ledger(_ nominal: [Int], cohort: String? = "pool")
  -> QuotaLedger
{
  QuotaLedger(
    tenants: nominal.enumerated().map { index, n in
      Tenant(
        name: ["a", "b", "c"][index],
        quota: Quota([.milliGPUs: ResourceQuota(nominal: n * gpu)]),
        cohort: cohort)
    })
}

/// An admitted workload of `n` GPUs.
private func workload(
  _ id: Int, tenant: Int, priority: Int, at time: Int, gpus n: Int
) -> AdmittedWorkload {
  AdmittedWorkload(
    id: id, tenant: tenant, priority: priority, admittedAt: time,
    charge: gpus(n))
}

/// Records every workload in the ledger.
private func holding(_ base: QuotaLedger, _ workloads: [AdmittedWorkload])
  -> QuotaLedger
{
  var result = base
  for w in workloads { result.forceAdmit(w.charge, of: w.tenant) }
  return result
}

/// A hand-checked reclaim: `a` asks for `request` GPUs.
struct ReclaimCase: CustomTestStringConvertible, Sendable {
  var name: String
  var nominal: [Int]
  var admitted: [AdmittedWorkload]
  var request: Int
  var priority: Int = 5
  var policy = QuotaPreemptionPolicy()
  /// Victim ids in the order returned, `nil` when impossible.
  var victims: [Int]?
  var testDescription: String { name }
}

private let reclaimCases: [ReclaimCase] = [
  ReclaimCase(
    // a 4, b 2, c 2: b holds 4 (borrows 2), c holds 2; 2 GPUs idle.
    // Needs 2 more: b's lower priority first, newest first: 13 then 12.
    name: "lowest priority then newest of the borrowing tenant",
    nominal: [4, 2, 2],
    admitted: [
      workload(11, tenant: 1, priority: 10, at: 1, gpus: 2),
      workload(12, tenant: 1, priority: 1, at: 2, gpus: 1),
      workload(13, tenant: 1, priority: 1, at: 3, gpus: 1),
      workload(21, tenant: 2, priority: 0, at: 4, gpus: 2),
    ],
    request: 4, victims: [13, 12]),
  ReclaimCase(
    // b holds 4 of a 6-GPU cohort; evicting the newest frees enough.
    name: "Any evicts higher priority borrowers too",
    nominal: [4, 2],
    admitted: [
      workload(11, tenant: 1, priority: 100, at: 1, gpus: 2),
      workload(12, tenant: 1, priority: 100, at: 2, gpus: 2),
    ],
    request: 4, victims: [12]),
  ReclaimCase(
    name: "LowerPriority spares borrowers of equal priority",
    nominal: [4, 2],
    admitted: [
      workload(11, tenant: 1, priority: 5, at: 1, gpus: 2),
      workload(12, tenant: 1, priority: 5, at: 2, gpus: 2),
    ],
    request: 4,
    policy: QuotaPreemptionPolicy(reclaimWithinCohort: .lowerPriority),
    victims: nil),
  ReclaimCase(
    // b holds 1 (newest) + 3; taking 1 frees 1 of the 2 needed, so 3 goes
    // too, and the backward pass finds the 1-GPU one unneeded.
    name: "the backward pass keeps a victim that proves unneeded",
    nominal: [4, 2],
    admitted: [
      workload(11, tenant: 1, priority: 0, at: 9, gpus: 1),
      workload(12, tenant: 1, priority: 1, at: 1, gpus: 3),
    ],
    request: 4, victims: [12]),
  ReclaimCase(
    name: "a tenant within nominal is never a reclaim victim",
    nominal: [4, 4, 2],
    admitted: [
      workload(11, tenant: 1, priority: 0, at: 1, gpus: 4),
      workload(21, tenant: 2, priority: 9, at: 2, gpus: 4),
    ],
    request: 4, victims: [21]),
  ReclaimCase(
    name: "no reclaim when the request itself needs borrowing",
    nominal: [4, 2],
    admitted: [
      workload(1, tenant: 0, priority: 0, at: 1, gpus: 3),
      workload(11, tenant: 1, priority: 0, at: 1, gpus: 3),
    ],
    request: 2, victims: nil),
  ReclaimCase(
    name: "within the tenant, LowerPriority takes its own lower workload",
    nominal: [4, 0],
    admitted: [
      workload(1, tenant: 0, priority: 0, at: 1, gpus: 2),
      workload(2, tenant: 0, priority: 9, at: 2, gpus: 2),
    ],
    request: 2, priority: 5,
    policy: QuotaPreemptionPolicy(
      withinTenant: .lowerPriority, reclaimWithinCohort: .never),
    victims: [1]),
  ReclaimCase(
    name: "equal priority admitted after the arrival may be evicted",
    nominal: [4, 0],
    admitted: [
      workload(1, tenant: 0, priority: 5, at: 1, gpus: 2),
      workload(2, tenant: 0, priority: 5, at: 20, gpus: 2),
    ],
    request: 2, priority: 5,
    policy: QuotaPreemptionPolicy(
      withinTenant: .lowerOrNewerEqualPriority, reclaimWithinCohort: .never),
    victims: [2]),
  ReclaimCase(
    name: "nothing to evict when the request already fits",
    nominal: [4, 2], admitted: [], request: 4, victims: []),
]

@Test(arguments: reclaimCases)
func reclaimPicksKueueVictims(_ c: ReclaimCase) {
  let state = holding(ledger(c.nominal), c.admitted)
  let pending = PendingWorkload(
    tenant: 0, priority: c.priority, arrivedAt: 10, charge: gpus(c.request))
  let victims = state.reclaimVictims(
    for: pending, among: c.admitted, policy: c.policy)
  #expect(victims?.map(\.id) == c.victims)

  // Evicting the victims must let the pending workload in.
  guard let victims else { return }
  var after = state
  for v in victims { after.release(v.charge, of: v.tenant) }
  #expect(after.admit(pending.charge, of: 0).isAdmitted)
  #expect(after.invariantViolations().isEmpty)
}
