import ClusterModel
import Testing
@testable import Scheduling

@Suite("Strategy choices on hand-built clusters")
struct StrategyChoiceTests {
  /// Three nodes of 4 GPUs with 2, 3 and 0 GPUs taken.
  func loaded(_ strategy: StrategyName, seed: UInt64 = 1) -> ClusterScheduler {
    var scheduler = ClusterScheduler(
      cluster: cluster(pool("p", nodes: 3),
        tenants: [Tenant(name: "a"), Tenant(name: "b")]),
      strategy: strategy, seed: seed)
    var pod = 100
    for (node, count) in [(0, 2), (1, 3)] {
      for g in 0..<count {
        var r = request(.wholeGPUs(1), tenant: 1)
        scheduler.state.intern(&r)
        pod += 1
        scheduler.state.bind(pod, r, toNode: node, devices: .wholeGPUs([g]))
      }
    }
    return scheduler
  }

  @Test("node chosen for one GPU", arguments: [
    (StrategyName.firstFit, 0, [2]),
    (.bestFit, 1, [3]),
    (.spread, 2, [0]),
    (.tenantPacking, 2, [0]),
  ])
  func nodeChosen(_ strategy: StrategyName, node: Int, gpus: [Int]) {
    var scheduler = loaded(strategy)
    let decision = scheduler.decide(request(.wholeGPUs(1), tenant: 0))
    #expect(decision == .placed(node: node, devices: .wholeGPUs(gpus), score: 100))
  }

  @Test func tenantPackingJoinsTheTenantsOwnNode() {
    var scheduler = loaded(.tenantPacking)
    let decision = scheduler.decide(request(.wholeGPUs(1), tenant: 1))
    // Tenant b holds nodes 0 and 1 alone; node 0 is first.
    #expect(decision.node == 0)
  }

  @Test func randomChoosesOnlyFeasibleNodesUniformlyAndRepeatably() {
    var scheduler = loaded(.random, seed: 42)
    var again = loaded(.random, seed: 42)
    var counts = [0, 0, 0]
    var first: [Int] = []
    var second: [Int] = []
    for _ in 0..<3_000 {
      let node = scheduler.decide(request(.wholeGPUs(2))).node ?? -1
      first.append(node)
      second.append(again.decide(request(.wholeGPUs(2))).node ?? -1)
      if node >= 0 { counts[node] += 1 }
    }
    #expect(first == second)
    #expect(counts[1] == 0)  // node 1 has one free GPU
    #expect(abs(counts[0] - counts[2]) < 300)
  }

  @Test func fragmentationAwareTakesTheInstanceThatKeepsThreeGSlots() {
    let seven = (0..<7).map { "1g.5gb@\($0)" }.joined(separator: " ")
    let mix = ExpectedMix(migProfiles: ["3g.20gb": 1])
    var scheduler = ClusterScheduler(
      cluster: cluster(pool("p", nodes: 2, gpus: 1, sharing: migGPU(seven))),
      strategy: .fragmentationAware, mix: mix)
    var oneG = request(.migInstances(profile: "1g.5gb", count: 1))
    scheduler.state.intern(&oneG)
    scheduler.state.bind(1, oneG, toNode: 1, devices: .migInstances([
      MIGInstanceRef(gpu: 0, profile: "1g.5gb", start: 0)
    ]))
    // Node 0 is empty: every 1g costs one 3g slot (V 2 → 1). Node 1 has
    // 1g@0 busy, so only 3g@4 remains (V = 1); 1g@1 keeps it (cost 0).
    let decision = scheduler.decide(oneG)
    #expect(decision == .placed(
      node: 1,
      devices: .migInstances([
        MIGInstanceRef(gpu: 0, profile: "1g.5gb", start: 1)
      ]), score: 100))
    var firstFit = ClusterScheduler(
      state: scheduler.state, strategy: FirstFitStrategy())
    #expect(firstFit.decide(oneG).node == 0)
  }

  @Test func bestFitPacksFractionsOntoTheFullestGPU() {
    var scheduler = ClusterScheduler(
      cluster: cluster(pool("f", nodes: 1, gpus: 2, sharing: .fractional)),
      strategy: .bestFit)
    scheduler.place(1, request(.milliGPUs(600)))
    scheduler.place(2, request(.milliGPUs(200)))
    guard case .placed(_, let first, _) = scheduler.decide(
      request(.milliGPUs(300))) else {
      Issue.record("300m fits")
      return
    }
    // GPU 0 has 200m free after 600m + 200m; 300m goes to GPU 1.
    #expect(first == .share(gpu: 1, units: 300))
    guard case .placed(_, let second, _) = scheduler.decide(
      request(.milliGPUs(100))) else {
      Issue.record("100m fits")
      return
    }
    #expect(second == .share(gpu: 0, units: 100))
  }
}
