import ClusterModel
import Testing
@testable import Scheduling

@Suite("Cluster randomized invariants")
struct ClusterRandomizedTests {
  static func randomCluster(_ random: inout TestRandom) -> Cluster {
    let sharings: [GPUSharing] = [
      .exclusive, .timeSlicing(replicas: 3), .mps(clientLimit: 4),
      .fractional, migGPU("3g.20gb@0 2g.10gb@4 1g.5gb@6"),
      migGPU("1g.5gb@0 1g.5gb@1 1g.5gb@2 1g.5gb@3 3g.20gb@4"),
    ]
    let taints = [
      Taint(key: "gpu", effect: .noSchedule),
      Taint(key: "spot", effect: .preferNoSchedule),
    ]
    let pools = (0..<(1 + random.int(3))).map { p in
      NodePool(
        name: "p\(p)", nodeCount: 1 + random.int(6), gpuModel: a100,
        gpuCount: 1 + random.int(4), cpuMilli: 4_000 + 4_000 * random.int(4),
        memoryMiB: 16_384, labels: ["zone": random.int(2) == 0 ? "x" : "y"],
        taints: random.int(3) == 0 ? [taints[random.int(2)]] : [],
        sharing: sharings[random.int(sharings.count)])
    }
    return Cluster(
      pools: pools,
      tenants: [
        Tenant(name: "a"), Tenant(name: "b", isolation: .exclusiveGPUs),
        Tenant(name: "c", isolation: .dedicatedNodes(pools: [])),
      ])
  }

  static func randomRequest(_ random: inout TestRandom) -> PodRequest {
    let gpus: [GPURequest] = [
      .none, .wholeGPUs(1), .wholeGPUs(2), .timeSliceReplicas(1),
      .mpsClients(2), .milliGPUs(300), .milliGPUs(700),
      .migInstances(profile: "1g.5gb", count: 1),
      .migInstances(profile: "3g.20gb", count: 1),
      .migInstances(profile: "2g.10gb", count: 1),
    ]
    var r = request(
      gpus[random.int(gpus.count)], cpuMilli: 500 * (1 + random.int(4)),
      memoryMiB: 1_024 * (1 + random.int(4)), tenant: random.int(3),
      tolerations: random.int(2) == 0
        ? [Toleration(key: "gpu", operator: .exists)] : [])
    if random.int(5) == 0 {
      r.placement = NodePlacement(nodeSelector: ["zone": "x"])
    }
    return r
  }

  @Test func indexedDecisionsAgreeWithAScanAndKeepInvariants() {
    for seed in 0..<300 {
      var random = TestRandom(seed: UInt64(seed))
      let cluster = Self.randomCluster(&random)
      let strategy = StrategyName.allCases[seed % StrategyName.allCases.count]
      var scheduler = ClusterScheduler(
        cluster: cluster, strategy: strategy, seed: UInt64(seed))
      var live: [PodID] = []
      for step in 0..<60 {
        if !live.isEmpty && random.int(3) == 0 {
          let pod = live.remove(at: random.int(live.count))
          scheduler.release(pod)
        } else {
          var r = Self.randomRequest(&random)
          scheduler.state.intern(&r)
          let scan = scheduler.state.fittingNodesByScan(for: r)
          let decision = scheduler.place(step, r)
          let label = "seed \(seed) step \(step) \(strategy)"
          let kinds = scan.map {
            scheduler.state.pools[scheduler.state.pool(ofNode: $0)].kind
          }
          #expect(
            (decision.node != nil) == !scan.isEmpty,
            "\(label) \(r.gpu) fits \(scan) of kinds \(kinds)")
          if let node = decision.node {
            #expect(scan.contains(node), "\(label)")
            live.append(step)
          }
          if strategy == .firstFit, let node = decision.node {
            let groups = scheduler.state.poolGroups(for: r)
            let expected = groups.lazy.compactMap { group in
              scan.first { group.contains(scheduler.state.pool(ofNode: $0)) }
            }.first
            #expect(node == expected, "\(label)")
          }
        }
        let problems = scheduler.state.checkInvariants()
        #expect(problems.isEmpty, "seed \(seed) step \(step): \(problems)")
        if !problems.isEmpty { return }
      }
    }
  }

  @Test func copiesBoundIsNeverBelowTheCopiesThatFit() {
    for seed in 0..<300 {
      var random = TestRandom(seed: UInt64(seed))
      let cluster = Self.randomCluster(&random)
      var scheduler = ClusterScheduler(cluster: cluster, strategy: .firstFit)
      // Occupy part of the cluster first.
      for pod in 0..<random.int(12) {
        scheduler.place(pod, Self.randomRequest(&random))
      }
      var r = Self.randomRequest(&random)
      scheduler.state.intern(&r)
      let bound = scheduler.state.copiesBound(of: r, limit: 1_000)
      var copies = 0
      while copies < 1_000,
        scheduler.place(10_000 + copies, r).node != nil
      {
        copies += 1
      }
      #expect(bound >= copies, "seed \(seed): \(r.gpu) bound \(bound)")
      // A gang one larger than the bound is refused with nothing bound.
      let left = scheduler.state.copiesBound(of: r, limit: 1_000)
      if left < 1_000 {
        let gang = (0...left).map { (pod: 20_000 + $0, request: r) }
        let before = scheduler.state.boundPodCount
        if case .placed = scheduler.placeGang(gang) {
          Issue.record("seed \(seed): a gang above the bound was placed")
        }
        #expect(scheduler.state.boundPodCount == before, "seed \(seed)")
        #expect(scheduler.state.checkInvariants() == [], "seed \(seed)")
      }
    }
  }
}
