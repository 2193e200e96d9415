import ClusterModel
import MIGGeometry
import Scenarios
import Scheduling
import Scoring
import Simulation
import Testing

@testable import Sweeps

/// The adapter from run records to observations, on runs small enough to
/// follow by hand.
@Suite("Run record to observation")
struct ObservationAdapterTests {
  /// Two nodes of one whole A100 each, two tenants, open networks.
  static let twoNodes = """
    name: two-nodes
    pools:
      - {name: p, nodeCount: 2, gpuModel: A100-SXM4-40GB, gpuCount: 1,
         cpu: 8, memory: 64Gi}
    tenants:
      - {name: a}
      - {name: b}
    templates:
      - {name: one, kind: batch, requests: {gpus: 1, cpu: 2}, duration: 100}
    simulation: {horizon: 200}
    """

  @Test func threeJobsOnTwoNodesGiveTheIntervalsWaitsAndScoresByHand()
    throws
  {
    // First fit: A (a) takes node 0 at 0 for 100 s; B (b) node 1 at 0 for
    // 50 s; C (a) arrives at 10, waits for B and runs on node 1 50–80.
    var base = try scenario(Self.twoNodes)
    base = adding(
      jobs: [
        job("A", at: 0, runs: 100, tenant: "a"),
        job("C", at: 10, runs: 30, tenant: "a"),
      ], of: "a", to: base)
    base = adding(
      jobs: [job("B", at: 0, runs: 50, tenant: "b")], of: "b", to: base)
    let (_, observation) = try observe(base)

    #expect(observation.horizonSeconds == 200)
    #expect(observation.tenants.map(\.name) == ["a", "b"])
    #expect(observation.nodes.map(\.name) == ["p-0", "p-1"])
    #expect(observation.capacity.gpus == 2)
    let byName = Dictionary(
      uniqueKeysWithValues: observation.jobs.enumerated().map {
        ($0.element.name, $0.offset)
      })
    let a = try #require(byName["A"])
    let b = try #require(byName["B"])
    let c = try #require(byName["C"])
    let spans = observation.allocations.map {
      [$0.job, $0.node, $0.gpu ?? -1, $0.startSeconds, $0.endSeconds]
    }
    #expect(
      Set(spans) == [[a, 0, 0, 0, 100], [b, 1, 0, 0, 50], [c, 1, 0, 50, 80]])
    #expect(observation.allocations.allSatisfy { $0.hold == .exclusive })
    #expect(observation.allocations.allSatisfy { $0.cpuMilli == 2000 })
    // The whole 40 GB of an A100-40GB, in MiB.
    #expect(observation.allocations.allSatisfy { $0.gpuMemoryMiB == 40_960 })
    #expect(observation.jobs[c].startSeconds == 50)
    #expect(observation.jobs.allSatisfy { $0.outcome == .finished })

    let score = RunScore(observation)
    // Waits 0, 0, 40: the median is 0, p95 (rank 3 of 3) is 40.
    #expect(score.waiting.overall.wait?.p50 == 0)
    #expect(score.waiting.overall.wait?.p95 == 40)
    // (100 + 50 + 30) GPU-seconds over 2 GPUs × 200 s.
    #expect(score.utilization.gpuAllocation == 0.45)
    // a and b never share a node; both run on [0, 50) with open networks,
    // 0.05 each: 1 − (2.5 + 2.5) / (100 + 50).
    #expect(score.isolation.pairs[0][1].sharedNodeSeconds == 0)
    #expect(abs(score.isolation.isolationScore - 29.0 / 30) < 1e-12)
  }

  @Test func migInstancesAndTimeSliceReplicasBecomeOneHoldEach() throws {
    let text = """
      name: holds
      pools:
        - name: mig
          gpuModel: A100-SXM4-40GB
          gpuCount: 1
          cpu: 8
          memory: 64Gi
          sharing: {mode: mig, layout: [3g.20gb@4, 3g.20gb@0]}
        - {name: ts, gpuModel: A100-SXM4-40GB, gpuCount: 1, cpu: 8,
           memory: 64Gi, sharing: {mode: timeSlicing, replicas: 4}}
      tenants:
        - {name: a}
      templates:
        - {name: one, kind: inference, requests: {mig: 3g.20gb, cpu: 1},
           duration: 100}
        - {name: two, kind: agent, requests: {timeSliceReplicas: 2, cpu: 3},
           duration: 100}
      simulation: {horizon: 100}
      """
    let base = adding(
      jobs: [
        job("m", at: 0, runs: 100, tenant: "a"),
        job("t", at: 0, runs: 100, tenant: "a", template: "two"),
      ], of: "a", to: try scenario(text))
    let (_, observation) = try observe(base)
    let model = try #require(GPUModel.named("A100-SXM4-40GB"))
    let profile = try #require(model.profile(named: "3g.20gb"))

    #expect(observation.nodes.map { $0.gpus[0].isMIGEnabled } == [true, false])
    let mig = observation.allocations.filter { $0.node == 0 }
    #expect(mig.count == 1)
    guard case .mig(let hold) = mig.first?.hold else {
      Issue.record("expected a MIG hold, found \(String(describing: mig))")
      return
    }
    #expect(hold.computeSlices == 3 && hold.memorySlices == 4)
    #expect([0, 4].contains(hold.startMemorySlice))
    #expect(hold.gpuInstanceID == hold.startMemorySlice)
    #expect(mig.first?.gpuMemoryMiB == Int(profile.memoryGiB * 1024))

    // Two replicas of four: two holds of a quarter each, CPU split 2 + 1.
    let sliced = observation.allocations.filter { $0.node == 1 }
    #expect(
      sliced.map(\.hold) == [.timeSlice(replicas: 4), .timeSlice(replicas: 4)])
    #expect(sliced.map(\.cpuMilli) == [1500, 1500])
    #expect(sliced.map(\.gpuMemoryMiB) == [10_240, 10_240])
    // Utilization: 3/7 of GPU 0 and 2/4 of GPU 1 for the whole run.
    let score = RunScore(observation)
    #expect(
      abs(score.utilization.gpuAllocation - (3.0 / 7 + 0.5) / 2) < 1e-12)
  }

  @Test func nominalGPUsIsTheLargestQuotaShareInGPUs() throws {
    let text = """
      name: quotas
      pools:
        - {name: p, nodeCount: 2, gpuModel: A100-SXM4-40GB, gpuCount: 2,
           cpu: 10, memory: 100Gi, sharing: {mode: mig, layout: all-balanced}}
      tenants:
        - {name: gpus, quota: {gpus: 3}}
        - {name: slices, quota: {migProfiles: {3g.20gb: 2, 1g.5gb: 7}}}
        - {name: cpu, quota: {cpu: 5, memory: 10Gi}}
        - {name: none}
      """
    let loaded = try scenario(text)
    let capacity = ClusterCapacity(
      gpus: 4, computeSlices: 28,
      memorySlices: 32, gpuMemoryMiB: 4 * 40_960)
    let nominal = loaded.cluster.tenants.map {
      RunObservation.nominalGPUs(
        of: $0, cluster: loaded.cluster, capacity: capacity)
    }
    // 3 GPUs; (2 × 3 + 7 × 1) = 13 of 28 slices × 4; CPU 5 of 20 cores
    // beats memory 10 of 200 GiB: 0.25 × 4; no quota: 0.
    #expect(nominal[0] == 3)
    #expect(abs(nominal[1] - 13.0 / 28 * 4) < 1e-12)
    #expect(nominal[2] == 1)
    #expect(nominal[3] == 0)
  }

  @Test func scenarioInterferenceOverridesReachTheCoefficients() {
    let overrides = InterferenceCoefficients(
      migNeighbour: 0.05, timeSlicingOverhead: 0.2,
      tailFactors: ["mps": 3.5, "fractional": 2.0])
    let coefficients = ContentionCoefficients(overrides)
    #expect(coefficients.migNeighbour == 0.05)
    #expect(coefficients.mpsBandwidth == ContentionCoefficients().mpsBandwidth)
    #expect(coefficients.timeSliceOverhead == 0.2)
    #expect(coefficients.tailMPS == 3.5)
    #expect(coefficients.tailTimeSlicing == 2.0)
  }

  @Test func requestMixesWeighTemplatesByWhatTheRunAskedFor() throws {
    let (_, observation) = try observe(try scenario(smallMixedCluster))
    #expect(observation.expectedMIGRequests.map(\.profileName) == ["1g.5gb"])
    #expect(observation.typicalPods.map(\.gpuCount) == [1])
    #expect(observation.typicalPods.map(\.gpuMilliPerGPU) == [1000])
    let serving = observation.jobs.filter { $0.kind == .inference }.count
    #expect(observation.expectedMIGRequests.first?.weight == Double(serving))
  }
}
