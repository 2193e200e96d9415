import Scheduling
import Testing

@Suite("Placement scheduler over fractional nodes")
struct FractionalSchedulerTests {
  @Test func tiesGoToTheFirstNodeInPriorityOrder() {
    // Three identical idle nodes score alike under BestFit.
    let nodes = Array(repeating: Build.node(free: [1000, 1000]), count: 3)
    for order in [[0, 1, 2], [2, 0, 1], [1, 2, 0]] {
      let cluster = PlacementCluster(nodes: nodes, priorityOrder: order)
      var scheduler = PlacementScheduler(strategy: FractionalBestFitPolicy())
      #expect(scheduler.decide(Build.pod(), in: cluster).node == order[0])
    }
  }

  @Test func highestScoreWinsOverPriority() {
    // BestFit prefers the fuller node 1 even though node 0 comes first.
    let nodes = [Build.node(free: [1000, 1000]), Build.node(free: [1000, 0])]
    let cluster = PlacementCluster(nodes: nodes, priorityOrder: [0, 1])
    var scheduler = PlacementScheduler(strategy: FractionalBestFitPolicy())
    #expect(scheduler.decide(Build.pod(), in: cluster).node == 1)
  }

  @Test func reusedScoresFollowNodeChanges() {
    // Placing on node 1 changes it; the remembered score must not be
    // reused for the next identical request.
    let nodes = [Build.node(free: [1000, 1000]), Build.node(free: [1000, 1000])]
    var cluster = PlacementCluster(nodes: nodes, priorityOrder: [1, 0])
    var scheduler = PlacementScheduler(
      strategy: FractionalGPUPackingPolicy())
    var request = Build.pod()
    request.scoreClass = 0
    #expect(scheduler.place(request, in: &cluster).node == 1)
    #expect(scheduler.place(request, in: &cluster).node == 1)  // fuller
    #expect(scheduler.place(request, in: &cluster).node == 0)
    #expect(cluster.nodes[1].idleGPUMilli == 0)
  }

  @Test func refusalCountsNodesAndNamesTheClosest() {
    let nodes = [
      Build.node(free: [100]), Build.node(free: [1000], cpuFree: 10),
      Build.node(free: [200]),
    ]
    let cluster = PlacementCluster(nodes: nodes)
    var scheduler = PlacementScheduler(strategy: FractionalBestFitPolicy())
    guard case .refused(let failure) = scheduler.decide(
      Build.pod(cpu: 500, milli: 900), in: cluster)
    else {
      Issue.record("expected a refusal")
      return
    }
    #expect(failure.nodesByReason[FractionalNode.Filter.gpu] == 2)
    #expect(failure.nodesByReason[FractionalNode.Filter.cpu] == 1)
    #expect(failure.primaryReason == FractionalNode.Filter.cpu)
    #expect(failure.description.hasPrefix("0/3 nodes are available"))
  }
}
