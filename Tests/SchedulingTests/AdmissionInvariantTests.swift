import ClusterModel
import Scheduling
import Testing

/// SplitMix64, for seeded test scenarios.
private struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

private let resourcesUnderTest: [QuotaResource] = [.milliGPUs, .cpuMilli]

/// Random tenants: 2–5, each in one of up to two cohorts or none, with
/// random nominal quotas and optional limits on two resources (sometimes
/// none, which leaves the resource unlimited).
private func randomTenants(_ rng: inout SeededGenerator) -> [Tenant] {
  let count = Int.random(in: 2...5, using: &rng)
  return (0..<count).map { index in
    let cohort = [nil, "x", "y"].randomElement(using: &rng) ?? nil
    var quota = Quota()
    for resource in resourcesUnderTest
    where Int.random(in: 0..<5, using: &rng) > 0 {
      let nominal = Int.random(in: 0...8, using: &rng)
      let borrow =
        cohort != nil && Bool.random(using: &rng)
        ? Int.random(in: 0...4, using: &rng) : nil
      let lend =
        cohort != nil && Bool.random(using: &rng)
        ? Int.random(in: 0...nominal, using: &rng) : nil
      quota[resource] = ResourceQuota(
        nominal: nominal, borrowingLimit: borrow, lendingLimit: lend)
    }
    return Tenant(name: "t\(index)", quota: quota, cohort: cohort)
  }
}

/// Whether usages respect every tenant's ceiling (nominal without a
/// cohort) and, per cohort, members hold above nominal at most what the
/// others leave idle of their lendable capacity. Written from the rules
/// in docs/quotas-and-preemption.md, independently of the ledger.
private func isSound(_ tenants: [Tenant], _ usage: [[QuotaResource: Int]])
  -> Bool
{
  for resource in resourcesUnderTest {
    var borrowed: [String: Int] = [:]
    var idle: [String: Int] = [:]
    for (index, tenant) in tenants.enumerated() {
      guard let limit = tenant.quota[resource] else { continue }
      let used = usage[index][resource] ?? 0
      guard let cohort = tenant.cohort else {
        if used > limit.nominal { return false }
        continue
      }
      if let extra = limit.borrowingLimit, used > limit.nominal + extra {
        return false
      }
      let lendable = limit.lendingLimit ?? limit.nominal
      borrowed[cohort, default: 0] += max(0, used - limit.nominal)
      idle[cohort, default: 0] += min(lendable, max(0, limit.nominal - used))
    }
    for (cohort, amount) in borrowed where amount > idle[cohort, default: 0] {
      return false
    }
  }
  return true
}

@Test(arguments: 0..<300)
func randomAdmitsAndReleasesStayWithinQuota(seed: Int) {
  var rng = SeededGenerator(state: UInt64(seed))
  let tenants = randomTenants(&rng)
  var ledger = QuotaLedger(tenants: tenants)
  var usage = Array(repeating: [QuotaResource: Int](), count: tenants.count)
  var held: [(tenant: Int, charge: QuotaCharge)] = []

  for _ in 0..<150 {
    if !held.isEmpty, Int.random(in: 0..<3, using: &rng) == 0 {
      let index = Int.random(in: held.indices, using: &rng)
      let (tenant, charge) = held.remove(at: index)
      ledger.release(charge, of: tenant)
      for (resource, amount) in charge.amounts {
        usage[tenant][resource, default: 0] -= amount
      }
    } else {
      let tenant = Int.random(in: tenants.indices, using: &rng)
      var amounts: [QuotaResource: Int] = [:]
      for resource in resourcesUnderTest {
        amounts[resource] = Int.random(in: 0...3, using: &rng)
      }
      let charge = QuotaCharge(amounts)
      var after = usage
      for (resource, amount) in charge.amounts {
        after[tenant][resource, default: 0] += amount
      }
      let admitted = ledger.admit(charge, of: tenant).isAdmitted
      // Admission is exact: admitted if and only if the result is sound.
      #expect(admitted == isSound(tenants, after), "seed \(seed)")
      if admitted {
        usage = after
        held.append((tenant, charge))
      }
    }
    #expect(isSound(tenants, usage), "seed \(seed)")
    #expect(ledger.invariantViolations().isEmpty, "seed \(seed)")
    for (index, tenantUsage) in usage.enumerated() {
      for resource in resourcesUnderTest {
        let expected = tenantUsage[resource] ?? 0
        #expect(ledger.usage(of: index, resource) == expected)
      }
    }
  }
}
