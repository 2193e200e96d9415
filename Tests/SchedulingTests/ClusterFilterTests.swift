import ClusterModel
import Testing
@testable import Scheduling

@Suite("Cluster filters")
struct ClusterFilterTests {
  struct TaintCase: CustomTestStringConvertible, Sendable {
    var name: String
    var taints: [Taint]
    var tolerations: [Toleration]
    var refusedBy: String?
    var testDescription: String { name }
  }

  static let taintCases: [TaintCase] = [
    .init(name: "untainted node admits", taints: [], tolerations: [],
      refusedBy: nil),
    .init(
      name: "untolerated NoSchedule refuses naming the taint",
      taints: [Taint(key: "sku", value: "gpu", effect: .noSchedule)],
      tolerations: [], refusedBy: "sku=gpu:NoSchedule"),
    .init(
      name: "untolerated NoExecute refuses",
      taints: [Taint(key: "maint", effect: .noExecute)], tolerations: [],
      refusedBy: "maint:NoExecute"),
    .init(
      name: "PreferNoSchedule never refuses",
      taints: [Taint(key: "spot", effect: .preferNoSchedule)],
      tolerations: [], refusedBy: nil),
    .init(
      name: "Equal toleration with the value admits",
      taints: [Taint(key: "sku", value: "gpu", effect: .noSchedule)],
      tolerations: [Toleration(key: "sku", value: "gpu")], refusedBy: nil),
    .init(
      name: "Equal toleration with another value refuses",
      taints: [Taint(key: "sku", value: "gpu", effect: .noSchedule)],
      tolerations: [Toleration(key: "sku", value: "cpu")],
      refusedBy: "sku=gpu:NoSchedule"),
    .init(
      name: "toleration for another effect refuses",
      taints: [Taint(key: "sku", value: "gpu", effect: .noSchedule)],
      tolerations: [
        Toleration(key: "sku", value: "gpu", effect: .noExecute)
      ], refusedBy: "sku=gpu:NoSchedule"),
    .init(
      name: "empty key Exists tolerates everything",
      taints: [
        Taint(key: "a", effect: .noSchedule),
        Taint(key: "b", effect: .noExecute),
      ],
      tolerations: [.everything], refusedBy: nil),
    .init(
      name: "first untolerated taint is the one named",
      taints: [
        Taint(key: "a", effect: .noSchedule),
        Taint(key: "b", effect: .noSchedule),
      ],
      tolerations: [Toleration(key: "a", operator: .exists)],
      refusedBy: "b:NoSchedule"),
  ]

  @Test("taint filter", arguments: taintCases)
  func taintFilter(_ c: TaintCase) {
    var state = ClusterState(cluster: cluster(nodeWithTaints("n", c.taints)))
    var r = request(tolerations: c.tolerations)
    state.intern(&r)
    let refusal = state.refusal(for: r, onNode: 0)
    #expect(refusal?.reason.resource == c.refusedBy)
    if c.refusedBy != nil {
      #expect(refusal?.reason.filter == "TaintToleration")
    }
  }

  @Test func preferNoScheduleSteersToTheUntaintedPoolFirst() {
    let spot = Taint(key: "spot", effect: .preferNoSchedule)
    var scheduler = ClusterScheduler(
      cluster: cluster(
        pool("tainted", taints: [spot]), pool("clean")),
      strategy: .firstFit)
    let decision = scheduler.place(1, request(.wholeGPUs(1)))
    #expect(decision == .placed(node: 1, devices: .wholeGPUs([0]), score: 100))
  }

  @Test func preferNoScheduleScoresNormaliseZeroOneTwoToHundredFiftyZero() {
    let a = Taint(key: "a", effect: .preferNoSchedule)
    let b = Taint(key: "b", effect: .preferNoSchedule)
    var state = ClusterState(
      cluster: cluster(
        pool("p0"), pool("p1", taints: [a]), pool("p2", taints: [a, b])))
    var r = request()
    state.intern(&r)
    let scores = (0..<3).map { state.preferNoScheduleScore(for: r, pool: $0) }
    #expect(scores == [100, 50, 0])
  }

  @Test func preferNoScheduleTaintedPoolIsUsedWhenTheCleanOneIsFull() {
    let spot = Taint(key: "spot", effect: .preferNoSchedule)
    var scheduler = ClusterScheduler(
      cluster: cluster(pool("tainted", taints: [spot]), pool("clean", gpus: 1)),
      strategy: .firstFit)
    #expect(scheduler.place(1, request(.wholeGPUs(1))).node == 1)
    #expect(scheduler.place(2, request(.wholeGPUs(1))).node == 0)
  }

  @Test func nodeSelectorAndAffinityFilterPools() {
    var state = ClusterState(
      cluster: cluster(
        pool("a", labels: ["zone": "x"]), pool("b", labels: ["zone": "y"])))
    var bySelector = request(placement: NodePlacement(nodeSelector: ["zone": "y"]))
    state.intern(&bySelector)
    #expect(state.fittingNodesByScan(for: bySelector) == [1])
    #expect(state.refusal(for: bySelector, onNode: 0)?.reason.filter
      == "NodeAffinity")
    let notX = NodeSelector(terms: [
      NodeSelectorTerm(matchExpressions: [
        NodeSelectorRequirement(key: "zone", operator: .notIn, values: ["x"])
      ])
    ])
    var byAffinity = request(placement: NodePlacement(requiredAffinity: notX))
    state.intern(&byAffinity)
    #expect(state.fittingNodesByScan(for: byAffinity) == [1])
  }

  @Test func sharingModeAndProfileMismatchesAreRefusedByName() {
    var state = ClusterState(
      cluster: cluster(pool("ex"), pool("mig", sharing: migGPU("7g.40gb@0"))))
    var whole = request(.wholeGPUs(1))
    var mig = request(.migInstances(profile: "3g.40gb", count: 1))
    state.intern(&whole)
    state.intern(&mig)
    #expect(state.refusal(for: whole, onNode: 1)?.reason.filter == "GPUSharing")
    #expect(state.refusal(for: mig, onNode: 0)?.reason.filter == "GPUSharing")
    #expect(state.refusal(for: mig, onNode: 1)?.reason.filter == "GPUModel")
  }

  @Test func resourceFitReportsRequestedAndAvailable() {
    var state = ClusterState(
      cluster: cluster(pool("p", gpus: 2, cpuMilli: 4_000, memoryMiB: 8_192)))
    var cpu = request(cpuMilli: 5_000)
    var gpu = request(.wholeGPUs(3))
    state.intern(&cpu)
    state.intern(&gpu)
    let cpuRefusal = state.refusal(for: cpu, onNode: 0)
    #expect(cpuRefusal?.reason.resource == "cpu")
    #expect(cpuRefusal?.requested == 5_000)
    #expect(cpuRefusal?.available == 4_000)
    let gpuRefusal = state.refusal(for: gpu, onNode: 0)
    #expect(gpuRefusal?.reason.filter == "GPUFit")
    #expect(gpuRefusal?.requested == 3)
    #expect(gpuRefusal?.available == 2)
  }

  @Test func cordonedNodesAreRefusedAndReturnWhenUncordoned() {
    var scheduler = ClusterScheduler(
      cluster: cluster(pool("p", nodes: 2)), strategy: .firstFit)
    scheduler.state.setCordoned(true, node: 0)
    #expect(scheduler.place(1, request(.wholeGPUs(1))).node == 1)
    var r = request(.wholeGPUs(1))
    scheduler.state.intern(&r)
    #expect(scheduler.state.refusal(for: r, onNode: 0)?.reason.filter
      == "NodeUnschedulable")
    scheduler.state.setCordoned(false, node: 0)
    #expect(scheduler.place(2, request(.wholeGPUs(1))).node == 0)
  }

  @Test func explainCountsRefusalsPerPoolAndNamesTheClosestNode() {
    var state = ClusterState(
      cluster: cluster(
        nodeWithTaints("t", [Taint(key: "k", effect: .noSchedule)]),
        pool("small", nodes: 2, gpus: 1)))
    let explanation = state.explain(request(.wholeGPUs(2)))
    #expect(explanation.failure.nodeCount == 3)
    #expect(explanation.pools[0].nodesByReason.values.reduce(0, +) == 1)
    #expect(explanation.pools[1].nodesByReason.first?.key.filter == "GPUFit")
    #expect(explanation.closestNode == "small-0")
    #expect(explanation.failure.closest?.available == 1)
  }
}
