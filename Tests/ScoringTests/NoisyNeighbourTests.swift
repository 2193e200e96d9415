import ClusterModel
import Testing

@testable import Scoring

@Suite struct NoisyNeighbourTests {
  /// Two jobs on one GPU by `hold`, job 1 arriving at `secondStart`.
  private func pair(
    _ hold: GPUHold, _ otherHold: GPUHold? = nil, secondStart: Int = 0,
    first: InterferenceProfile = profile(u: 0.6, m: 0.5),
    second: InterferenceProfile = profile(u: 0.6, m: 0.5)
  ) -> RunObservation {
    RunObservation(
      horizonSeconds: 100, tenants: tenants(2), nodes: [node(gpus: 1)],
      jobs: [
        ranJob("a", tenant: 0, start: 0, end: 100, profile: first),
        ranJob("b", tenant: 1, start: secondStart, end: 100,
          profile: second),
      ],
      allocations: [
        .init(job: 0, node: 0, gpu: 0, hold: hold, startSeconds: 0,
          endSeconds: 100),
        .init(job: 1, node: 0, gpu: 0, hold: otherHold ?? hold,
          startSeconds: secondStart, endSeconds: 100),
      ])
  }

  @Test func mpsPairMatchesTheReferenceExample() {
    // max(1, 0.6 + 0.6) × (1 + 0.3 × 0.5) = 1.38
    let metrics = pair(.mps(clientLimit: 2)).noisyNeighbours()
    #expect(close(metrics.slowdown[0], 1.38))
    #expect(close(metrics.slowdown[1], 1.38))
  }

  @Test func timeSlicingAddsItsOverhead() {
    // 1.2 × 1.1
    let metrics = pair(.timeSlice(replicas: 2)).noisyNeighbours()
    #expect(close(metrics.slowdown[0], 1.32))
    let fractions = pair(.fraction(milli: 500)).noisyNeighbours()
    #expect(close(fractions.slowdown[0], 1.32))
  }

  @Test func migInstancesCostOnlyTheNeighbourTerm() {
    let metrics = pair(
      migHold("3g.20gb", compute: 3, memory: 4, start: 0, instance: 1),
      migHold("3g.20gb", compute: 3, memory: 4, start: 4, instance: 2)
    ).noisyNeighbours()
    #expect(close(metrics.slowdown[0], 1.02))
    let shared = pair(
      migHold("3g.20gb", compute: 3, memory: 4, start: 0, instance: 1)
    ).noisyNeighbours()
    #expect(close(shared.slowdown[0], 1.38))
  }

  @Test func slowdownIsAveragedOverTheAllocation() {
    // Alone for 50 s, then 50 s at 1.38: 1.19. p50 is the smaller of two.
    let metrics = pair(.mps(clientLimit: 2), secondStart: 50)
      .noisyNeighbours()
    #expect(close(metrics.slowdown[0], 1.19))
    #expect(close(metrics.slowdown[1], 1.38))
    #expect(close(metrics.slowdownPercentiles?.p50, 1.19))
    #expect(close(metrics.slowdownPercentiles?.p95, 1.38))
  }

  @Test func tailTermAppliesToLatencySensitiveJobs() {
    let metrics = pair(
      .timeSlice(replicas: 2), first: profile(latencySensitive: true)
    ).noisyNeighbours()
    #expect(close(metrics.tailFactor[0], 2.5))
    #expect(metrics.tailFactor[1] == nil)
    let overrides = {
      var coefficients = ContentionCoefficients()
      coefficients.tailTimeSlicing = 1.8
      coefficients.timeSliceOverhead = 0
      return coefficients
    }()
    let tuned = pair(
      .timeSlice(replicas: 2), first: profile(u: 0.6, latencySensitive: true)
    ).noisyNeighbours(coefficients: overrides)
    #expect(close(tuned.tailFactor[0], 1.8))
    // max(1, 0.6 + 0.6) × (1 + 0)
    #expect(close(tuned.slowdown[1], 1.2))
  }

  @Test func pcieSwitchNeighboursSlowEachOther() {
    // Exclusive GPUs 0 and 1 behind switch 0; pcie 0.5 and 1.0.
    let observation = RunObservation(
      horizonSeconds: 10, tenants: tenants(2),
      nodes: [node(pcieSwitch: 0)],
      jobs: [
        ranJob("a", tenant: 0, start: 0, end: 10, profile: profile(pcie: 0.5)),
        ranJob("b", tenant: 1, start: 0, end: 10, profile: profile(pcie: 1)),
      ],
      allocations: [
        .init(job: 0, node: 0, gpu: 0, startSeconds: 0, endSeconds: 10),
        .init(job: 1, node: 0, gpu: 1, startSeconds: 0, endSeconds: 10),
      ])
    let metrics = observation.noisyNeighbours()
    // 1 + 0.2 × 0.5 × min(1, 1.0); 1 + 0.2 × 1.0 × min(1, 0.5)
    #expect(close(metrics.slowdown[0], 1.1))
    #expect(close(metrics.slowdown[1], 1.1))
    var ownLinks = observation
    ownLinks.nodes = [node()]
    #expect(ownLinks.noisyNeighbours().slowdown == [1, 1])
  }

  @Test func inputHeavyJobsSlowWithFewCPUsPerGPU() {
    func slowdown(cpuMilli: Int, nodeCPU: Int = 64000) -> Double? {
      RunObservation(
        horizonSeconds: 10, tenants: tenants(1),
        nodes: [node(gpus: 1, cpuMilli: nodeCPU)],
        jobs: [ranJob("a", start: 0, end: 10,
          profile: profile(cpu: .inputHeavy))],
        allocations: [
          .init(job: 0, node: 0, gpu: 0, cpuMilli: cpuMilli,
            startSeconds: 0, endSeconds: 10)
        ]
      ).noisyNeighbours().slowdown[0]
    }
    #expect(close(slowdown(cpuMilli: 2000), 1 / 0.69))
    #expect(close(slowdown(cpuMilli: 1500), 1 / 0.51))
    #expect(close(slowdown(cpuMilli: 500), 1 / 0.33))
    #expect(close(slowdown(cpuMilli: 4000), 1))
    // Requests above the node's CPU are scaled down: 4000 → 2000.
    #expect(close(slowdown(cpuMilli: 4000, nodeCPU: 2000), 1 / 0.69))
  }

  @Test func distributedJobsShareTheNodeLink() {
    // Jobs a and b each span nodes 0 and 1; phi 0.3: 1 + 0.5 × 0.3 × 1.
    let observation = RunObservation(
      horizonSeconds: 10, tenants: tenants(1), nodes: [node(), node()],
      jobs: [
        ranJob("a", start: 0, end: 10, profile: profile(phi: 0.3)),
        ranJob("b", start: 0, end: 10, profile: profile(phi: 0.3)),
      ],
      allocations: [0, 1].flatMap { job in
        [0, 1].map { node in
          AllocationInterval(
            job: job, node: node, gpu: job, startSeconds: 0, endSeconds: 10)
        }
      })
    let metrics = observation.noisyNeighbours()
    #expect(close(metrics.slowdown[0], 1.15))
    #expect(close(metrics.slowdown[1], 1.15))
  }

  @Test(arguments: 1...10 as ClosedRange<UInt64>)
  func slowdownsAreAtLeastOne(seed: UInt64) {
    let metrics = randomObservation(seed: seed, nodeCount: 2) {
      _, random in random.nextInt(below: 2)
    }.noisyNeighbours()
    for slowdown in metrics.slowdown.compactMap({ $0 }) {
      #expect(slowdown >= 1 - 1e-12)
    }
  }
}
