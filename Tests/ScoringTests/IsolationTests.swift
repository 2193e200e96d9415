import Testing

@testable import Scoring

@Suite struct IsolationTests {
  /// Tenant 0 on GPU 0 (MPS) for 100 s; tenant 1 on GPU 1 for [0, 50)
  /// and on GPU 0 (MPS) for [50, 100); network denied both ways.
  private func mpsExample() -> RunObservation {
    RunObservation(
      horizonSeconds: 100, tenants: tenants(2), reachability: denyAll(2),
      nodes: [node()],
      jobs: [
        ranJob("a", tenant: 0, start: 0, end: 100),
        ranJob("b", tenant: 1, start: 50, end: 100),
        ranJob("c", tenant: 1, start: 0, end: 50),
      ],
      allocations: [
        .init(job: 0, node: 0, gpu: 0, hold: .mps(clientLimit: 2),
          startSeconds: 0, endSeconds: 100),
        .init(job: 1, node: 0, gpu: 0, hold: .mps(clientLimit: 2),
          startSeconds: 50, endSeconds: 100),
        .init(job: 2, node: 0, gpu: 1, hold: .mps(clientLimit: 2),
          startSeconds: 0, endSeconds: 50),
      ])
  }

  @Test func pairSecondsAndScoreOfTheMPSExample() {
    let metrics = mpsExample().isolation()
    let pair = metrics.pairs[0][1]
    #expect(pair.sharedGPUSeconds == [.mps: 50])
    #expect(pair.sharedNodeSeconds == 100)
    #expect(!pair.networkReachable)
    // 50 s at node level (0.35) + 50 s at MPS (1.0)
    #expect(close(pair.exposureScoreSeconds, 67.5))
    #expect(metrics.pairs[1][0] == pair)
    #expect(metrics.activeSeconds == [100, 100])
    // 1 − (67.5 + 67.5) / (100 + 100)
    #expect(close(metrics.isolationScore, 0.325))
  }

  @Test func networkReachOnlyCostsItsScore() {
    func run(_ reachability: Reachability) -> IsolationMetrics {
      RunObservation(
        horizonSeconds: 100, tenants: tenants(2),
        reachability: reachability, nodes: [node("a"), node("b")],
        jobs: [ranJob("a", tenant: 0, start: 0, end: 100),
          ranJob("b", tenant: 1, start: 0, end: 100)],
        allocations: [
          .init(job: 0, node: 0, gpu: 0, startSeconds: 0, endSeconds: 100),
          .init(job: 1, node: 1, gpu: 0, startSeconds: 0, endSeconds: 100),
        ]
      ).isolation()
    }
    // 1 − (5 + 5) / 200
    #expect(close(run(.open(tenantCount: 2)).isolationScore, 0.95))
    #expect(run(.open(tenantCount: 2)).pairs[0][1].networkReachable)
    #expect(close(run(denyAll(2)).isolationScore, 1))
    // One direction suffices.
    let oneWay = Reachability(allows: [[true, true], [false, true]])
    #expect(close(run(oneWay).isolationScore, 0.95))
  }

  @Test func migInstancesOnOneGPUScoreHalf() {
    let observation = RunObservation(
      horizonSeconds: 10, tenants: tenants(2), reachability: denyAll(2),
      nodes: [node(gpus: 1, mig: true)],
      jobs: [ranJob("a", tenant: 0, start: 0, end: 10),
        ranJob("b", tenant: 1, start: 0, end: 10)],
      allocations: [
        .init(job: 0, node: 0, gpu: 0,
          hold: migHold("3g.20gb", compute: 3, memory: 4, start: 0,
            instance: 1), startSeconds: 0, endSeconds: 10),
        .init(job: 1, node: 0, gpu: 0,
          hold: migHold("3g.20gb", compute: 3, memory: 4, start: 4,
            instance: 2), startSeconds: 0, endSeconds: 10),
      ])
    let metrics = observation.isolation()
    #expect(metrics.pairs[0][1].sharedGPUSeconds == [.migInstances: 10])
    #expect(close(metrics.isolationScore, 0.5))
  }

  @Test func nvlinkDomainCountsOnlyAcrossNodes() {
    let observation = RunObservation(
      horizonSeconds: 10, tenants: tenants(2), reachability: denyAll(2),
      nodes: [node("a", domain: 7), node("b", domain: 7)],
      jobs: [ranJob("a", tenant: 0, start: 0, end: 10),
        ranJob("b", tenant: 1, start: 0, end: 10)],
      allocations: [
        .init(job: 0, node: 0, gpu: 0, startSeconds: 0, endSeconds: 10),
        .init(job: 1, node: 1, gpu: 0, startSeconds: 0, endSeconds: 10),
      ])
    let metrics = observation.isolation()
    #expect(metrics.pairs[0][1].sharedNVLinkDomainSeconds == 10)
    #expect(metrics.pairs[0][1].sharedNodeSeconds == 0)
    #expect(close(metrics.isolationScore, 0.8))
  }

  @Test(arguments: 1...20 as ClosedRange<UInt64>)
  func dedicatedNodesShareNothing(seed: UInt64) {
    // Tenant t only lands on nodes 2t and 2t + 1.
    let observation = randomObservation(
      seed: seed, reachability: denyAll(3)
    ) { tenant, random in 2 * tenant + random.nextInt(below: 2) }
    let metrics = observation.isolation()
    for a in 0..<3 {
      for b in 0..<3 where a != b {
        #expect(metrics.pairs[a][b].sharedNodeSeconds == 0)
        #expect(metrics.pairs[a][b].sharedAnyGPUSeconds == 0)
      }
    }
    #expect(metrics.isolationScore == 1)
  }

  @Test(arguments: 1...20 as ClosedRange<UInt64>)
  func packedRunsKeepTheInvariants(seed: UInt64) {
    let observation = randomObservation(seed: seed, nodeCount: 2) {
      _, random in random.nextInt(below: 2)
    }
    let metrics = observation.isolation()
    #expect(metrics.isolationScore >= 0 && metrics.isolationScore <= 1)
    for a in 0..<3 {
      for b in 0..<3 where a != b {
        let pair = metrics.pairs[a][b]
        #expect(pair == metrics.pairs[b][a])
        for seconds in pair.sharedGPUSeconds.values {
          #expect(seconds <= pair.sharedNodeSeconds)
        }
        #expect(pair.sharedNodeSeconds <= min(
          metrics.activeSeconds[a], metrics.activeSeconds[b]))
      }
    }
  }
}
