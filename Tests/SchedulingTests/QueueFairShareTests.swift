import ClusterModel
import Scheduling
import Testing

/// Tenants `a` (4 GPUs, 8 CPUs) and `b` (8 GPUs, 4 CPUs), no cohort.
private func drfLedger() -> QuotaLedger {
  QuotaLedger(tenants: [
    Tenant(
      name: "a",
      quota: Quota([
        .milliGPUs: ResourceQuota(nominal: 4000),
        .cpuMilli: ResourceQuota(nominal: 8000),
      ])),
    Tenant(
      name: "b",
      quota: Quota([
        .milliGPUs: ResourceQuota(nominal: 8000),
        .cpuMilli: ResourceQuota(nominal: 4000),
      ])),
  ])
}

@Test func dominantShareIsTheLargestUsageOverNominal() {
  var ledger = drfLedger()
  // a: 2/4 GPUs = 500, 2/8 CPUs = 250 → 500.
  ledger.forceAdmit(QuotaCharge([.milliGPUs: 2000, .cpuMilli: 2000]), of: 0)
  // b: 2/8 GPUs = 250, 3/4 CPUs = 750 → 750.
  ledger.forceAdmit(QuotaCharge([.milliGPUs: 2000, .cpuMilli: 3000]), of: 1)
  #expect(ledger.dominantSharePerMille(of: 0) == 500)
  #expect(ledger.dominantSharePerMille(of: 1) == 750)
}

@Test func zeroNominalUsesTheCohortsLendableCapacity() {
  let ledger = {
    var l = QuotaLedger(tenants: [
      Tenant(
        name: "a", quota: Quota([.milliGPUs: ResourceQuota(nominal: 0)]),
        cohort: "c"),
      Tenant(
        name: "b", quota: Quota([.milliGPUs: ResourceQuota(nominal: 4000)]),
        cohort: "c"),
    ])
    l.forceAdmit(QuotaCharge([.milliGPUs: 1000]), of: 0)
    return l
  }()
  // 1 GPU of the cohort's 4 lendable GPUs.
  #expect(ledger.dominantSharePerMille(of: 0) == 250)
}

@Test func fairSharePassServesTheSmallestDominantShareFirst() {
  var ledger = drfLedger()
  ledger.forceAdmit(QuotaCharge([.milliGPUs: 2000, .cpuMilli: 2000]), of: 0)
  ledger.forceAdmit(QuotaCharge([.milliGPUs: 2000, .cpuMilli: 3000]), of: 1)
  let job = QuotaCharge([.milliGPUs: 1000, .cpuMilli: 1000])

  var queue = PendingQueue()
  // b's pods have the higher priority, but a's share (500) is smaller
  // than b's (750), so a goes first.
  for id in 0..<3 {
    queue.push(
      PendingPod(
        id: id, tenant: 0, priority: 0, arrivedAt: id,
        requestClass: 0))
    queue.push(
      PendingPod(
        id: 10 + id, tenant: 1, priority: 9, arrivedAt: id,
        requestClass: 1))
  }
  var pass = queue.makeRetryPass(order: .fairShare)
  var order: [Int] = []
  while let next = queue.nextCandidate(
    in: &pass, share: { ledger.dominantSharePerMille(of: $0) })
  {
    order.append(next.id)
    if ledger.admit(job, of: next.tenant).isAdmitted {
      queue.remove(next.id)
    } else {
      pass.skip(next)
    }
  }
  // Each job takes 1 GPU and 1 CPU. a 500 → pod 0, a 750 (3/4 GPUs);
  // tie at 750, b's priority wins → pod 10, b 1000 (4/4 CPUs); a 750 →
  // pod 1, a 1000; tie, b first → pod 11 refused (5/4 CPUs), class
  // skipped; a → pod 2 refused (5/4 GPUs).
  #expect(order == [0, 10, 1, 11, 2])
}

@Test func priorityPassIgnoresShares() {
  var queue = PendingQueue()
  queue.push(
    PendingPod(id: 0, tenant: 0, priority: 0, arrivedAt: 0, requestClass: 0))
  queue.push(
    PendingPod(id: 1, tenant: 1, priority: 9, arrivedAt: 5, requestClass: 1))
  var pass = queue.makeRetryPass(order: .priority)
  let first = queue.nextCandidate(in: &pass) { $0 == 1 ? 1000 : 0 }
  #expect(first?.id == 1)
}
