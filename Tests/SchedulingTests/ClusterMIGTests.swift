import ClusterModel
import MIGGeometry
import Testing
@testable import Scheduling

@Suite("Cluster MIG fit and repartitioning")
struct ClusterMIGTests {
  let threeG = GPURequest.migInstances(profile: "3g.20gb", count: 1)
  let oneG = GPURequest.migInstances(profile: "1g.5gb", count: 1)

  @Test func twoIdleOneGInstancesDoNotServeAThreeGPod() {
    var state = ClusterState(
      cluster: cluster(pool("p", gpus: 1, sharing: migGPU("1g.5gb@0 1g.5gb@1"))))
    var r = request(threeG)
    state.intern(&r)
    let refusal = state.refusal(for: r, onNode: 0)
    #expect(refusal?.reason.resource == "mig-3g.20gb")
    #expect(refusal?.available == 0)
  }

  @Test func anIdleThreeGInstanceServesOneThreeGPodAndNoOneGPods() {
    var scheduler = ClusterScheduler(
      cluster: cluster(pool("p", gpus: 1, sharing: migGPU("3g.20gb@4"))),
      strategy: .firstFit)
    #expect(scheduler.place(1, request(oneG)).node == nil)
    let placed = scheduler.place(2, request(threeG))
    #expect(placed.node == 0)
    #expect(placed == .placed(
      node: 0,
      devices: .migInstances([
        MIGInstanceRef(gpu: 0, profile: "3g.20gb", start: 4)
      ]), score: 100))
    #expect(scheduler.place(3, request(threeG)).node == nil)
  }

  @Test func repartitioningFindsRoomOnlyAroundBusyInstances() {
    let seven = (0..<7).map { "1g.5gb@\($0)" }.joined(separator: " ")
    // Busy 1g at 0 and 4: the 3g starts (0 and 4) are both blocked.
    var blocked = ClusterState(
      cluster: cluster(pool("p", gpus: 1, sharing: migGPU(seven))))
    for (pod, start) in [(1, 0), (2, 4)] {
      var r = request(oneG)
      blocked.intern(&r)
      blocked.bind(pod, r, toNode: 0, devices: .migInstances([
        MIGInstanceRef(gpu: 0, profile: "1g.5gb", start: start)
      ]))
    }
    var big = request(threeG)
    blocked.intern(&big)
    #expect(blocked.repartitionPlan(for: big) == nil)

    // Busy 1g at 0 and 1: 3g@4 fits after destroying idle 1g at 4, 5, 6.
    var open = ClusterState(
      cluster: cluster(pool("p", gpus: 1, sharing: migGPU(seven))))
    for (pod, start) in [(1, 0), (2, 1)] {
      var r = request(oneG)
      open.intern(&r)
      open.bind(pod, r, toNode: 0, devices: .migInstances([
        MIGInstanceRef(gpu: 0, profile: "1g.5gb", start: start)
      ]))
    }
    var big2 = request(threeG)
    open.intern(&big2)
    big = big2
    guard let plan = open.repartitionPlan(for: big) else {
      Issue.record("3g@4 is reachable")
      return
    }
    #expect(plan.changes.count == 1)
    #expect(plan.changes[0].destroyed.map(\.start) == [4, 5, 6])
    #expect(plan.changes[0].created == [
      MIGInstanceRef(gpu: 0, profile: "3g.20gb", start: 4)
    ])
    open.apply(plan, endingAt: 60)
    #expect(open.reconfigurationCount == 1)
    #expect(!open.fits(big, onNode: 0))
    #expect(open.checkInvariants() == [])
    open.finishReconfiguration(ofGPU: 0, onNode: 0)
    #expect(open.fits(big, onNode: 0))
    let busy = open.migInstances(onNode: 0, gpu: 0).filter { $0.pod != nil }
    #expect(busy.map(\.start) == [0, 1])
  }

  @Test func repartitioningPrefersTheGPUDestroyingFewestInstances() {
    var state = ClusterState(
      cluster: cluster(
        pool("a", gpus: 1, sharing: migGPU("2g.10gb@0 2g.10gb@2 2g.10gb@4")),
        pool("b", gpus: 1, sharing: migGPU("4g.20gb@0"))))
    var r = request(threeG)
    state.intern(&r)
    let plan = state.repartitionPlan(for: r)
    // Pool a: 3g@4 needs 2g@4 gone (one instance); pool b: 3g@4 is free
    // (no instance destroyed).
    #expect(plan?.node == 1)
    #expect(plan?.destroyedCount == 0)
  }

  @Test func repartitioningNeverTouchesBusyInstancesAndYieldsValidLayouts() {
    let layouts = [
      (0..<7).map { "1g.5gb@\($0)" }.joined(separator: " "),
      "2g.10gb@0 2g.10gb@2 2g.10gb@4 1g.5gb@6",
      "3g.20gb@0 1g.10gb@4 1g.10gb@6",
      "4g.20gb@0 2g.10gb@4 1g.5gb@6",
    ]
    let profiles = ["1g.5gb", "1g.10gb", "2g.10gb", "3g.20gb", "4g.20gb",
      "7g.40gb"]
    var random = TestRandom(seed: 7)
    for trial in 0..<200 {
      var state = ClusterState(
        cluster: cluster(
          pool("p", nodes: 2, gpus: 2,
            sharing: migGPU(layouts[trial % layouts.count]))))
      var pod = 0
      for node in 0..<2 {
        for gpu in 0..<2 {
          for instance in state.migInstances(onNode: node, gpu: gpu)
          where random.int(2) == 0 {
            var r = request(.migInstances(profile: instance.profile, count: 1))
            state.intern(&r)
            pod += 1
            state.bind(pod, r, toNode: node, devices: .migInstances([
              MIGInstanceRef(gpu: gpu, profile: instance.profile,
                start: instance.start)
            ]))
          }
        }
      }
      let before = (0..<2).flatMap { n in
        (0..<2).flatMap { g in
          state.migInstances(onNode: n, gpu: g).filter { $0.pod != nil }
            .map { "\(n)/\(g)/\($0.profile)@\($0.start)/\($0.pod!)" }
        }
      }
      var want = request(
        .migInstances(profile: profiles[random.int(profiles.count)], count: 1))
      state.intern(&want)
      guard let plan = state.repartitionPlan(for: want) else { continue }
      state.apply(plan, endingAt: 60)
      let after = (0..<2).flatMap { n in
        (0..<2).flatMap { g in
          state.migInstances(onNode: n, gpu: g).filter { $0.pod != nil }
            .map { "\(n)/\(g)/\($0.profile)@\($0.start)/\($0.pod!)" }
        }
      }
      #expect(before == after, "trial \(trial): busy instances changed")
      #expect(state.checkInvariants() == [], "trial \(trial)")
      for change in plan.changes {
        state.finishReconfiguration(ofGPU: change.gpu, onNode: plan.node)
      }
      #expect(state.fits(want, onNode: plan.node), "trial \(trial)")
    }
  }
}
