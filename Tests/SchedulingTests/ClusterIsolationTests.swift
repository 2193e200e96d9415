import ClusterModel
import Testing
@testable import Scheduling

@Suite("Cluster tenant isolation and gangs")
struct ClusterIsolationTests {
  let tenants = [
    Tenant(name: "own-gpus", isolation: .exclusiveGPUs),
    Tenant(name: "plain"),
    Tenant(name: "own-nodes", isolation: .dedicatedNodes(pools: [])),
  ]

  @Test func othersMayNotShareAGPUWithATenantRequiringExclusiveGPUs() {
    var scheduler = ClusterScheduler(
      cluster: cluster(
        pool("ts", gpus: 1, sharing: .timeSlicing(replicas: 4)),
        tenants: tenants),
      strategy: .firstFit)
    #expect(scheduler.place(1, request(.timeSliceReplicas(1), tenant: 0)).node == 0)
    let refused = scheduler.place(2, request(.timeSliceReplicas(1), tenant: 1))
    #expect(refused.node == nil)
    var r = request(.timeSliceReplicas(1), tenant: 1)
    scheduler.state.intern(&r)
    #expect(scheduler.state.refusal(for: r, onNode: 0)?.reason.filter
      == "TenantIsolation")
    #expect(scheduler.place(3, request(.timeSliceReplicas(1), tenant: 0)).node == 0)
  }

  @Test func aTenantRequiringExclusiveGPUsAvoidsGPUsOthersHold() {
    var scheduler = ClusterScheduler(
      cluster: cluster(
        pool("ts", gpus: 2, sharing: .timeSlicing(replicas: 4)),
        tenants: tenants),
      strategy: .firstFit)
    scheduler.place(1, request(.timeSliceReplicas(1), tenant: 1))
    let decision = scheduler.place(2, request(.timeSliceReplicas(1), tenant: 0))
    #expect(decision == .placed(node: 0, devices: .share(gpu: 1, units: 1), score: 100))
  }

  @Test func dedicatedNodesKeepOtherTenantsOutBothWays() {
    var scheduler = ClusterScheduler(
      cluster: cluster(pool("p", nodes: 2), tenants: tenants),
      strategy: .firstFit)
    #expect(scheduler.place(1, request(.wholeGPUs(1), tenant: 2)).node == 0)
    #expect(scheduler.place(2, request(.wholeGPUs(1), tenant: 1)).node == 1)
    #expect(scheduler.place(3, request(.wholeGPUs(1), tenant: 2)).node == 0)
    scheduler.release(1)
    scheduler.release(3)
    #expect(scheduler.place(4, request(.wholeGPUs(1), tenant: 1)).node == 0)
    #expect(scheduler.place(5, request(.wholeGPUs(1), tenant: 2)).node == nil)
    #expect(scheduler.state.checkInvariants() == [])
  }

  @Test func gangIsPlacedWholeOrNotAtAll() {
    var scheduler = ClusterScheduler(
      cluster: cluster(pool("p", nodes: 2, gpus: 2)), strategy: .firstFit)
    let three = (1...3).map { ($0, request(.wholeGPUs(2))) }
    guard case .unschedulable(let pod, _) = scheduler.placeGang(three) else {
      Issue.record("a gang of 3 × 2 GPUs fits on 4 GPUs")
      return
    }
    #expect(pod == 3)
    #expect(scheduler.state.boundPodCount == 0)
    #expect(scheduler.state.checkInvariants() == [])
    let two = (4...5).map { ($0, request(.wholeGPUs(2))) }
    guard case .placed(let placed) = scheduler.placeGang(two) else {
      Issue.record("a gang of 2 × 2 GPUs fits on 4 GPUs")
      return
    }
    #expect(placed.map(\.node) == [0, 1])
  }

  @Test func evictAllReleasesEveryPodOfTheNode() {
    var scheduler = ClusterScheduler(
      cluster: cluster(pool("p", nodes: 2, gpus: 2)), strategy: .firstFit)
    for pod in 1...3 { scheduler.place(pod, request(.wholeGPUs(1))) }
    scheduler.state.setFailed(true, node: 0)
    #expect(scheduler.state.evictAll(onNode: 0) == [1, 2])
    #expect(scheduler.state.boundPodCount == 1)
    #expect(scheduler.place(4, request(.wholeGPUs(1))).node == 1)
    #expect(scheduler.state.checkInvariants() == [])
  }

  @Test func strategyNamesParseAndUnknownNamesListTheValidOnes() throws {
    #expect(try StrategyName(parsing: "best-fit") == .bestFit)
    #expect(try StrategyName(parsing: "binpack") == .bestFit)
    #expect(throws: UnknownStrategyName.self) {
      try StrategyName(parsing: "binpacking-deluxe")
    }
    let message = UnknownStrategyName(found: "x").description
    for name in StrategyName.allCases {
      #expect(message.contains(name.rawValue))
    }
  }
}
