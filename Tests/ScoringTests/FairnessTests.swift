import Testing

@testable import Scoring

@Suite struct FairnessTests {
  @Test func jainIsOneForEqualSharesAndOneOverNForOneTakingAll() {
    for n in 1...8 {
      #expect(close(jainIndex(Array(repeating: 0.3, count: n)), 1))
      var shares = Array(repeating: 0.0, count: n)
      shares[n - 1] = 2
      #expect(close(jainIndex(shares), 1 / Double(n)))
    }
    // (1 + 2 + 3)² / (3 × 14)
    #expect(close(jainIndex([1, 2, 3]), 6.0 / 7))
    #expect(jainIndex([0, 0]) == 1)
    #expect(jainIndex([]) == nil)
  }

  @Test func jainIsScaleFree() {
    let shares = [0.2, 0.7, 1.3, 0.05]
    #expect(close(jainIndex(shares), jainIndex(shares.map { $0 * 17 })!))
  }

  @Test func dominantSharesAreNormalisedByQuota() {
    // Two GPUs, quotas of one GPU each (quota share 0.5). Tenant 0 holds
    // a GPU for 100 s, tenant 1 for 50 s of 100.
    let observation = RunObservation(
      horizonSeconds: 100, tenants: tenants(2), nodes: [node()],
      jobs: [
        ranJob("a", tenant: 0, start: 0, end: 100),
        JobRecord(name: "b", tenant: 1, kind: .batch, arrivalSeconds: 0,
          startSeconds: 0, outcome: .running, preemptions: 2,
          borrowingSeconds: 30),
      ],
      allocations: [
        .init(job: 0, node: 0, gpu: 0, gpuMemoryMiB: 40960,
          startSeconds: 0, endSeconds: 100),
        .init(job: 1, node: 0, gpu: 1, gpuMemoryMiB: 40960,
          startSeconds: 0, endSeconds: 50),
      ])
    let metrics = observation.fairness()
    #expect(close(metrics.dominantShare[0], 0.5))
    #expect(close(metrics.dominantShare[1], 0.25))
    #expect(close(metrics.normalisedShare[0], 1))
    #expect(close(metrics.normalisedShare[1], 0.5))
    // (1 + 0.5)² / (2 × (1 + 0.25))
    #expect(close(metrics.jainIndex, 0.9))
    #expect(metrics.preemptions == [0, 2])
    #expect(metrics.borrowingSeconds == [0, 30])
  }

  @Test func tenantsWithoutQuotaAreLeftOutOfJain() {
    let observation = RunObservation(
      horizonSeconds: 10,
      tenants: [TenantFacts(name: "q", nominalGPUs: 1),
        TenantFacts(name: "free", nominalGPUs: 0)],
      nodes: [node()],
      jobs: [ranJob("a", tenant: 1, start: 0, end: 10)],
      allocations: [
        .init(job: 0, node: 0, gpu: 0, startSeconds: 0, endSeconds: 10)
      ])
    let metrics = observation.fairness()
    #expect(metrics.normalisedShare[1] == nil)
    #expect(metrics.jainIndex == 1)
  }
}
